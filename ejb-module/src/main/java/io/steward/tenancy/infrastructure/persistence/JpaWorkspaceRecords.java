package io.steward.tenancy.infrastructure.persistence;

import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.StaleVersionException;
import io.steward.shared.infrastructure.persistence.IntegrityConstraints;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecord;
import io.steward.tenancy.domain.WorkspaceRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * Record queries as JPA criteria. Every query starts from the workspace predicate, and sorting puts
 * absent values last and ends with the id, so pages are stable on H2 and PostgreSQL alike.
 */
@ApplicationScoped
public class JpaWorkspaceRecords implements WorkspaceRecords {

  private static final String ID = "id";
  private static final String WORKSPACE = "workspaceId";

  @PersistenceContext(unitName = "steward")
  EntityManager em;

  @Override
  public <T extends WorkspaceRecord> Optional<T> find(
      Class<T> type, WorkspaceId workspace, UUID id) {
    return Optional.ofNullable(em.find(type, id))
        .filter(record -> record.workspaceId().equals(workspace));
  }

  @Override
  public <T extends WorkspaceRecord> List<T> findAll(
      Class<T> type, WorkspaceId workspace, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return list(type, workspace, RecordFilter.where().in(ID, ids), List.of());
  }

  @Override
  public <T extends WorkspaceRecord> List<T> list(
      Class<T> type, WorkspaceId workspace, RecordFilter filter, List<RecordOrder> order) {
    return select(type, workspace, filter, order).getResultList();
  }

  @Override
  public <T extends WorkspaceRecord> RecordPage<T> page(
      Class<T> type,
      WorkspaceId workspace,
      RecordFilter filter,
      List<RecordOrder> order,
      int offset,
      int limit) {
    List<T> items =
        select(type, workspace, filter, order)
            .setFirstResult(offset)
            .setMaxResults(limit + 1)
            .getResultList();
    boolean hasNextPage = items.size() > limit;
    long total = total(type, workspace, filter);
    return new RecordPage<>(
        hasNextPage ? items.subList(0, limit) : items, offset, hasNextPage, total);
  }

  @Override
  public <T extends WorkspaceRecord> List<GroupCount> count(
      Class<T> type, WorkspaceId workspace, RecordFilter filter, String... groupBy) {
    HibernateCriteriaBuilder cb = builder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<T> root = query.from(type);
    List<Expression<?>> keys = Arrays.stream(groupBy).<Expression<?>>map(root::get).toList();
    List<jakarta.persistence.criteria.Selection<?>> selections = new ArrayList<>(keys);
    selections.add(cb.count(root));
    query.multiselect(selections).where(predicates(cb, root, workspace, filter)).groupBy(keys);
    return em.createQuery(query).getResultList().stream()
        .map(
            row -> {
              List<Object> key = new ArrayList<>();
              for (int i = 0; i < keys.size(); i++) {
                key.add(row.get(i));
              }
              return new GroupCount(key, row.get(keys.size(), Long.class));
            })
        .toList();
  }

  @Override
  public <T extends WorkspaceRecord, E> List<Owned<E>> elements(
      Class<T> type,
      WorkspaceId workspace,
      Collection<UUID> ids,
      String collection,
      Class<E> elementType) {
    if (ids.isEmpty()) {
      return List.of();
    }
    HibernateCriteriaBuilder cb = builder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<T> root = query.from(type);
    Join<T, E> element = root.join(collection);
    query
        .multiselect(root.get(ID), element)
        .where(predicates(cb, root, workspace, RecordFilter.where().in(ID, ids)));
    return em.createQuery(query).getResultList().stream()
        .map(row -> new Owned<>(row.get(0, UUID.class), elementType.cast(row.get(1))))
        .toList();
  }

  @Override
  public void add(WorkspaceRecord record) {
    em.persist(record);
  }

  @Override
  public void remove(WorkspaceRecord record) {
    em.remove(record);
  }

  @Override
  public void flush(WorkspaceRecord changed) throws StaleVersionException, RuleViolationException {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleVersionException(changed.recordType());
    } catch (PersistenceException e) {
      if (IntegrityConstraints.violatedBy(e)) {
        throw new RuleViolationException(
            "The "
                + changed.recordType()
                + " is still referred to by other records, or refers to one that no longer"
                + " exists; remove or move those first");
      }
      throw e;
    }
  }

  private <T extends WorkspaceRecord> jakarta.persistence.TypedQuery<T> select(
      Class<T> type, WorkspaceId workspace, RecordFilter filter, List<RecordOrder> order) {
    HibernateCriteriaBuilder cb = builder();
    CriteriaQuery<T> query = cb.createQuery(type);
    Root<T> root = query.from(type);
    List<Order> orders = new ArrayList<>();
    for (RecordOrder key : order) {
      Path<Object> attribute = path(root, key.attribute());
      orders.add(key.descending() ? cb.desc(attribute, false) : cb.asc(attribute, false));
    }
    orders.add(cb.asc(root.get(ID)));
    query.select(root).where(predicates(cb, root, workspace, filter)).orderBy(orders);
    return em.createQuery(query);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Predicate[] predicates(
      HibernateCriteriaBuilder cb, Root<?> root, WorkspaceId workspace, RecordFilter filter) {
    List<Predicate> predicates = new ArrayList<>();
    predicates.add(cb.equal(root.get(WORKSPACE), workspace.value()));
    for (RecordFilter.Condition condition : filter.conditions()) {
      String attribute = condition.attributes().get(0);
      Object value = condition.value();
      predicates.add(
          switch (condition.kind()) {
            case EQUAL -> cb.equal(path(root, attribute), value);
            case IN ->
                ((Collection<?>) value).isEmpty()
                    ? cb.disjunction()
                    : path(root, attribute).in((Collection<?>) value);
            case AT_LEAST ->
                cb.greaterThanOrEqualTo(
                    (Expression<Comparable>) (Expression<?>) path(root, attribute),
                    (Comparable) value);
            case AT_MOST ->
                cb.lessThanOrEqualTo(
                    (Expression<Comparable>) (Expression<?>) path(root, attribute),
                    (Comparable) value);
            case CONTAINS_TEXT -> containsText(cb, root, condition.attributes(), (String) value);
            case HAS_ELEMENT ->
                cb.equal(root.join(attribute).get(condition.attributes().get(1)), value);
          });
    }
    return predicates.toArray(Predicate[]::new);
  }

  /** The attribute, which may be an embedded one such as {@code owner.userId}. */
  private static Path<Object> path(Root<?> root, String attribute) {
    Path<Object> path = null;
    for (String part : attribute.split("\\.")) {
      path = path == null ? root.get(part) : path.get(part);
    }
    return path;
  }

  private static Predicate containsText(
      HibernateCriteriaBuilder cb, Root<?> root, List<String> attributes, String text) {
    String pattern =
        "%"
            + text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return cb.or(
        attributes.stream()
            .map(a -> cb.like(cb.lower(path(root, a).as(String.class)), pattern, '\\'))
            .toArray(Predicate[]::new));
  }

  private HibernateCriteriaBuilder builder() {
    return (HibernateCriteriaBuilder) em.getCriteriaBuilder();
  }
}
