// The bot of the cross-language test (tests/cross_language.rs): it takes the caller a gateway
// connects to it, asks for the account number, keeps it as a fact and transfers the caller to the
// billing group with a note; once an agent has accepted, it leaves.
//
// stdout, one JSON object a line: {"shown": {...}} for every event its feed delivers (the helper
// drops repeats; "twice" counts what would have been shown twice) and {"done": {...}} once its
// part of the session is over. Environment: HANDOFF_ADDRESS (host:port), BOT_TOKEN.
import { HandoffError, Terminal } from "../src/index.js";

const bot = new Terminal({
  address: process.env.HANDOFF_ADDRESS ?? "127.0.0.1:50051",
  token: process.env.BOT_TOKEN ?? "",
  backoffMaxMs: 1000,
});
const emit = (o: unknown) =>
  process.stdout.write(JSON.stringify(o, (_, v) => (typeof v === "bigint" ? Number(v) : v)) + "\n");

const shown = new Map<string, Set<bigint>>();
let twice = 0;
let asked = false;

for await (const event of bot.events()) {
  const { sessionId, seq, payload } = event;
  const seen = shown.get(sessionId) ?? new Set<bigint>();
  if (seen.has(seq)) twice++;
  seen.add(seq);
  shown.set(sessionId, seen);
  const body = payload.case === "messagePosted" ? payload.value.body : "";
  emit({ shown: { session: sessionId, seq, kind: payload.case, body, author: event.authorTerminalId } });
  try {
    if (payload.case === "sessionRequested") {
      await bot.acknowledgeConnect(sessionId);
    } else if (payload.case === "messagePosted" && event.authorTerminalId !== bot.terminalId) {
      if (!asked) {
        asked = true;
        // Keys derived from the event: a repeat after a reconnect is stored once.
        await bot.message(sessionId, "bot: what is your account number?", { idempotencyKey: `ask-${seq}` });
      } else {
        await bot.message(sessionId, "bot: connecting you to billing", { idempotencyKey: `bye-${seq}` });
        await bot.transfer(
          sessionId,
          { group: "billing" },
          { facts: { account: body.replace(/^.*?(\d+)\D*$/, "$1"), intent: "refund" }, note: "charged twice" },
        );
      }
    } else if (payload.case === "transferAccepted") {
      await bot.disconnect(sessionId);
    } else if (payload.case === "holderDisconnected" && payload.value.leftTerminalId === bot.terminalId) {
      break;
    }
  } catch (err) {
    if (!(err instanceof HandoffError)) throw err;
    emit({ error: { session: sessionId, name: err.name, message: err.message } });
  }
}
emit({ done: { seqs: [...(shown.values().next().value ?? [])].sort((a, b) => Number(a - b)), twice } });
bot.close();
