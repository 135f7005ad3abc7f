/** Workspaces (tenants), their members and roles; membership lives in the identity provider. */
package io.steward.workspace.domain;
