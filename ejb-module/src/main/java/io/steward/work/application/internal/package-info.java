/** Transactional implementations of the work services. */
package io.steward.work.application.internal;
