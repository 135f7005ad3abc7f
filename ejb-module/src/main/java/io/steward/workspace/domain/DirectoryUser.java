package io.steward.workspace.domain;

/** A person known to the identity provider. */
public record DirectoryUser(String id, String username, String email, String displayName) {}
