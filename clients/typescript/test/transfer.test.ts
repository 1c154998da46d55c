// A whole transfer through Terminal, against a real server: a gateway connects a caller to a bot,
// they chat, the bot hands the session to an agent (by terminal id; in a second session to a group),
// the agent accepts, the bot leaves, the gateway acknowledges, and the conversation goes on.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  Channel,
  type Event,
  FailedPreconditionError,
  HandoffError,
  NotFoundError,
  SessionState,
  Terminal,
  TerminalStatus,
  TransferState,
  UnauthenticatedError,
} from "../src/index.js";
import { Inbox, Server } from "./harness.js";

const message = (sessionId: string, body: string) => (e: Event) =>
  e.sessionId === sessionId && e.payload.case === "messagePosted" && e.payload.value.body === body;
const kind = (sessionId: string, c: Event["payload"]["case"]) => (e: Event) =>
  e.sessionId === sessionId && e.payload.case === c;

test(
  "a full transfer: bot to agent by id and to a group, then the agent and the caller go on",
  { timeout: 30_000 },
  async (t) => {
    const server = await Server.start(["--connect-timeout", "5s"]);
    const ids = {
      gateway: await server.createTerminal("web-gateway", "gateway"),
      bot: await server.createTerminal("faq-bot", "bot"),
      alice: await server.createTerminal("alice", "agent", ["billing"]),
      bob: await server.createTerminal("bob", "agent", ["billing"]),
    };
    const open = (token: string) => new Terminal({ address: server.address, token, backoffMaxMs: 500 });
    const gateway = open(ids.gateway.token);
    const bot = open(ids.bot.token);
    const alice = open(ids.alice.token);
    const bob = open(ids.bob.token);
    t.after(async () => {
      for (const term of [gateway, bot, alice, bob]) term.close();
      await server.dispose();
    });
    const inbox = {
      gateway: new Inbox(gateway),
      bot: new Inbox(bot),
      alice: new Inbox(alice),
      bob: new Inbox(bob),
    };
    assert.deepEqual(
      await Promise.all([
        gateway.waitAttached(),
        bot.waitAttached(),
        alice.waitAttached(),
        bob.waitAttached(),
      ]),
      [ids.gateway.id, ids.bot.id, ids.alice.id, ids.bob.id],
    );

    // The gateway connects Dana to the bot; Connect returns once the bot acknowledged.
    const connectTo = async (destinationTerminalId: string, callerId: string) => {
      const connecting = gateway.connect({
        destinationTerminalId,
        caller: { id: callerId, displayName: "Dana" },
        channel: Channel.WEB,
        facts: { locale: "en-US" },
      });
      const requested = await inbox.bot.waitFor(
        (e) => e.payload.case === "sessionRequested" && e.payload.value.caller?.id === callerId,
        "the session request",
      );
      await bot.acknowledgeConnect(requested.sessionId);
      const session = await connecting;
      assert.equal(session.id, requested.sessionId);
      assert.equal(session.state, SessionState.OPEN);
      assert.equal(session.holderTerminalId, ids.bot.id);
      return session.id;
    };

    // Session 1: transfer to alice by terminal id.
    const s1 = await connectTo(ids.bot.id, "+15551234567");
    const hi = await gateway.message(s1, "Hi, I was charged twice this month.");
    assert.equal(hi.duplicate, false);
    await inbox.bot.waitFor(
      message(s1, "Hi, I was charged twice this month."),
      "the caller's message at the bot",
    );
    await bot.message(s1, "Sorry about that! Let me get you to a billing specialist.");
    await inbox.gateway.waitFor(
      message(s1, "Sorry about that! Let me get you to a billing specialist."),
      "the bot's reply",
    );

    const offered = await bot.transfer(
      s1,
      { terminalId: ids.alice.id },
      { facts: { intent: "billing_dispute" }, note: "Double charge in November." },
    );
    assert.equal(offered.state, TransferState.OFFERED);
    const offer = await inbox.alice.waitFor(kind(s1, "transferOffered"), "the offer at alice");
    assert(offer.payload.case === "transferOffered");
    const context = offer.payload.value.context;
    assert.equal(context?.caller?.displayName, "Dana");
    assert.deepEqual({ ...context?.facts }, { intent: "billing_dispute", locale: "en-US" });
    assert.deepEqual(
      context?.dialog.map((e) => (e.payload.case === "messagePosted" ? e.payload.value.body : "")),
      ["Hi, I was charged twice this month.", "Sorry about that! Let me get you to a billing specialist."],
    );
    assert.equal(offer.payload.value.transfer?.note, "Double charge in November.");

    const accepted = await alice.acceptTransfer(s1, offered.id);
    assert.equal(accepted.transfer.state, TransferState.ACCEPTED);
    await inbox.bot.waitFor(kind(s1, "transferAccepted"), "the acceptance at the bot");
    const left = await bot.disconnect(s1);
    assert.equal(left.session.holderTerminalId, ids.alice.id);

    const gone = await inbox.gateway.waitFor(
      kind(s1, "holderDisconnected"),
      "the holder change at the gateway",
    );
    assert(gone.payload.case === "holderDisconnected");
    assert.equal(gone.payload.value.leftTerminalId, ids.bot.id);
    assert.equal(gone.payload.value.continuedByTerminalId, ids.alice.id);
    const acked = await gateway.acknowledgeDisconnect(s1, gone.seq);
    assert.equal(acked.acknowledgedDisconnectSeq, gone.seq);

    await alice.message(s1, "Hi Dana, Alice from billing here. I have refunded the duplicate charge.");
    await gateway.message(s1, "Great, thank you!");
    await inbox.gateway.waitFor(
      message(s1, "Hi Dana, Alice from billing here. I have refunded the duplicate charge."),
      "alice's message at the gateway",
    );
    await inbox.alice.waitFor(message(s1, "Great, thank you!"), "the caller's message at alice");

    // Alice has the whole dialog, and the bot is fenced out.
    const dialog = (await alice.listEvents(s1)).flatMap((e) =>
      e.payload.case === "messagePosted" ? [e.payload.value.body] : [],
    );
    assert.deepEqual(dialog, [
      "Hi, I was charged twice this month.",
      "Sorry about that! Let me get you to a billing specialist.",
      "Hi Dana, Alice from billing here. I have refunded the duplicate charge.",
      "Great, thank you!",
    ]);
    const seen = await alice.getSession(s1);
    assert.equal(seen.holderTerminalId, ids.alice.id);
    assert.deepEqual(
      seen.holders.map((h) => h.terminalId),
      [ids.bot.id, ids.alice.id],
    );
    await assert.rejects(
      bot.getSession(s1),
      (e) => e instanceof NotFoundError && e.message === "session not found",
    );
    await assert.rejects(bot.message(s1, "still there?"), NotFoundError);

    // Session 2: transfer to the group "billing"; both agents get the offer, the first accept wins.
    // Agents say they are available first (attaching alone does not make an agent available).
    for (const agent of [alice, bob]) {
      const state = await agent.setStatus(TerminalStatus.AVAILABLE, "ready");
      assert.equal(state.status, TerminalStatus.AVAILABLE);
    }
    const s2 = await connectTo(ids.bot.id, "+15557654321");
    await gateway.message(s2, "I need to change my billing address.");
    await inbox.bot.waitFor(
      message(s2, "I need to change my billing address."),
      "the second session's message",
    );
    const groupOffer = await bot.transfer(s2, { group: "billing" }, { note: "address change" });
    assert.deepEqual([...groupOffer.offeredToTerminalIds].sort(), [ids.alice.id, ids.bob.id].sort());
    await inbox.alice.waitFor(kind(s2, "transferOffered"), "the group offer at alice");
    await inbox.bob.waitFor(kind(s2, "transferOffered"), "the group offer at bob");
    await bob.acceptTransfer(s2, groupOffer.id);
    // A late accept is refused: NOT_FOUND, as the other members no longer take part (servers before
    // that rule answered FAILED_PRECONDITION).
    await assert.rejects(
      alice.acceptTransfer(s2, groupOffer.id),
      (e) => e instanceof NotFoundError || e instanceof FailedPreconditionError,
    );
    await inbox.alice.waitFor(kind(s2, "transferAccepted"), "the offer taken, at alice");
    await bot.disconnect(s2);
    const gone2 = await inbox.gateway.waitFor(kind(s2, "holderDisconnected"), "the second holder change");
    assert(gone2.payload.case === "holderDisconnected");
    assert.equal(gone2.payload.value.continuedByTerminalId, ids.bob.id);
    await gateway.acknowledgeDisconnect(s2, gone2.seq);
    await bob.message(s2, "Bob here, I can help with that.");
    await inbox.gateway.waitFor(
      message(s2, "Bob here, I can help with that."),
      "bob's message at the gateway",
    );
    assert.deepEqual(
      (await bob.listEvents(s2)).flatMap((e) =>
        e.payload.case === "messagePosted" ? [e.payload.value.body] : [],
      ),
      ["I need to change my billing address.", "Bob here, I can help with that."],
    );

    // The gateway never sees the transfer negotiation; nobody was shown an event twice.
    assert(!inbox.gateway.events.some((e) => e.payload.case?.startsWith("transfer")));
    for (const i of Object.values(inbox)) assert.equal(i.shownTwice(), 0);
  },
);

test(
  "typed errors: a wrong token is UnauthenticatedError, on calls and on the feed",
  { timeout: 15_000 },
  async (t) => {
    const server = await Server.start();
    const term = new Terminal({ address: server.address, token: "hnd_wrong" });
    t.after(async () => {
      term.close();
      await server.dispose();
    });
    await assert.rejects(term.getSession("01a21808-ec9b-716f-8c6c-4ba92555c143"), UnauthenticatedError);
    await assert.rejects(
      async () => {
        for await (const _ of term.events()) assert.fail("no event expected");
      },
      (e) => e instanceof UnauthenticatedError && e instanceof HandoffError,
    );
  },
);
