/** Authentication of the API paths: the bearer token becomes the request's caller. */
package io.steward.tenancy.interfaces.web;
