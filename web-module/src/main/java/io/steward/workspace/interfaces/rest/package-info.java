/** REST resources for the caller and workspaces. */
package io.steward.workspace.interfaces.rest;
