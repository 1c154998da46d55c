// Smoke test: GetSession for a random id must come back NOT_FOUND "session not found", which
// proves that the generated stubs, the HTTP/2 gRPC transport and the bearer token all work
// (a bad token gives UNAUTHENTICATED instead). Then it opens the Attach stream with a hello and
// prints the server's `attached` reply.
//
//   HANDOFF_URL=http://127.0.0.1:50051 HANDOFF_TOKEN=... npx tsx src/smoke.ts
import { randomUUID } from "node:crypto";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { create } from "@bufbuild/protobuf";
import { AttachRequestSchema, createHandoffTransport, TerminalService } from "./index.js";

const baseUrl = process.env.HANDOFF_URL ?? "http://127.0.0.1:50051";
const token = process.env.HANDOFF_TOKEN;
if (!token) {
  console.error("set HANDOFF_TOKEN to a terminal token");
  process.exit(2);
}

const client = createClient(TerminalService, createHandoffTransport({ baseUrl, token }));
const sessionId = randomUUID();
try {
  const res = await client.getSession({ sessionId });
  console.log(`GetSession(${sessionId}): OK ${JSON.stringify(res.session)}`);
} catch (err) {
  const e = ConnectError.from(err);
  console.log(`GetSession(${sessionId}): ${Code[e.code]} (${e.code}) "${e.rawMessage}"`);
  if (e.code !== Code.NotFound) process.exit(1);
}

const abort = new AbortController();
async function* requests() {
  yield create(AttachRequestSchema, { kind: { case: "hello", value: {} } });
  // Keep the request side open; the stream is detached by aborting the call.
  await new Promise((resolve) => abort.signal.addEventListener("abort", resolve));
}
try {
  for await (const res of client.attach(requests(), { signal: abort.signal })) {
    const id = res.kind.case === "attached" ? res.kind.value.terminalId : "";
    console.log(`Attach: ${res.kind.case} terminal_id=${id}`);
    break;
  }
} finally {
  abort.abort();
}
