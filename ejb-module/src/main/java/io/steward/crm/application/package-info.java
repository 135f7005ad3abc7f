/** Use cases of CRM data: role checks, rules across records, audit and events. */
package io.steward.crm.application;
