// Runs one AG-UI run through the real @ag-ui/client HttpAgent and reports how the client took it.
//
//   AGUI_BEARER_TOKEN=… node agui-run.mjs <runs URL> < run-agent-input.json
//
// The RunAgentInput (threadId, runId, messages, state, tools, context, forwardedProps, resume) is
// read from standard input; the token, when given, goes into HttpAgent's headers. Standard output
// gets one JSON object per line, as things happen:
//   {"kind":"response","status":200,"contentType":"text/event-stream"}  the HTTP answer
//   {"kind":"raw","text":"id: 1\ndata: {…}\n\n"}   the response body exactly as received, in pieces
//   {"kind":"event","event":{…}}                    each event the client delivered, after its own
//                                                   checks (enforcement, verification)
//   {"kind":"console","level":"warn","message":…}  anything the client printed, such as warnings
//                                                   about stripped unknown keys or dropped nulls
//   {"kind":"invalid","index":3,"type":…,"issues":[…]}  a sent event @ag-ui/core's schemas reject
//   {"kind":"end",…}                                the outcome, last (see below)
// The end line has "result" (finished, error — a RUN_ERROR —, or incomplete), the client's reading
// of RUN_FINISHED's "outcome" (success, cancelled, interrupt) with its "interrupts" and the
// agent's "pendingInterrupts", "thrown" (the error runAgent threw, or null), everything the client printed, the schema failures, the events the client delivered
// differently from how they were sent ("mismatches"), and "accepted": true when the client took
// every event as sent, threw nothing and printed nothing. The exit code is 0 when accepted.

import { agentFor, readAll, runOnce } from "./agui-harness.mjs";

const url = process.argv[2];
if (!url) {
  process.stderr.write("usage: AGUI_BEARER_TOKEN=… node agui-run.mjs <runs URL> < input.json\n");
  process.exit(2);
}
const input = JSON.parse(await readAll(process.stdin));
const agent = agentFor(url, process.env.AGUI_BEARER_TOKEN, input);
const end = await runOnce(agent, {
  runId: input.runId,
  tools: input.tools,
  context: input.context,
  forwardedProps: input.forwardedProps,
  ...(input.resume === undefined ? {} : { resume: input.resume }),
});
process.exitCode = end.accepted ? 0 : 1;
