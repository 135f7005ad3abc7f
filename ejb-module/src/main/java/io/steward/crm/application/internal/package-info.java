/** Transactional implementations of the CRM services. */
package io.steward.crm.application.internal;
