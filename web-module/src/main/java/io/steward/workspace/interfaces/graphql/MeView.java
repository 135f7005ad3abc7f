package io.steward.workspace.interfaces.graphql;

import io.steward.tenancy.application.Caller;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Me")
@Description("The signed-in person, as their access token describes them")
public record MeView(
    @NonNull @Id String id,
    @NonNull String username,
    String email,
    @NonNull String name,
    @NonNull boolean platformAdmin,
    @NonNull List<@NonNull MembershipView> memberships) {

  @Name("Membership")
  @Description("A workspace the caller belongs to, with their role there")
  public record MembershipView(@NonNull @Id String workspaceId, @NonNull Role role) {}

  public static MeView of(Caller caller) {
    return new MeView(
        caller.userId(),
        caller.username(),
        caller.email(),
        caller.displayName(),
        caller.platformAdmin(),
        caller.memberships().entrySet().stream()
            .map(e -> new MembershipView(e.getKey().toString(), Role.of(e.getValue())))
            .toList());
  }
}
