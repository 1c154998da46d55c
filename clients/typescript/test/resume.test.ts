// A feed whose connection is cut mid-conversation reconnects and resumes after what it showed:
// every message is shown exactly once and none is lost, while both sides keep sending.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Channel, Terminal } from "../src/index.js";
import { countOnce, Inbox, Proxy, Server, sleep, until } from "./harness.js";

test(
  "a stream dropped mid-conversation resumes: every message shown exactly once, none lost",
  { timeout: 30_000 },
  async (t) => {
    const server = await Server.start();
    const proxy = await Proxy.start(server.port);
    const gw = await server.createTerminal("web-gateway", "gateway");
    const b = await server.createTerminal("faq-bot", "bot");
    // The bot reaches the server through the proxy, so its connection (feed and calls) can be cut.
    const gateway = new Terminal({ address: server.address, token: gw.token, backoffMaxMs: 500 });
    const bot = new Terminal({ address: proxy.address, token: b.token, backoffMaxMs: 500 });
    t.after(async () => {
      gateway.close();
      bot.close();
      proxy.close();
      await server.dispose();
    });
    const inbox = { gateway: new Inbox(gateway), bot: new Inbox(bot) };
    await Promise.all([gateway.waitAttached(), bot.waitAttached()]);

    const connecting = gateway.connect({
      destinationTerminalId: b.id,
      caller: { id: "visitor-1" },
      channel: Channel.WEB,
    });
    const requested = await inbox.bot.waitFor(
      (e) => e.payload.case === "sessionRequested",
      "the session request",
    );
    await bot.acknowledgeConnect(requested.sessionId);
    const sessionId = (await connecting).id;

    // Both sides send N messages at once; the bot's connection is cut after every third of the
    // caller's messages, in the middle of both streams of messages.
    const n = 90;
    const fromCaller = Array.from({ length: n }, (_, i) => `caller ${i}`);
    const fromBot = Array.from({ length: n }, (_, i) => `bot ${i}`);
    const drops = 3;
    await Promise.all([
      (async () => {
        for (const [i, body] of fromCaller.entries()) {
          await gateway.message(sessionId, body);
          if ((i + 1) % (n / drops) === 0) proxy.dropAll();
        }
      })(),
      (async () => {
        for (const body of fromBot) await bot.message(sessionId, body);
      })(),
    ]);
    await until(() => inbox.bot.bodies(sessionId).length >= 2 * n, "the bot showed every message");
    await until(() => inbox.gateway.bodies(sessionId).length >= 2 * n, "the gateway showed every message");

    const log = (await gateway.listEvents(sessionId)).flatMap((e) =>
      e.payload.case === "messagePosted" ? [e.payload.value.body] : [],
    );
    assert.deepEqual(countOnce([...fromCaller, ...fromBot], log), { once: 2 * n, twice: 0, missing: 0 });
    for (const side of [inbox.bot, inbox.gateway]) {
      // The feed shows the log itself: same messages, same order, nothing twice.
      assert.deepEqual(side.bodies(sessionId), log);
      assert.equal(side.shownTwice(), 0);
    }
    // Each cut made the bot connect again.
    assert(proxy.accepted > drops, `the bot reconnected (${proxy.accepted} connections)`);
    t.diagnostic(
      `stream drops: ${drops}, bot connections: ${proxy.accepted}, messages sent: ${2 * n}, ` +
        `committed once: ${log.length}, shown at the bot: ${inbox.bot.bodies(sessionId).length}, shown twice: 0`,
    );
  },
);

test(
  "a restarted process (a new Terminal, no cursors) resumes after what the last one acknowledged",
  { timeout: 20_000 },
  async (t) => {
    const server = await Server.start();
    const gw = await server.createTerminal("web-gateway", "gateway");
    const b = await server.createTerminal("faq-bot", "bot");
    const gateway = new Terminal({ address: server.address, token: gw.token });
    const first = new Terminal({ address: server.address, token: b.token });
    t.after(async () => {
      gateway.close();
      first.close();
      await server.dispose();
    });
    const inbox = new Inbox(first);
    await first.waitAttached();
    const connecting = gateway.connect({
      destinationTerminalId: b.id,
      caller: { id: "visitor-2" },
      channel: Channel.IM,
    });
    const requested = await inbox.waitFor(
      (e) => e.payload.case === "sessionRequested",
      "the session request",
    );
    await first.acknowledgeConnect(requested.sessionId);
    const sessionId = (await connecting).id;
    for (let i = 0; i < 10; i++) await gateway.message(sessionId, `before ${i}`);
    await until(() => inbox.bodies(sessionId).length === 10, "the first process showed every message");
    // autoAck: each event was acknowledged when the loop asked for the next; the server records
    // acks with its next group commit, a few milliseconds later.
    await sleep(500);
    first.close();
    await inbox.done;

    for (let i = 0; i < 5; i++) await gateway.message(sessionId, `after ${i}`);
    const second = new Terminal({ address: server.address, token: b.token });
    t.after(() => second.close());
    const again = new Inbox(second);
    await until(() => again.bodies(sessionId).length >= 5, "the second process showed the new messages");
    await sleep(200); // anything shown beyond the new messages would arrive with them
    assert.deepEqual(
      again.events.map((e) => (e.payload.case === "messagePosted" ? e.payload.value.body : e.payload.case)),
      ["after 0", "after 1", "after 2", "after 3", "after 4"],
    );
  },
);
