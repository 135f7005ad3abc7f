/** The audit trail: who changed what, when, with the state before and after. */
package io.steward.audit.domain;
