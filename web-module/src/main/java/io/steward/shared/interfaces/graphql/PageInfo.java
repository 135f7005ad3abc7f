package io.steward.shared.interfaces.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Where a page of a connection ends and whether more follows")
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {}
