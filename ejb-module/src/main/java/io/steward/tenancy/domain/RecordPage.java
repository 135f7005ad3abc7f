package io.steward.tenancy.domain;

import java.util.List;

/** A page of records: where it starts in the whole result, whether more follow, how many match. */
public record RecordPage<T>(List<T> items, int offset, boolean hasNextPage, long totalCount) {}
