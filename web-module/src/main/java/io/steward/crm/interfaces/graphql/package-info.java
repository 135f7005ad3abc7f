/** GraphQL access to CRM data: companies, contacts, interactions and deals. */
package io.steward.crm.interfaces.graphql;
