package io.steward.workspace.domain;

import io.steward.tenancy.domain.Person;

/** A person known to the identity provider. */
public record DirectoryUser(String id, String username, String email, String displayName) {

  /** How records refer to this person. */
  public Person asPerson() {
    return new Person(id, username, displayName);
  }
}
