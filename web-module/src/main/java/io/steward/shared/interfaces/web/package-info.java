/** Servlet filters every request passes: request ids and authentication of the API paths. */
package io.steward.shared.interfaces.web;
