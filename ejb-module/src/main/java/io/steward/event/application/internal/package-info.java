/** Implementations of the event services. */
package io.steward.event.application.internal;
