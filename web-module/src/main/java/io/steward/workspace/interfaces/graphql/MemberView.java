package io.steward.workspace.interfaces.graphql;

import io.steward.workspace.domain.Member;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Member")
@Description("A person's membership of a workspace")
public record MemberView(
    @NonNull @Id String userId,
    @NonNull String username,
    String email,
    @NonNull String name,
    @NonNull Role role) {

  static MemberView of(Member member) {
    return new MemberView(
        member.user().id(),
        member.user().username(),
        member.user().email(),
        member.user().displayName(),
        Role.of(member.role()));
  }
}
