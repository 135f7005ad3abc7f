/** CRM: companies, their contacts, interactions with contacts, and deals in a pipeline. */
package io.steward.crm.domain;
