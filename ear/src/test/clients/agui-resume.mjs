// Runs a run that ends with interrupts and the run that answers them, through one real
// @ag-ui/client HttpAgent — the client itself holds the pending interrupts between the two and
// refuses a second run that does not answer every one of them.
//
//   AGUI_BEARER_TOKEN=… node agui-resume.mjs <runs URL> < input.json
//
// The input is a RunAgentInput for the first run plus "then": {"runId": …, "answers": […]}, one
// answer per pending interrupt in the order the client holds them: {"approved": true|false,
// "comment"?: …, "arguments"?: {…}} answers it "resolved" with that payload, "cancelled" cancels it.
// Standard output gets the lines agui-run.mjs prints for each run (the first run's "end" line,
// then {"kind":"resume","resume":[…]} as sent, then the second run's lines). The exit code is 0
// when the client accepted both runs.

import { agentFor, print, readAll, runOnce } from "./agui-harness.mjs";

const url = process.argv[2];
if (!url) {
  process.stderr.write("usage: AGUI_BEARER_TOKEN=… node agui-resume.mjs <runs URL> < input.json\n");
  process.exit(2);
}
const input = JSON.parse(await readAll(process.stdin));
const agent = agentFor(url, process.env.AGUI_BEARER_TOKEN, input);
const first = await runOnce(agent, { runId: input.runId, forwardedProps: input.forwardedProps });
const answers = input.then.answers;
const resume = agent.pendingInterrupts.map((interrupt, i) =>
  answers[i] === "cancelled"
    ? { interruptId: interrupt.id, status: "cancelled" }
    : { interruptId: interrupt.id, status: "resolved", payload: answers[i] },
);
print({ kind: "resume", resume });
const second = await runOnce(agent, {
  runId: input.then.runId,
  forwardedProps: input.forwardedProps,
  resume,
});
process.exitCode = first.accepted && second.accepted ? 0 : 1;
