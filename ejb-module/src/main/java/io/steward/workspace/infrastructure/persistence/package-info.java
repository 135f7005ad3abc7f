/** JPA storage of workspaces. */
package io.steward.workspace.infrastructure.persistence;
