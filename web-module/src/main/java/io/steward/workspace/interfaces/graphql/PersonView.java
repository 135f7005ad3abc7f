package io.steward.workspace.interfaces.graphql;

import io.steward.tenancy.domain.Person;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Person")
@Description("A workspace member as a record refers to them, with their name at that time")
public record PersonView(
    @NonNull @Id String userId, @NonNull String username, @NonNull String displayName) {

  public static PersonView of(Person person) {
    return person == null
        ? null
        : new PersonView(person.userId(), person.username(), person.displayName());
  }
}
