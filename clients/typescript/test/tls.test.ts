// TLS: a server started with --tls-cert/--tls-key (and, in the second test, --client-ca), with a
// throwaway CA made by the openssl CLI. Terminals connect to "https://127.0.0.1:port" with the
// README's `tls` option; trusting another CA, or speaking plaintext, fails.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { Channel, type Event, HandoffError, Terminal } from "../src/index.js";
import { type Certificates, Inbox, makeCertificates, Server } from "./harness.js";

async function certificates(t: test.TestContext): Promise<Certificates> {
  const dir = await mkdtemp(path.join(tmpdir(), "handoff-tls-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return makeCertificates(dir);
}

/** A gateway connects a caller to a bot, one message each way; both see both, and list them. */
async function converse(gateway: Terminal, bot: Terminal, botId: string): Promise<void> {
  const botInbox = new Inbox(bot, async (e) => {
    if (e.payload.case === "sessionRequested") await bot.acknowledgeConnect(e.sessionId);
  });
  await bot.waitAttached();
  const gatewayInbox = new Inbox(gateway);
  const session = await gateway.connect({
    destinationTerminalId: botId,
    caller: { id: "visitor-tls" },
    channel: Channel.WEB,
  });
  const posted = (body: string) => (e: Event) =>
    e.sessionId === session.id && e.payload.case === "messagePosted" && e.payload.value.body === body;
  await gateway.message(session.id, "hello over TLS");
  await botInbox.waitFor(posted("hello over TLS"), "the caller's message at the bot");
  await bot.message(session.id, "hi, encrypted");
  await gatewayInbox.waitFor(posted("hi, encrypted"), "the bot's answer at the gateway");
  const log = await gateway.listEvents(session.id);
  assert.deepEqual(
    log.flatMap((e) => (e.payload.case === "messagePosted" ? [e.payload.value.body] : [])),
    ["hello over TLS", "hi, encrypted"],
  );
}

/** A call that must fail: its error, a HandoffError (retries stop after half a second). */
async function refused(options: ConstructorParameters<typeof Terminal>[0]): Promise<HandoffError> {
  const terminal = new Terminal({ ...options, retryDeadlineMs: 500, callTimeoutMs: 2_000 });
  try {
    await terminal.getSession("0198c0de-0000-7000-8000-000000000000");
  } catch (err) {
    assert(err instanceof HandoffError, `a HandoffError, not ${err}`);
    return err;
  } finally {
    terminal.close();
  }
  assert.fail("the call succeeded");
}

test("TLS: a conversation over https://; another CA or plaintext is refused", { timeout: 20_000 }, async (t) => {
  const certs = await certificates(t);
  const server = await Server.start(["--tls-cert", certs.serverCert, "--tls-key", certs.serverKey]);
  t.after(() => server.dispose());
  const gw = await server.createTerminal("web-gateway", "gateway");
  const b = await server.createTerminal("echo-bot", "bot");
  const address = `https://127.0.0.1:${server.port}`;

  // As in the README.
  const gateway = new Terminal({ address, token: gw.token, tls: { ca: readFileSync(certs.ca) } });
  const bot = new Terminal({ address, token: b.token, tls: { ca: readFileSync(certs.ca) } });
  t.after(() => {
    gateway.close();
    bot.close();
  });
  await converse(gateway, bot, b.id);

  const untrusted = await refused({ address, token: gw.token, tls: { ca: readFileSync(certs.otherCa) } });
  assert.match(untrusted.message, /certificate|verify/i, `${untrusted.code}: ${untrusted.message}`);
  const plaintext = await refused({ address: server.address, token: gw.token });
  t.diagnostic(`another CA: ${untrusted.name} ${untrusted.message}; plaintext: ${plaintext.name} ${plaintext.message}`);
});

test("mutual TLS: a client certificate is required (--client-ca)", { timeout: 20_000 }, async (t) => {
  const certs = await certificates(t);
  const server = await Server.start([
    "--tls-cert", certs.serverCert, "--tls-key", certs.serverKey, "--client-ca", certs.ca,
  ]);
  t.after(() => server.dispose());
  const gw = await server.createTerminal("web-gateway", "gateway");
  const b = await server.createTerminal("echo-bot", "bot");
  const address = `https://127.0.0.1:${server.port}`;

  // As in the README.
  const tls = { ca: readFileSync(certs.ca), cert: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) };
  const gateway = new Terminal({ address, token: gw.token, tls });
  const bot = new Terminal({ address, token: b.token, tls });
  t.after(() => {
    gateway.close();
    bot.close();
  });
  await converse(gateway, bot, b.id);

  const noCert = await refused({ address, token: gw.token, tls: { ca: readFileSync(certs.ca) } });
  assert.match(noCert.message, /certificate/i, `${noCert.code}: ${noCert.message}`);
  t.diagnostic(`without a client certificate: ${noCert.name} ${noCert.message}`);
});
