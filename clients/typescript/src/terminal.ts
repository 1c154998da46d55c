// Terminal: one terminal's connection to a handoff server — its live feed (Attach) with
// reconnection, resumption and exactly-once display, and the protocol steps as typed calls.
//
// The only state kept is what the server could give back: per session, the highest seq shown
// (sent as resume cursors so a reconnect continues exactly where the feed stopped) and the acks not
// yet sent. Lose it (a process restart) and the server resumes from the acknowledged seqs instead.
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { create } from "@bufbuild/protobuf";
import { Code, createClient, type CallOptions, type Client } from "@connectrpc/connect";
import { createGrpcTransport, Http2SessionManager } from "@connectrpc/connect-node";
import { bearerAuth } from "./auth.js";
import { InternalError, toHandoffError } from "./errors.js";
import {
  type AttachRequest,
  AttachRequestSchema,
  TerminalService,
} from "./gen/handoff/v1/terminal_service_pb.js";
import type {
  Channel,
  Event,
  Session,
  TerminalState,
  TerminalStatus,
  Transfer,
} from "./gen/handoff/v1/types_pb.js";

export interface TerminalOptions {
  /** "127.0.0.1:50051" (plaintext HTTP/2), or a URL: "http://host:port", "https://host". */
  address: string;
  /** The terminal's token (`handoff admin create-terminal`), sent as `authorization: Bearer …`. */
  token: string;
  /** Acknowledge each event once the application takes the next one from `events()`. Default true. */
  autoAck?: boolean;
  /** Bound of the first reconnect / retry pause; doubles per failure (full jitter). Default 100. */
  backoffInitialMs?: number;
  /** Largest reconnect / retry pause bound. Default 5000. */
  backoffMaxMs?: number;
  /** The deadline of one attempt of a unary call (Connect's is connectTimeoutMs). Default 10000. */
  callTimeoutMs?: number;
  /** The deadline of Connect, which waits for the destination's acknowledgement. Default 60000. */
  connectTimeoutMs?: number;
  /**
   * How long the retried calls (message, acknowledgeDisconnect, getSession, listEvents) keep
   * retrying. Default 60000.
   */
  retryDeadlineMs?: number;
  /** HTTP/2 PING interval while calls are open, to notice a dead connection. Default 15000. */
  pingIntervalMs?: number;
  /**
   * TLS settings for an "https://" address (ignored for plaintext): `ca`, the PEM CA certificate(s)
   * to trust instead of Node's default roots; `cert` and `key`, a PEM client certificate and its key
   * for a server that requires mutual TLS (`--client-ca`). Passed to node's `http2.connect`.
   */
  tls?: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer };
}

export interface MessageOptions {
  /** Makes retries safe: the server stores (session, sender, key) once. Default: a random UUID. */
  idempotencyKey?: string;
}

export interface MessageResult {
  seq: bigint;
  /** True when the server had already committed this key (an earlier attempt got through). */
  duplicate: boolean;
}

export interface ConnectOptions {
  destinationTerminalId: string;
  caller: { id: string; displayName?: string };
  channel: Channel;
  facts?: Record<string, string>;
}

/** A transfer goes to one terminal or to every attached member of a group. */
export type TransferTo = { terminalId: string } | { group: string };

export interface TransferOptions {
  /** Merged into the session's facts when the offer is made. */
  facts?: Record<string, string>;
  /** Free text for the target. */
  note?: string;
}

// Failures after which a call that is safe to repeat is tried again: the server (or the way to it)
// was down, or the attempt ran out of time. connect-node reports a refused connection as
// Unavailable, but one that broke under a call as Aborted (ECONNRESET), Canceled (the HTTP/2
// session went away, so its streams end with CANCEL) or Internal (other HTTP/2 and socket errors).
// The only cancellation of our own is close(), which stops retries first; Aborted and Internal
// cannot be told apart from server statuses of the same code, but for the calls retried a repeat
// is harmless.
const RETRY_CODES = new Set([
  Code.Unavailable,
  Code.DeadlineExceeded,
  Code.Canceled,
  Code.Aborted,
  Code.Internal,
]);

// Attach errors that another attempt cannot fix: a bad token, or cursors the server refuses (a
// session it does not know for this terminal, a cursor ahead of its log). Everything else —
// shutdown, broken connections, resets — is a reason to reconnect.
const FATAL_ATTACH = new Set([
  Code.Unauthenticated,
  Code.PermissionDenied,
  Code.InvalidArgument,
  Code.NotFound,
  Code.OutOfRange,
  Code.FailedPrecondition,
  Code.Unimplemented,
]);

export class Terminal {
  readonly #client: Client<typeof TerminalService>;
  readonly #sessions: Http2SessionManager;
  readonly #autoAck: boolean;
  readonly #backoffInitialMs: number;
  readonly #backoffMaxMs: number;
  readonly #callTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  readonly #retryDeadlineMs: number;
  // Aborted by close(): cancels the stream, pending calls and retry pauses at once.
  readonly #closing = new AbortController();
  // Per session, the highest seq yielded by events(): the de-duplication line and the resume cursor.
  readonly #shown = new Map<string, bigint>();
  // Acks waiting for the stream (coalesced per session: only the highest matters).
  readonly #pendingAcks = new Map<string, bigint>();
  // Wakes the current stream's request generator when an ack is queued.
  #wakeRequests: () => void = () => {};
  #iterating = false;
  #terminalId: string | undefined;
  #attached = false;
  #attachWaiters: { resolve: (id: string) => void; reject: (e: unknown) => void }[] = [];

  constructor(options: TerminalOptions) {
    const baseUrl = /^https?:\/\//.test(options.address) ? options.address : `http://${options.address}`;
    // Our own session manager, so close() can drop the HTTP/2 connection and let the process exit.
    this.#sessions = new Http2SessionManager(
      baseUrl,
      { pingIntervalMs: options.pingIntervalMs ?? 15_000 },
      baseUrl.startsWith("https://") && options.tls ? { ...options.tls } : undefined,
    );
    this.#client = createClient(
      TerminalService,
      createGrpcTransport({
        baseUrl,
        sessionManager: this.#sessions,
        interceptors: [bearerAuth(options.token)],
      }),
    );
    this.#autoAck = options.autoAck ?? true;
    this.#backoffInitialMs = options.backoffInitialMs ?? 100;
    this.#backoffMaxMs = options.backoffMaxMs ?? 5_000;
    this.#callTimeoutMs = options.callTimeoutMs ?? 10_000;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 60_000;
    this.#retryDeadlineMs = options.retryDeadlineMs ?? 60_000;
    // Every call listens on this signal; many concurrent calls are normal, not a leak.
    setMaxListeners(0, this.#closing.signal);
  }

  /** The terminal's id, known once the feed has attached. */
  get terminalId(): string | undefined {
    return this.#terminalId;
  }

  /**
   * Resolves with the terminal id once the feed is attached (at once if it is now). The feed runs
   * while `events()` is being iterated; Connect and group transfers need the destination attached.
   */
  waitAttached(): Promise<string> {
    if (this.#closing.signal.aborted) return Promise.reject(new Error("the terminal is closed"));
    if (this.#attached && this.#terminalId !== undefined) return Promise.resolve(this.#terminalId);
    return new Promise((resolve, reject) => this.#attachWaiters.push({ resolve, reject }));
  }

  /**
   * The live feed: every event of every session this terminal takes part in, in order per session,
   * each shown once (repeats after a reconnect are dropped). Reconnects with backoff and resumes
   * after what was shown; ends when close() is called; throws a HandoffError when the server refuses
   * the stream for good (e.g. UnauthenticatedError). One iteration at a time.
   */
  async *events(): AsyncGenerator<Event, void, undefined> {
    if (this.#iterating) throw new Error("events() is already being iterated");
    this.#iterating = true;
    try {
      let failures = 0;
      while (!this.#closing.signal.aborted) {
        const call = new AbortController();
        const stop = () => call.abort();
        this.#closing.signal.addEventListener("abort", stop);
        try {
          const responses = this.#client.attach(this.#requests(call.signal), { signal: call.signal });
          for await (const res of responses) {
            if (res.kind.case === "attached") {
              failures = 0;
              this.#setAttached(res.kind.value.terminalId);
            } else if (res.kind.case === "event") {
              const event = res.kind.value;
              const shown = this.#shown.get(event.sessionId);
              if (shown !== undefined && event.seq <= shown) continue;
              this.#shown.set(event.sessionId, event.seq);
              yield event;
              // The application asked for the next event: it is done with this one.
              if (this.#autoAck) this.ack(event);
            }
            // Receipts answer stream commands, which this class does not send.
          }
        } catch (err) {
          if (this.#closing.signal.aborted) return;
          const e = toHandoffError(err);
          if (FATAL_ATTACH.has(e.code)) {
            this.#failAttachWaiters(e);
            throw e;
          }
        } finally {
          this.#attached = false;
          this.#closing.signal.removeEventListener("abort", stop);
          call.abort();
        }
        // The stream broke or the server ended it (shutdown): pause, then resume with the cursors.
        await this.#pause(this.#backoff(failures++));
      }
    } finally {
      this.#iterating = false;
    }
  }

  /**
   * Marks everything up to `event.seq` in its session as processed: a later Attach without
   * cursors (a restarted process) starts after it. Sent on the stream; queued while disconnected.
   * An ack in flight when a stream breaks may be lost: the server then resumes a new process from
   * an earlier ack, and its events() shows those events again.
   */
  ack(event: { sessionId: string; seq: bigint }): void {
    const pending = this.#pendingAcks.get(event.sessionId);
    if (pending !== undefined && pending >= event.seq) return;
    this.#pendingAcks.set(event.sessionId, event.seq);
    this.#wakeRequests();
  }

  /** Detaches the feed (events() ends), cancels pending calls and closes the connection. */
  close(): void {
    if (this.#closing.signal.aborted) return;
    this.#closing.abort();
    this.#failAttachWaiters(new Error("the terminal is closed"));
    this.#sessions.abort();
  }

  /**
   * Opens a session for a caller with a destination, which must be attached; returns once it
   * acknowledged. Not retried: a second attempt would request a second session.
   */
  connect(options: ConnectOptions): Promise<Session> {
    return this.#call({ timeoutMs: this.#connectTimeoutMs }, async (o) => {
      const res = await this.#client.connect(
        {
          destinationTerminalId: options.destinationTerminalId,
          caller: { id: options.caller.id, displayName: options.caller.displayName ?? "" },
          channel: options.channel,
          facts: options.facts ?? {},
        },
        o,
      );
      return required(res.session, "session");
    });
  }

  /** The destination's answer to a SessionRequested event. */
  acknowledgeConnect(sessionId: string): Promise<Session> {
    return this.#call({}, async (o) =>
      required((await this.#client.acknowledgeConnect({ sessionId }, o)).session, "session"),
    );
  }

  /**
   * Posts a message and returns its seq once committed. Retries with the same idempotency key while
   * the server is unreachable, restarting or slow (up to retryDeadlineMs), so the message is stored
   * once however many attempts it takes; `duplicate` tells that an earlier attempt had got through.
   */
  message(sessionId: string, body: string, options: MessageOptions = {}): Promise<MessageResult> {
    const idempotencyKey = options.idempotencyKey ?? randomUUID();
    return this.#call({ retry: true }, async (o) => {
      const res = await this.#client.message({ sessionId, body, idempotencyKey }, o);
      return { seq: res.seq, duplicate: res.duplicate };
    });
  }

  /** Offers the session (held by this terminal) with its context to a terminal or a group. */
  transfer(sessionId: string, target: TransferTo, options: TransferOptions = {}): Promise<Transfer> {
    const kind =
      "terminalId" in target
        ? { case: "terminalId" as const, value: target.terminalId }
        : { case: "group" as const, value: target.group };
    return this.#call({}, async (o) => {
      const res = await this.#client.transfer(
        { sessionId, target: { kind }, facts: options.facts ?? {}, note: options.note ?? "" },
        o,
      );
      return required(res.transfer, "transfer");
    });
  }

  /**
   * Says whether this terminal takes new sessions from group queues. An agent starts AWAY:
   * attaching alone does not make it available. The server keeps the status across reconnects.
   */
  setStatus(status: TerminalStatus, reason = ""): Promise<TerminalState> {
    return this.#call({ retry: true }, async (o) =>
      required((await this.#client.setStatus({ status, reason }, o)).state, "state"),
    );
  }

  /** Accepts an offer made to this terminal; the holder must then disconnect. */
  acceptTransfer(sessionId: string, transferId: string): Promise<{ transfer: Transfer; session: Session }> {
    return this.#call({}, async (o) => {
      const res = await this.#client.acceptTransfer({ sessionId, transferId }, o);
      return { transfer: required(res.transfer, "transfer"), session: required(res.session, "session") };
    });
  }

  /** Turns down an offer made to this terminal; the holder keeps the session. */
  declineTransfer(sessionId: string, transferId: string, reason = ""): Promise<Transfer> {
    return this.#call({}, async (o) =>
      required(
        (await this.#client.declineTransfer({ sessionId, transferId, reason }, o)).transfer,
        "transfer",
      ),
    );
  }

  /** Withdraws this terminal's offer before it is accepted. */
  cancelTransfer(sessionId: string, transferId: string, reason = ""): Promise<Transfer> {
    return this.#call({}, async (o) =>
      required(
        (await this.#client.cancelTransfer({ sessionId, transferId, reason }, o)).transfer,
        "transfer",
      ),
    );
  }

  /** Leaves the session: hands it over after an accepted transfer, ends it otherwise. */
  disconnect(sessionId: string): Promise<{ session: Session; seq: bigint }> {
    return this.#call({}, async (o) => {
      const res = await this.#client.disconnect({ sessionId }, o);
      return { session: required(res.session, "session"), seq: res.seq };
    });
  }

  /** The caller's terminal acknowledges a HolderDisconnected event (its seq). Retried: a repeat is a no-op. */
  acknowledgeDisconnect(sessionId: string, seq: bigint): Promise<Session> {
    return this.#call({ retry: true }, async (o) =>
      required((await this.#client.acknowledgeDisconnect({ sessionId, seq }, o)).session, "session"),
    );
  }

  /** The session as this terminal may see it. Retried. */
  getSession(sessionId: string): Promise<Session> {
    return this.#call({ retry: true }, async (o) =>
      required((await this.#client.getSession({ sessionId }, o)).session, "session"),
    );
  }

  /** The session's whole log as this terminal may see it, in seq order (every page; each retried). */
  async listEvents(sessionId: string): Promise<Event[]> {
    const events: Event[] = [];
    let pageToken = "";
    do {
      const res = await this.#call({ retry: true }, (o) =>
        this.#client.listEvents({ sessionId, pageSize: 1000, pageToken }, o),
      );
      events.push(...res.events);
      pageToken = res.nextPageToken;
    } while (pageToken !== "");
    return events;
  }

  // Makes one call (a few attempts if `retry` and the failure allows it) and throws typed errors.
  async #call<T>(
    how: { retry?: boolean; timeoutMs?: number },
    run: (options: CallOptions) => Promise<T>,
  ): Promise<T> {
    const giveUp = Date.now() + this.#retryDeadlineMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await run({ signal: this.#closing.signal, timeoutMs: how.timeoutMs ?? this.#callTimeoutMs });
      } catch (err) {
        const e = toHandoffError(err);
        const pause = this.#backoff(attempt);
        if (
          !how.retry ||
          !RETRY_CODES.has(e.code) ||
          this.#closing.signal.aborted ||
          Date.now() + pause > giveUp
        ) {
          throw e;
        }
        await this.#pause(pause);
      }
    }
  }

  // The request side of one Attach: hello with the cursors, then acks as they are queued, until the
  // call ends. Acks still queued when it ends go out on the next stream.
  async *#requests(signal: AbortSignal): AsyncGenerator<AttachRequest> {
    const resume = [...this.#shown].map(([sessionId, seq]) => ({ sessionId, seq }));
    yield create(AttachRequestSchema, { kind: { case: "hello", value: { resume } } });
    const ended = new Promise<void>((resolve) =>
      signal.addEventListener("abort", () => resolve(), { once: true }),
    );
    while (!signal.aborted) {
      for (const [sessionId, seq] of this.#pendingAcks) {
        this.#pendingAcks.delete(sessionId);
        yield create(AttachRequestSchema, { kind: { case: "ack", value: { sessionId, seq } } });
      }
      if (signal.aborted) return;
      await Promise.race([ended, new Promise<void>((resolve) => (this.#wakeRequests = resolve))]);
    }
  }

  #setAttached(terminalId: string): void {
    this.#terminalId = terminalId;
    this.#attached = true;
    for (const w of this.#attachWaiters.splice(0)) w.resolve(terminalId);
  }

  #failAttachWaiters(err: unknown): void {
    for (const w of this.#attachWaiters.splice(0)) w.reject(err);
  }

  // Full jitter: a random pause up to an exponentially growing bound, so that many terminals
  // dropped by one server restart do not all come back in the same instant.
  #backoff(failures: number): number {
    return Math.random() * Math.min(this.#backoffMaxMs, this.#backoffInitialMs * 2 ** failures);
  }

  // Sleeps, but returns at once when the terminal is closed.
  #pause(ms: number): Promise<void> {
    const signal = this.#closing.signal;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done, { once: true });
    });
  }
}

// Proto3 message fields are optional in the generated types; the server always fills these.
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new InternalError(`the server's reply has no ${what}`);
  return value;
}
