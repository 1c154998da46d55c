// The visitor's web-chat widget. The site's gateway connects the visitor to a bot and hands the
// page a session token; from then on the page talks to handoff directly (gRPC-Web): it follows
// the session with Subscribe and writes with Message, as the caller's terminal, on that session
// only. Its transcript and cursor live in sessionStorage, so a reload shows every message once:
// what was shown is restored, and the feed resumes after the last sequence number shown.
import { Code, codeOf, el, newKey, sleep, terminalClient, type Terminal } from "./api.js";

interface Line {
  seq: string;
  who: string;
  text: string;
  kind: "me" | "them" | "system";
}

interface Saved {
  sessionId: string;
  token: string;
  gatewayTerminalId: string;
  cursor: string; // the last sequence number shown (a bigint, as text)
  lines: Line[];
  ended?: boolean;
}

const KEY = "handoff-widget";
const params = new URLSearchParams(location.search);
const gatewayUrl = params.get("gateway") ?? location.origin;
const handoffUrl = params.get("handoff") ?? location.origin;

const root = document.getElementById("widget")!;
const transcript = el("ol", { cls: "transcript", attrs: { id: "transcript", "aria-live": "polite" } });
const status = el("p", { cls: "status", attrs: { id: "status" } });

function load(): Saved | undefined {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Saved) : undefined;
}
function save(s: Saved) {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

function render(line: Line) {
  transcript.appendChild(
    el("li", { cls: `line ${line.kind}`, attrs: { "data-seq": line.seq } },
      el("span", { cls: "who", text: line.who }),
      el("span", { cls: "text", text: line.text })),
  );
  transcript.scrollTop = transcript.scrollHeight;
}

function startForm() {
  const name = el("input", { attrs: { id: "visitor-name", placeholder: "Your name", autocomplete: "name" } });
  const start = el("button", { text: "Start chat", attrs: { id: "start", type: "submit" } });
  const form = el("form", { cls: "start" }, name, start);
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    start.disabled = true;
    status.textContent = "Connecting…";
    try {
      const r = await fetch(`${gatewayUrl}/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: name.value.trim() || "Visitor" }),
      });
      if (!r.ok) throw new Error(`the gateway answered ${r.status}`);
      const got = (await r.json()) as { sessionId: string; token: string; gatewayTerminalId: string };
      const saved: Saved = { ...got, cursor: "0", lines: [] };
      save(saved);
      form.remove();
      chat(saved);
    } catch (e) {
      status.textContent = `Could not start the chat: ${e}`;
      start.disabled = false;
    }
  };
  root.append(form, status);
}

function chat(saved: Saved) {
  const client = terminalClient(handoffUrl, saved.token);
  const input = el("input", { attrs: { id: "message", placeholder: "Type a message", autocomplete: "off" } });
  const send = el("button", { text: "Send", attrs: { id: "send", type: "submit" } });
  const leave = el("button", { text: "End chat", cls: "secondary", attrs: { id: "end", type: "button" } });
  const form = el("form", { cls: "compose" }, input, send, leave);
  root.append(transcript, form, status);
  for (const l of saved.lines) render(l);
  if (saved.ended) return finished(form, "The chat has ended.");

  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const body = input.value.trim();
    if (!body) return;
    input.value = "";
    // Shown when it comes back on the feed, so it is shown once and in the log's order.
    await sendMessage(client, saved.sessionId, body).catch((e) => (status.textContent = `Not sent: ${e}`));
  };
  leave.onclick = async () => {
    await client.disconnect({ sessionId: saved.sessionId }).catch(() => {});
  };
  void follow(client, saved, form);
}

async function sendMessage(client: Terminal, sessionId: string, body: string) {
  const idempotencyKey = newKey();
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.message({ sessionId, body, idempotencyKey });
    } catch (e) {
      if (attempt >= 3 || codeOf(e) !== Code.Unavailable) throw e;
      await sleep(300 * (attempt + 1));
    }
  }
}

function finished(form: HTMLElement, text: string) {
  form.querySelectorAll("input,button").forEach((e) => ((e as HTMLInputElement).disabled = true));
  status.textContent = text;
}

async function follow(client: Terminal, saved: Saved, form: HTMLElement) {
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) {
      const r = await client.listSessionTerminals({ sessionId: saved.sessionId });
      for (const t of r.terminals) names.set(t.id, t.displayName);
    }
    return names.get(id) ?? "Agent";
  };
  for (;;) {
    try {
      const feed = client.subscribe({ resume: [{ sessionId: saved.sessionId, seq: BigInt(saved.cursor) }] });
      status.textContent = "";
      for await (const r of feed) {
        if (r.kind.case !== "event") continue;
        const e = r.kind.value;
        if (e.seq <= BigInt(saved.cursor)) continue; // delivered again around a reconnect
        const seq = e.seq.toString();
        let line: Line | undefined;
        switch (e.payload.case) {
          case "messagePosted": {
            const mine = e.authorTerminalId === saved.gatewayTerminalId;
            line = { seq, who: mine ? "You" : await nameOf(e.authorTerminalId), text: e.payload.value.body, kind: mine ? "me" : "them" };
            break;
          }
          case "holderDisconnected": {
            const next = e.payload.value.continuedByTerminalId;
            if (next) line = { seq, who: "", text: `${await nameOf(next)} joined`, kind: "system" };
            break;
          }
          case "sessionEnded":
            saved.ended = true;
            line = { seq, who: "", text: "The chat has ended.", kind: "system" };
            break;
        }
        if (line) {
          saved.lines.push(line);
          render(line);
        }
        saved.cursor = seq;
        save(saved);
        if (saved.ended) return finished(form, "");
      }
    } catch (e) {
      if (codeOf(e) === Code.Unauthenticated || codeOf(e) === Code.NotFound) {
        saved.ended = true;
        save(saved);
        return finished(form, "The chat has ended.");
      }
      status.textContent = "Reconnecting…";
    }
    await sleep(1000);
  }
}

const saved = load();
if (saved) chat(saved);
else startForm();
