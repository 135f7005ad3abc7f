/** JPA storage of action policy rules, approval requests and the log of agent actions. */
package io.steward.approval.infrastructure.persistence;
