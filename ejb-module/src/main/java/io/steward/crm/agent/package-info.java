/** The CRM assistant, which works with companies, contacts and deals through the CRM services. */
package io.steward.crm.agent;
