/** The rate limits applied to every API request, per person and per workspace it names. */
package io.steward.limit.interfaces.web;
