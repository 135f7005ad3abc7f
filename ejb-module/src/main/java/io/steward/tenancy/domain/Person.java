package io.steward.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A workspace member as a record refers to them (assignee, owner, author): the identity provider's
 * user id with the names they had when the reference was made, so lists show names without asking
 * the identity provider.
 */
@Embeddable
public record Person(
    @Column(name = "user_id") String userId,
    @Column(name = "username") String username,
    @Column(name = "display_name") String displayName) {}
