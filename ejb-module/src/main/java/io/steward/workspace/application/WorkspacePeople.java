package io.steward.workspace.application;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.domain.Person;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.workspace.domain.MembershipDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Turns user ids given by clients into references to members of the workspace. */
@ApplicationScoped
public class WorkspacePeople {

  /** More assignees than this on one record is a mistake, not a team. */
  public static final int MAX_PEOPLE = 20;

  @Inject MembershipDirectory directory;
  @Inject CurrentCaller currentCaller;

  /** The caller, as records refer to them. */
  public Person caller() {
    Caller caller = currentCaller.get();
    return new Person(caller.userId(), caller.username(), caller.displayName());
  }

  /** The members with these user ids (duplicates ignored); anyone else is a validation failure. */
  public List<Person> members(WorkspaceId workspace, List<String> userIds, String field)
      throws InvalidInputException {
    if (userIds.size() > MAX_PEOPLE) {
      throw new InvalidInputException(field, "must name at most " + MAX_PEOPLE + " people");
    }
    List<Person> people = new ArrayList<>();
    for (String userId : new LinkedHashSet<>(userIds)) {
      people.add(member(workspace, userId, field));
    }
    return people;
  }

  public Person member(WorkspaceId workspace, String userId, String field)
      throws InvalidInputException {
    if (userId != null && userId.equals(currentCaller.get().userId())) {
      return caller();
    }
    InvalidInputException notAMember =
        new InvalidInputException(field, "must be the user id of a workspace member");
    if (userId == null || userId.isBlank() || userId.length() > 255) {
      throw notAMember;
    }
    return directory
        .member(workspace, userId.strip())
        .map(member -> member.user().asPerson())
        .orElseThrow(() -> notAMember);
  }
}
