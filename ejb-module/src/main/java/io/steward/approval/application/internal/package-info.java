/** How action policies and approvals are carried out: transactions, the sweep, the figures. */
package io.steward.approval.application.internal;
