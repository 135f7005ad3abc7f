/** Runs, run events and threads in the relational database (JPA). */
package io.steward.agent.infrastructure.persistence;
