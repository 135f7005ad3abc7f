/** Work data over plain REST, for clients that do not speak GraphQL. */
package io.steward.work.interfaces.rest;
