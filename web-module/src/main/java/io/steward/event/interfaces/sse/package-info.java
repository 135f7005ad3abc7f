/** The live change feed of a workspace as server-sent events. */
package io.steward.event.interfaces.sse;
