/**
 * The CRM assistant, which works with companies, contacts and deals through the CRM services, and
 * the phrasebook of its tools for the offline model.
 */
package io.steward.crm.agent;
