package io.steward.audit.application;

import io.steward.audit.domain.AuditEntry;
import java.util.List;

/** One page of a workspace's audit entries, newest first. */
public record AuditPage(List<AuditEntry> entries, boolean hasNextPage, long totalCount) {}
