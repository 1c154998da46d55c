// A demo bot for trying the pages: it answers a visitor's first message, then transfers the
// session to a group of agents (with what it learnt, and a note) and leaves once one accepts.
//
//   HANDOFF_URL=http://127.0.0.1:50051 BOT_TOKEN=hnd_… GROUP=billing node dist/bot.mjs
import { sleep, terminalClient } from "./api.js";

const env = (k: string, d?: string) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`${k} is required`);
  return v;
};
const handoff = terminalClient(env("HANDOFF_URL", "http://127.0.0.1:50051"), env("BOT_TOKEN"));
const group = env("GROUP", "billing");
const answered = new Set<string>();

for (;;) {
  try {
    let me = "";
    for await (const r of handoff.subscribe({})) {
      if (r.kind.case === "attached") {
        me = r.kind.value.terminalId;
        console.log(`bot ${me} attached; transfers go to group ${group}`);
        continue;
      }
      if (r.kind.case !== "event") continue;
      const e = r.kind.value;
      const sessionId = e.sessionId;
      switch (e.payload.case) {
        case "sessionRequested":
          await handoff.acknowledgeConnect({ sessionId });
          break;
        case "sessionOpened":
          await handoff.message({ sessionId, body: "Hi! I'm the demo bot. What can I do for you?", idempotencyKey: `${sessionId}-hello` });
          break;
        case "messagePosted":
          if (e.authorTerminalId === me || answered.has(sessionId)) break;
          answered.add(sessionId);
          await handoff.message({ sessionId, body: "Let me get you to a specialist.", idempotencyKey: `${sessionId}-handoff` });
          await handoff
            .transfer({
              sessionId,
              target: { kind: { case: "group", value: group } },
              facts: { first_message: e.payload.value.body.slice(0, 200) },
              note: "From the demo bot: the visitor's first message is in the facts.",
            })
            .then((r) =>
              r.transfer?.queuePosition
                ? handoff.message({
                    sessionId,
                    body: `Everyone in ${group} is busy; you are number ${r.transfer.queuePosition} in line.`,
                    idempotencyKey: `${sessionId}-queued`,
                  })
                : undefined,
            )
            .catch((err) => handoff.message({ sessionId, body: `Could not reach ${group} (${err.message}).` }));
          break;
        case "transferAccepted":
          await handoff.disconnect({ sessionId });
          break;
      }
    }
  } catch (e) {
    console.error(`bot feed: ${e}; resubscribing`);
  }
  await sleep(1000);
}
