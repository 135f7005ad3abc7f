/** How failures become application/problem+json responses on the REST API. */
package io.steward.shared.interfaces.rest;
