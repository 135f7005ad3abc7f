/**
 * Servlet filters every request passes that know no capability: request ids, body limits, GraphQL
 * request checks and error codes, and JSON error pages.
 */
package io.steward.shared.interfaces.web;
