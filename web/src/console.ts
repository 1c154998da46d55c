// The agent console: sign in with a terminal token, follow every session of the terminal with
// Subscribe (offers arrive with their whole context), accept or decline, chat in several sessions
// at once, transfer onwards (to a terminal or a group, with facts and a note), disconnect, and
// read a session's full history (ListEvents). Every step is a unary call: browsers cannot stream
// requests, so Attach's commands are sent as the RPCs of the same names.
import { Code, codeOf, el, newKey, sleep, terminalClient } from "./api.js";
import type { Event, Transfer, TransferContext } from "../../clients/typescript/src/gen/handoff/v1/types_pb.js";
import { TerminalStatus } from "../../clients/typescript/src/gen/handoff/v1/types_pb.js";

const TOKEN_KEY = "handoff-console-token";
const params = new URLSearchParams(location.search);
const handoffUrl = params.get("handoff") ?? location.origin;
const root = document.getElementById("console")!;
const status = el("p", { cls: "status", attrs: { id: "status" } });

interface Panel {
  id: string;
  box: HTMLElement;
  transcript: HTMLElement;
  lastSeq: bigint;
  callerTerminalId: string;
  callerName: string;
  offer?: Transfer;
  context?: TransferContext;
  offerBox?: HTMLElement;
  controls?: HTMLElement;
}

function signIn() {
  const token = el("input", { attrs: { id: "token", type: "password", placeholder: "Terminal token (hnd_…)" } });
  const go = el("button", { text: "Sign in", attrs: { id: "sign-in", type: "submit" } });
  const form = el("form", { cls: "start" }, token, go);
  form.onsubmit = (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    form.remove();
    run(token.value.trim());
  };
  root.append(form, status);
}

function run(token: string) {
  const client = terminalClient(handoffUrl, token);
  const header = el("header", {},
    el("span", { text: "Signed in as ", cls: "who" }),
    el("strong", { attrs: { id: "me" }, text: "…" }));
  const signOut = el("button", { text: "Sign out", cls: "secondary", attrs: { type: "button" } });
  signOut.onclick = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  };
  // Routing offers group sessions only to agents that say they are available: signing in to the
  // console says so; the agent switches to away or busy here (the server keeps the choice).
  const availability = el("select", { attrs: { id: "availability", "aria-label": "Availability" } },
    el("option", { text: "Available", attrs: { value: String(TerminalStatus.AVAILABLE) } }),
    el("option", { text: "Busy", attrs: { value: String(TerminalStatus.BUSY) } }),
    el("option", { text: "Away", attrs: { value: String(TerminalStatus.AWAY) } }));
  const sayStatus = async () => {
    try {
      await client.setStatus({ status: Number(availability.value) as TerminalStatus, reason: "" });
    } catch (e) {
      status.textContent = `Could not set the status: ${(e as Error).message}`;
    }
  };
  availability.onchange = () => void sayStatus();
  header.append(availability, signOut);
  const board = el("div", { cls: "board", attrs: { id: "sessions" } });
  root.append(header, status, board);
  const panels = new Map<string, Panel>();
  const names = new Map<string, string>();
  let me = "";

  const nameOf = async (session: string, id: string) => {
    if (!names.has(id)) {
      try {
        const r = await client.listSessionTerminals({ sessionId: session });
        for (const t of r.terminals) names.set(t.id, t.displayName);
      } catch {
        // Not ours to read any more: fall back to the id.
      }
    }
    return names.get(id) ?? id.slice(0, 8);
  };

  const panelFor = (id: string): Panel => {
    let p = panels.get(id);
    if (!p) {
      const transcript = el("ol", { cls: "transcript" });
      const box = el("section", { cls: "session", attrs: { "data-session": id } },
        el("h2", { text: `Session ${id.slice(0, 8)}` }), transcript);
      board.appendChild(box);
      p = { id, box, transcript, lastSeq: 0n, callerTerminalId: "", callerName: "Caller" };
      panels.set(id, p);
    }
    return p;
  };
  const line = (p: Panel, who: string, text: string, kind: string) => {
    p.transcript.appendChild(el("li", { cls: `line ${kind}` },
      el("span", { cls: "who", text: who }), el("span", { cls: "text", text })));
    p.transcript.scrollTop = p.transcript.scrollHeight;
  };
  const close = (p: Panel, why: string) => {
    line(p, "", why, "system");
    // Acknowledged to its end: a later sign-in does not bring the finished session back.
    void client.acknowledge({ sessionId: p.id, seq: p.lastSeq }).catch(() => {});
    p.controls?.remove();
    p.offerBox?.remove();
    p.box.classList.add("closed");
    const dismiss = el("button", { text: "Close", cls: "secondary", attrs: { type: "button" } });
    dismiss.onclick = () => {
      p.box.remove();
      panels.delete(p.id);
    };
    p.box.appendChild(dismiss);
  };

  const showOffer = (p: Panel, t: Transfer, ctx: TransferContext | undefined) => {
    p.offer = t;
    p.context = ctx;
    p.callerName = ctx?.caller?.displayName || ctx?.caller?.id || "Caller";
    const facts = el("dl", { cls: "facts" });
    for (const [k, v] of Object.entries(ctx?.facts ?? {}).sort()) {
      facts.append(el("dt", { text: k }), el("dd", { text: v }));
    }
    const dialog = el("ol", { cls: "transcript dialog" });
    const holders = el("ul", { cls: "holders" });
    const accept = el("button", { text: "Accept", attrs: { type: "button", "data-action": "accept" } });
    const decline = el("button", { text: "Decline", cls: "secondary", attrs: { type: "button", "data-action": "decline" } });
    const box = el("div", { cls: "offer" },
      el("h3", { text: "Transfer offered" }),
      el("p", { cls: "caller", text: `Caller: ${p.callerName} (${ctx?.caller?.id ?? "?"}), channel ${channelName(ctx?.channel)}` }),
      el("h4", { text: "Facts" }), facts,
      el("h4", { text: "Note" }), el("p", { cls: "note", text: t.note || "—" }),
      el("h4", { text: "Dialog so far" }), dialog,
      el("h4", { text: "Holders" }), holders,
      el("div", { cls: "actions" }, accept, decline));
    p.box.appendChild(box);
    p.offerBox = box;
    void (async () => {
      for (const d of ctx?.dialog ?? []) {
        if (d.payload.case !== "messagePosted") continue;
        const who = d.authorTerminalId === p.callerTerminalId ? p.callerName : await nameOf(p.id, d.authorTerminalId);
        dialog.appendChild(el("li", { cls: "line" }, el("span", { cls: "who", text: who }), el("span", { cls: "text", text: d.payload.value.body })));
      }
      for (const h of ctx?.holders ?? []) {
        holders.appendChild(el("li", { text: `${await nameOf(p.id, h.terminalId)} from #${h.fromSeq}${h.untilSeq ? ` to #${h.untilSeq}` : " (now)"}` }));
      }
    })();
    accept.onclick = async () => {
      accept.disabled = decline.disabled = true;
      try {
        // The feed's TransferAccepted turns the offer into a conversation (see handle).
        await client.acceptTransfer({ sessionId: p.id, transferId: t.id });
      } catch (e) {
        status.textContent = `Accept failed: ${e}`;
      }
    };
    decline.onclick = async () => {
      accept.disabled = decline.disabled = true;
      await client.declineTransfer({ sessionId: p.id, transferId: t.id, reason: "declined from the console" }).catch(() => {});
      panels.delete(p.id);
      p.box.remove();
    };
  };

  const addControls = (p: Panel) => {
    if (p.controls) return;
    const input = el("input", { attrs: { placeholder: "Reply", autocomplete: "off", "data-role": "reply" } });
    const send = el("button", { text: "Send", attrs: { type: "submit" } });
    const compose = el("form", { cls: "compose" }, input, send);
    compose.onsubmit = async (ev) => {
      ev.preventDefault();
      const body = input.value.trim();
      if (!body) return;
      input.value = "";
      await client.message({ sessionId: p.id, body, idempotencyKey: newKey() }).catch((e) => (status.textContent = `Not sent: ${e}`));
    };
    const target = el("input", { attrs: { placeholder: "group name or terminal id", "data-role": "target" } });
    const kind = el("select", { attrs: { "data-role": "target-kind" } },
      el("option", { text: "group", attrs: { value: "group" } }),
      el("option", { text: "terminal", attrs: { value: "terminal" } }));
    const facts = el("textarea", { attrs: { placeholder: "facts, one key=value a line", rows: "2", "data-role": "facts" } });
    const note = el("input", { attrs: { placeholder: "note for the next holder", "data-role": "note" } });
    const transfer = el("button", { text: "Transfer", attrs: { type: "submit" } });
    const onward = el("form", { cls: "transfer" }, kind, target, facts, note, transfer);
    onward.onsubmit = async (ev) => {
      ev.preventDefault();
      const f: Record<string, string> = {};
      for (const l of facts.value.split("\n")) {
        const i = l.indexOf("=");
        if (i > 0) f[l.slice(0, i).trim()] = l.slice(i + 1).trim();
      }
      const t = target.value.trim();
      try {
        await client.transfer({
          sessionId: p.id,
          target: { kind: kind.value === "group" ? { case: "group", value: t } : { case: "terminalId", value: t } },
          facts: f,
          note: note.value,
        });
        line(p, "", `Offered to ${t}; you keep the session until someone accepts and you leave.`, "system");
      } catch (e) {
        status.textContent = `Transfer failed: ${e}`;
      }
    };
    const leave = el("button", { text: "Disconnect", cls: "secondary", attrs: { type: "button", "data-action": "disconnect" } });
    leave.onclick = () => client.disconnect({ sessionId: p.id }).catch((e) => (status.textContent = `Disconnect failed: ${e}`));
    const history = el("button", { text: "History", cls: "secondary", attrs: { type: "button", "data-action": "history" } });
    history.onclick = () => showHistory(p);
    p.controls = el("div", { cls: "controls" }, compose, onward, el("div", { cls: "actions" }, leave, history));
    p.box.appendChild(p.controls);
  };

  const showHistory = async (p: Panel) => {
    const list = el("ol", { cls: "history" });
    let pageToken = "";
    do {
      const page = await client.listEvents({ sessionId: p.id, pageToken, pageSize: 200 });
      for (const e of page.events) list.appendChild(el("li", { text: await describe(p, e) }));
      pageToken = page.nextPageToken;
    } while (pageToken);
    p.box.querySelector(".history")?.remove();
    p.box.appendChild(list);
  };
  const describe = async (p: Panel, e: Event) => {
    const v = e.payload;
    const body = v.case === "messagePosted" ? `${e.authorTerminalId === p.callerTerminalId ? p.callerName : await nameOf(p.id, e.authorTerminalId)}: ${v.value.body}` : `[${v.case}]`;
    return `#${e.seq} ${body}`;
  };

  const handle = async (e: Event) => {
    const p = panelFor(e.sessionId);
    if (e.seq <= p.lastSeq) return; // delivered again around a reconnect
    p.lastSeq = e.seq;
    const v = e.payload;
    switch (v.case) {
      case "sessionRequested":
        p.callerTerminalId = e.authorTerminalId;
        p.callerName = v.value.caller?.displayName || v.value.caller?.id || "Caller";
        line(p, "", `${p.callerName} is connecting`, "system");
        void client.acknowledgeConnect({ sessionId: e.sessionId }).catch(() => {});
        break;
      case "sessionOpened":
        addControls(p);
        break;
      case "transferOffered": {
        const t = v.value.transfer;
        if (t && t.offeredToTerminalIds.includes(me) && v.value.context) {
          const s = await client.getSession({ sessionId: e.sessionId }).catch(() => undefined);
          p.callerTerminalId = s?.session?.callerTerminalId ?? "";
          showOffer(p, t, v.value.context);
        }
        break;
      }
      case "transferAccepted":
        if (p.offer && v.value.acceptedByTerminalId === me && p.offerBox) {
          p.offerBox.remove();
          p.offerBox = undefined;
          // The dialog so far stays on screen, above what follows.
          for (const d of p.context?.dialog ?? []) {
            if (d.payload.case !== "messagePosted") continue;
            const who = d.authorTerminalId === p.callerTerminalId ? p.callerName : await nameOf(p.id, d.authorTerminalId);
            line(p, who, d.payload.value.body, "them");
          }
          line(p, "", "You accepted; the conversation is yours as soon as the holder leaves.", "system");
          addControls(p);
        } else if (p.offer && v.value.acceptedByTerminalId !== me) close(p, "Another agent took this offer.");
        break;
      case "transferDeclined":
      case "transferCancelled":
      case "transferExpired":
        if (p.offerBox && p.offer?.id === v.value.transferId) close(p, `The offer ended (${v.case.slice(8).toLowerCase()}).`);
        break;
      case "messagePosted": {
        const mine = e.authorTerminalId === me;
        const who = mine ? "You" : e.authorTerminalId === p.callerTerminalId ? p.callerName : await nameOf(p.id, e.authorTerminalId);
        line(p, who, v.value.body, mine ? "me" : "them");
        break;
      }
      case "holderDisconnected":
        if (v.value.leftTerminalId === me) close(p, "You left; the session continues elsewhere.");
        else if (v.value.continuedByTerminalId === me) line(p, "", `${await nameOf(p.id, v.value.leftTerminalId)} left; you hold the session now.`, "system");
        break;
      case "sessionEnded":
        close(p, "The session has ended.");
        break;
    }
  };

  void (async () => {
    for (;;) {
      try {
        for await (const r of client.subscribe({})) {
          if (r.kind.case === "attached") {
            me = r.kind.value.terminalId;
            document.getElementById("me")!.textContent = me;
            status.textContent = "";
            await sayStatus();
          } else if (r.kind.case === "event") {
            await handle(r.kind.value);
          }
        }
      } catch (e) {
        if (codeOf(e) === Code.Unauthenticated) {
          sessionStorage.removeItem(TOKEN_KEY);
          status.textContent = "That token was not accepted.";
          return;
        }
        status.textContent = "Reconnecting…";
      }
      await sleep(1000);
    }
  })();
}

function channelName(c: number | undefined): string {
  return ["unspecified", "IM", "SMS", "web"][c ?? 0] ?? String(c);
}

const token = sessionStorage.getItem(TOKEN_KEY);
if (token) run(token);
else signIn();
