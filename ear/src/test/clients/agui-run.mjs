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
// of RUN_FINISHED's "outcome" (success, cancelled, interrupt), "thrown" (the error runAgent threw,
// or null), everything the client printed, the schema failures, the events the client delivered
// differently from how they were sent ("mismatches"), and "accepted": true when the client took
// every event as sent, threw nothing and printed nothing. The exit code is 0 when accepted.

import { HttpAgent, parseSSEStream } from "@ag-ui/client";
import { EventSchemas } from "@ag-ui/core/schemas";
import { format, isDeepStrictEqual } from "node:util";

const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");

// Every message the client writes counts: a conformant run makes it print nothing.
const printed = [];
for (const level of ["debug", "log", "info", "warn", "error", "trace"]) {
  console[level] = (...args) => {
    const message = format(...args);
    printed.push({ level, message });
    print({ kind: "console", level, message });
  };
}

const url = process.argv[2];
if (!url) {
  process.stderr.write("usage: AGUI_BEARER_TOKEN=… node agui-run.mjs <runs URL> < input.json\n");
  process.exit(2);
}
const input = JSON.parse(await readAll(process.stdin));
const token = process.env.AGUI_BEARER_TOKEN;

let status = null;
let bodyRead = Promise.resolve();
let framingError = null;
const sent = [];
const schemaFailures = [];

/** The client's fetch, teeing the response body so that the harness sees it as sent. */
async function teeingFetch(target, init) {
  const response = await fetch(target, init);
  status = response.status;
  print({ kind: "response", status, contentType: response.headers.get("content-type") });
  if (!response.body) {
    return response;
  }
  const [forClient, forHarness] = response.body.tee();
  bodyRead = readSent(forHarness);
  return new Response(forClient, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Prints the body as it arrives and frames it into events with the client's own SSE parser, each
 * checked against @ag-ui/core's schemas.
 */
async function readSent(body) {
  const observers = [];
  const framed = new Promise((resolve) =>
    parseSSEStream({ subscribe: (observer) => observers.push(observer) }).subscribe({
      next: (event) => check(event),
      error: (error) => {
        framingError = String(error?.message ?? error);
        resolve();
      },
      complete: resolve,
    }),
  );
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      print({ kind: "raw", text: decoder.decode(value, { stream: true }) });
      observers.forEach((observer) => observer.next({ type: "data", data: value }));
    }
    const rest = decoder.decode();
    if (rest) print({ kind: "raw", text: rest });
    observers.forEach((observer) => observer.complete());
  } catch (error) {
    observers.forEach((observer) => observer.error(error));
  }
  await framed;
}

function check(event) {
  const index = sent.length;
  sent.push(event);
  const parsed = EventSchemas.safeParse(event);
  if (!parsed.success) {
    const failure = {
      index,
      type: event?.type ?? null,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join("/"),
        message: issue.message,
      })),
    };
    schemaFailures.push(failure);
    print({ kind: "invalid", ...failure });
  }
}

const agent = new HttpAgent({
  url,
  headers: token ? { Authorization: `Bearer ${token}` } : {},
  threadId: input.threadId,
  initialMessages: input.messages ?? [],
  initialState: input.state,
  fetch: teeingFetch,
});

const delivered = [];
let outcome = null;
let thrown = null;
try {
  await agent.runAgent(
    {
      runId: input.runId,
      tools: input.tools,
      context: input.context,
      forwardedProps: input.forwardedProps,
      ...(input.resume === undefined ? {} : { resume: input.resume }),
    },
    {
      onEvent: ({ event }) => {
        delivered.push(event);
        print({ kind: "event", event });
      },
      onRunFinishedEvent: (finished) => {
        outcome = finished.outcome;
      },
    },
  );
} catch (error) {
  thrown = String(error?.message ?? error);
}
await bodyRead;

const mismatches = [];
for (let i = 0; i < Math.max(delivered.length, sent.length); i++) {
  // Compared as JSON: what the client handed on must be exactly what was sent.
  const handedOn = delivered[i] === undefined ? undefined : JSON.parse(JSON.stringify(delivered[i]));
  if (!isDeepStrictEqual(handedOn, sent[i])) {
    mismatches.push({
      index: i,
      sent: sent[i] ?? null,
      delivered: handedOn ?? null,
    });
  }
}
const terminal = delivered.at(-1)?.type;
const accepted =
  thrown === null &&
  framingError === null &&
  printed.length === 0 &&
  schemaFailures.length === 0 &&
  mismatches.length === 0;
print({
  kind: "end",
  status,
  result:
    terminal === "RUN_FINISHED" ? "finished" : terminal === "RUN_ERROR" ? "error" : "incomplete",
  outcome,
  thrown,
  framingError,
  console: printed,
  schemaFailures,
  mismatches,
  events: delivered.length,
  accepted,
});
process.exitCode = accepted ? 0 : 1;

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
