/** Publishing domain events with the change they describe, and the live change feed. */
package io.steward.event.application;
