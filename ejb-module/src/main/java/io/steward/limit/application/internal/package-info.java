/** The rate limits read from configuration and applied to the token buckets. */
package io.steward.limit.application.internal;
