// An example web-chat gateway: the site's backend, the only holder of the gateway terminal's
// token. For each visitor it connects a session to the bot and mints a session token bound to
// that session; the visitor's browser then talks to handoff directly with it. It also does the
// gateway's own duty on its feed: acknowledging each holder change (AcknowledgeDisconnect).
//
//   HANDOFF_URL=http://127.0.0.1:50051 GATEWAY_TOKEN=hnd_… BOT_ID=… PORT=8080 node dist/gateway.mjs
//
// POST /session {"name": "Dana"} -> {"sessionId", "token", "gatewayTerminalId", "expireTime"}
import { createServer } from "node:http";
import { Channel } from "../../clients/typescript/src/gen/handoff/v1/types_pb.js";
import { sleep, terminalClient } from "./api.js";

const env = (k: string, d?: string) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`${k} is required`);
  return v;
};
const handoff = terminalClient(env("HANDOFF_URL", "http://127.0.0.1:50051"), env("GATEWAY_TOKEN"));
const botId = env("BOT_ID");

async function acknowledgeHolderChanges() {
  for (;;) {
    try {
      for await (const r of handoff.subscribe({})) {
        if (r.kind.case === "event" && r.kind.value.payload.case === "holderDisconnected") {
          const e = r.kind.value;
          await handoff.acknowledgeDisconnect({ sessionId: e.sessionId, seq: e.seq });
          await handoff.acknowledge({ sessionId: e.sessionId, seq: e.seq });
        }
      }
    } catch (e) {
      console.error(`gateway feed: ${e}; resubscribing`);
    }
    await sleep(1000);
  }
}

const server = createServer(async (req, res) => {
  // Any page may ask (an example); a real site allows its own origin only.
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("access-control-allow-headers", "content-type");
  if (req.method === "OPTIONS") return void res.writeHead(204).end();
  if (req.method !== "POST" || req.url !== "/session") return void res.writeHead(404).end();
  try {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const name = String((JSON.parse(raw || "{}") as { name?: string }).name ?? "Visitor").slice(0, 100);
    const { session } = await handoff.connect({
      destinationTerminalId: botId,
      caller: { id: `web-${crypto.randomUUID()}`, displayName: name },
      channel: Channel.WEB,
      facts: { entry: "web widget" },
    });
    const minted = await handoff.createSessionToken({ sessionId: session!.id, ttl: { seconds: 3600n } });
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        sessionId: minted.sessionId,
        token: minted.token,
        gatewayTerminalId: session!.callerTerminalId,
        expireTime: minted.expireTime ? new Date(Number(minted.expireTime.seconds) * 1000).toISOString() : null,
      }),
    );
  } catch (e) {
    console.error(`connect failed: ${e}`);
    res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: String(e) }));
  }
});

server.listen(Number(env("PORT", "8080")), "127.0.0.1", () => {
  const a = server.address();
  console.log(`gateway listening on http://127.0.0.1:${typeof a === "object" && a ? a.port : "?"}`);
  void acknowledgeHolderChanges();
});
