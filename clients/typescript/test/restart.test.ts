// The server restarted (SIGTERM: graceful; SIGKILL: crash) while a sender loops message(): the
// sender's retries with the same idempotency key store every message exactly once, and the
// receiver's feed reconnects and shows every message exactly once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Channel, Terminal } from "../src/index.js";
import { countOnce, Inbox, Server, sleep, until } from "./harness.js";

for (const signal of ["SIGTERM", "SIGKILL"] as const) {
  test(
    `server restarted with ${signal} while messages are sent: each committed once, shown once`,
    { timeout: 30_000 },
    async (t) => {
      const server = await Server.start(["--connect-timeout", "5s"]);
      const gw = await server.createTerminal("web-gateway", "gateway");
      const b = await server.createTerminal("faq-bot", "bot");
      const options = { address: server.address, backoffInitialMs: 50, backoffMaxMs: 500 };
      const gateway = new Terminal({ ...options, token: gw.token });
      const bot = new Terminal({ ...options, token: b.token });
      t.after(async () => {
        gateway.close();
        bot.close();
        await server.dispose();
      });
      const inbox = new Inbox(bot);
      await bot.waitAttached();
      const connecting = gateway.connect({
        destinationTerminalId: b.id,
        caller: { id: "+15550001111" },
        channel: Channel.SMS,
      });
      const requested = await inbox.waitFor(
        (e) => e.payload.case === "sessionRequested",
        "the session request",
      );
      await bot.acknowledgeConnect(requested.sessionId);
      const sessionId = (await connecting).id;

      // The sender loops; a third of the way in, the server is stopped and, after a pause, started
      // again on the same port and database, while the sender keeps going.
      const n = 150;
      const bodies = Array.from({ length: n }, (_, i) => `sms ${i}`);
      let sent = 0;
      let duplicates = 0;
      let longest = 0;
      const restarted = (async () => {
        await until(() => sent >= n / 3, "a third was sent");
        await server.stop(signal);
        await sleep(300);
        await server.restart();
      })();
      for (const body of bodies) {
        const started = Date.now();
        const { duplicate } = await gateway.message(sessionId, body);
        longest = Math.max(longest, Date.now() - started);
        if (duplicate) duplicates++;
        sent++;
      }
      await restarted;
      assert(
        server.log.includes("shutting down") === (signal === "SIGTERM"),
        "the server went down the intended way",
      );
      // One call waited (retrying) through the outage, so the restart did happen mid-loop.
      assert(longest >= 250, `the longest message() took ${longest} ms`);

      await until(() => inbox.bodies(sessionId).length >= n, "the bot showed every message", 15_000);
      const committed = (await gateway.listEvents(sessionId)).flatMap((e) =>
        e.payload.case === "messagePosted" ? [e.payload.value.body] : [],
      );
      const inLog = countOnce(bodies, committed);
      const shown = countOnce(bodies, inbox.bodies(sessionId));
      // For the lead's report: one line per restart kind.
      t.diagnostic(
        `restart ${signal}: sent=${sent} committed=${inLog.once} (twice=${inLog.twice}, missing=${inLog.missing}) ` +
          `shown=${shown.once} shown_twice=${shown.twice + inbox.shownTwice()} missing=${shown.missing} ` +
          `retries_answered_duplicate=${duplicates} longest_call_ms=${longest}`,
      );
      assert.deepEqual(inLog, { once: n, twice: 0, missing: 0 });
      assert.deepEqual(shown, { once: n, twice: 0, missing: 0 });
      assert.equal(inbox.shownTwice(), 0);
      assert.deepEqual(inbox.bodies(sessionId), committed, "shown in log order");
    },
  );
}
