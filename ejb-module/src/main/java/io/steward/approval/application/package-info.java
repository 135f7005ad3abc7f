/**
 * Action policies (managed by admins, asked before every agent write), the approvals inbox
 * (deciding is compare-and-set, applying happens exactly once), and the oversight figures. The
 * agent runtime implements {@link io.steward.approval.application.ActionCatalog}, through which
 * calls are described and applied without this capability knowing any tool.
 */
package io.steward.approval.application;
