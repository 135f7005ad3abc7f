package io.steward.shared.infrastructure.persistence;

import java.util.concurrent.atomic.LongAdder;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements the application prepares (Hibernate calls it for each), so operators
 * can see query volume on {@code /metrics} and tests can prove that batched GraphQL fields do not
 * run a query per item.
 */
public class SqlStatementCounter implements StatementInspector {

  private static final LongAdder STATEMENTS = new LongAdder();

  @Override
  public String inspect(String sql) {
    STATEMENTS.increment();
    return sql;
  }

  public static long count() {
    return STATEMENTS.sum();
  }
}
