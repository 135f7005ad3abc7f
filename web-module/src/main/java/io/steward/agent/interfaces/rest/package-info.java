/** Agent runs over AG-UI: start, watch, resume and cancel, streamed as server-sent events. */
package io.steward.agent.interfaces.rest;
