/** Transactional implementations of the workspace use cases. */
package io.steward.workspace.application.internal;
