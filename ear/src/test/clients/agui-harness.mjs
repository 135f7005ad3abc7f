// What agui-run.mjs and agui-resume.mjs share: an HttpAgent of the real @ag-ui/client whose fetch
// tees each response body, so that every run can be reported exactly as sent and as the client
// took it (see agui-run.mjs for the lines printed).

import { HttpAgent, parseSSEStream } from "@ag-ui/client";
import { EventSchemas } from "@ag-ui/core/schemas";
import { format, isDeepStrictEqual } from "node:util";

export const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");

// Every message the client writes counts: a conformant run makes it print nothing.
let printed = [];
for (const level of ["debug", "log", "info", "warn", "error", "trace"]) {
  console[level] = (...args) => {
    const message = format(...args);
    printed.push({ level, message });
    print({ kind: "console", level, message });
  };
}

/** The reading of one run: reset before each. */
let current = null;

function startRun() {
  printed = [];
  current = {
    status: null,
    contentType: null,
    bodyRead: Promise.resolve(),
    framingError: null,
    sent: [],
    schemaFailures: [],
  };
}

/** The client's fetch, teeing the response body so that the harness sees it as sent. */
async function teeingFetch(target, init) {
  const run = current;
  const response = await fetch(target, init);
  run.status = response.status;
  run.contentType = response.headers.get("content-type");
  print({ kind: "response", status: run.status, contentType: run.contentType });
  if (!response.body) {
    return response;
  }
  const [forClient, forHarness] = response.body.tee();
  run.bodyRead = readSent(run, forHarness);
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
async function readSent(run, body) {
  const observers = [];
  const framed = new Promise((resolve) =>
    parseSSEStream({ subscribe: (observer) => observers.push(observer) }).subscribe({
      next: (event) => check(run, event),
      error: (error) => {
        run.framingError = String(error?.message ?? error);
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

function check(run, event) {
  const index = run.sent.length;
  run.sent.push(event);
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
    run.schemaFailures.push(failure);
    print({ kind: "invalid", ...failure });
  }
}

/** The client, for the thread and conversation of {@code input}, fetching through the harness. */
export function agentFor(url, token, input) {
  return new HttpAgent({
    url,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    threadId: input.threadId,
    initialMessages: input.messages ?? [],
    initialState: input.state,
    fetch: teeingFetch,
  });
}

/** Runs the agent once with {@code params} (runAgent's) and prints and answers its end report. */
export async function runOnce(agent, params) {
  startRun();
  const run = current;
  const delivered = [];
  let outcome = null;
  let interrupts = null;
  let thrown = null;
  try {
    await agent.runAgent(params, {
      onEvent: ({ event }) => {
        delivered.push(event);
        print({ kind: "event", event });
      },
      onRunFinishedEvent: (finished) => {
        outcome = finished.outcome;
        interrupts = finished.interrupts ?? null;
      },
    });
  } catch (error) {
    thrown = String(error?.message ?? error);
  }
  await run.bodyRead;

  const mismatches = [];
  for (let i = 0; i < Math.max(delivered.length, run.sent.length); i++) {
    // Compared as JSON: what the client handed on must be exactly what was sent.
    const handedOn =
      delivered[i] === undefined ? undefined : JSON.parse(JSON.stringify(delivered[i]));
    if (!isDeepStrictEqual(handedOn, run.sent[i])) {
      mismatches.push({ index: i, sent: run.sent[i] ?? null, delivered: handedOn ?? null });
    }
  }
  const terminal = delivered.at(-1)?.type;
  const accepted =
    thrown === null &&
    run.framingError === null &&
    printed.length === 0 &&
    run.schemaFailures.length === 0 &&
    mismatches.length === 0;
  const end = {
    kind: "end",
    status: run.status,
    result:
      terminal === "RUN_FINISHED" ? "finished" : terminal === "RUN_ERROR" ? "error" : "incomplete",
    outcome,
    interrupts,
    pendingInterrupts: agent.pendingInterrupts ?? [],
    thrown,
    framingError: run.framingError,
    console: printed,
    schemaFailures: run.schemaFailures,
    mismatches,
    events: delivered.length,
    accepted,
  };
  print(end);
  return end;
}

export async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
