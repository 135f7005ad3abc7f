/** Use cases for workspaces and members, and the members records may refer to. */
package io.steward.workspace.application;
