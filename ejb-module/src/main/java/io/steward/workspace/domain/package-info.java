/**
 * Workspaces, their members and the identity provider's directory of people; membership lives in
 * the identity provider. The ids, roles and record store every capability uses are in {@code
 * io.steward.tenancy}.
 */
package io.steward.workspace.domain;
