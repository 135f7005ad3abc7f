/** Admits API requests and agent runs within the per-person and per-workspace rate limits. */
package io.steward.limit.application;
