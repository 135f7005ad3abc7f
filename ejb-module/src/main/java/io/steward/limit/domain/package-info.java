/** Rate limits: token buckets that refill every minute, one per person or workspace and kind. */
package io.steward.limit.domain;
