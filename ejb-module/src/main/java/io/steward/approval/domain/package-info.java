/**
 * What people decide about agents' writes: action policy rules (the workspace's own, then the
 * built-in defaults), the proposed actions they judge, and approval requests with their state
 * machine.
 */
package io.steward.approval.domain;
