package io.steward.work.domain;

/** Projects are archived rather than deleted; archived projects are read-only. */
public enum ProjectStatus {
  ACTIVE,
  ARCHIVED
}
