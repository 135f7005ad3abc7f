/** Per-request facts shared by all application services, such as the request id. */
package io.steward.shared.application;
