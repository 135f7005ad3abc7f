/**
 * Use cases for workspaces and members, and the tenant context every capability checks access with.
 */
package io.steward.workspace.application;
