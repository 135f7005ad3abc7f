/** Domain events: facts about changes, kept in a transactional outbox. */
package io.steward.event.domain;
