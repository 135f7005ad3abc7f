/** Use cases of work data: role checks, domain rules across records, audit and events. */
package io.steward.work.application;
