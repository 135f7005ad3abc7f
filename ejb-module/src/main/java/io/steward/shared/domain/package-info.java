/**
 * Building blocks every capability's domain uses: named failures and their kinds, the checks of
 * text and dates, and {@link io.steward.shared.domain.Patch} for the fields of partial updates.
 */
package io.steward.shared.domain;
