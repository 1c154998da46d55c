// Test harness: a real handoff server per test (own temp dir, own SQLite database), terminals
// registered with `handoff admin`, a TCP proxy whose connections can be cut, and an inbox that
// records what a Terminal's events() shows.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import * as net from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Event, Terminal } from "../src/index.js";

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The server binary: $HANDOFF_BIN, else the repository's debug build. */
export const handoffBin = process.env.HANDOFF_BIN ?? path.resolve(packageDir, "../../target/debug/handoff");

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Servers still running when the test process exits (a failed assertion skips cleanup) are killed.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const p of running) p.kill("SIGKILL");
});

export class Server {
  #proc: ChildProcess | undefined;
  #log = "";
  port = 0;

  private constructor(
    readonly dir: string,
    readonly extraArgs: string[],
  ) {}

  /** Starts `handoff serve` on a free port with a fresh database; `args` are extra serve flags. */
  static async start(args: string[] = []): Promise<Server> {
    const server = new Server(await mkdtemp(path.join(tmpdir(), "handoff-ts-")), args);
    await server.restart();
    return server;
  }

  get databaseUrl(): string {
    return `sqlite://${path.join(this.dir, "h.db")}`;
  }

  /** host:port, as Terminal's `address` takes it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Everything the server processes logged so far (for failure messages). */
  get log(): string {
    return this.#log;
  }

  /** (Re)starts the server on the same port (port 0 the first time) and the same database. */
  async restart(): Promise<void> {
    if (this.#proc) throw new Error("the server is running");
    // Right after a kill the port can still be busy for a moment: try again briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        this.port = await this.#spawn();
        return;
      } catch (err) {
        if (attempt >= 20 || this.port === 0) throw err;
        await sleep(100);
      }
    }
  }

  #spawn(): Promise<number> {
    const proc = spawn(
      handoffBin,
      ["serve", "--listen", `127.0.0.1:${this.port}`, "--database-url", this.databaseUrl, ...this.extraArgs],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    running.add(proc);
    return new Promise((resolve, reject) => {
      let pending = "";
      let listening = false;
      const timer = setTimeout(() => fail(new Error("the server did not start within 15 s")), 15_000);
      const fail = (err: Error) => {
        clearTimeout(timer);
        proc.kill("SIGKILL");
        reject(new Error(`${err.message}\n${this.#log}`));
      };
      proc.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
        this.#log += chunk;
        pending += chunk;
        const m = /handoff listening addr=\S+:(\d+)/.exec(pending);
        if (m && !listening) {
          listening = true;
          clearTimeout(timer);
          this.#proc = proc;
          resolve(Number(m[1]));
        }
      });
      proc.on("error", (err) =>
        fail(new Error(`cannot run ${handoffBin} (set HANDOFF_BIN): ${err.message}`)),
      );
      proc.on("exit", (code, signal) => {
        running.delete(proc);
        if (this.#proc === proc) this.#proc = undefined;
        if (!listening) fail(new Error(`the server exited before listening (${signal ?? code})`));
      });
    });
  }

  /** Stops the server with `signal` and waits until the process is gone. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const proc = this.#proc;
    if (!proc) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill(signal);
    await exited;
  }

  /** Stops the server and deletes its directory. */
  async dispose(): Promise<void> {
    await this.stop("SIGKILL");
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Registers a terminal in the server's database; returns its id and token. */
  async createTerminal(
    name: string,
    kind: "bot" | "agent" | "gateway",
    groups: string[] = [],
  ): Promise<{ id: string; token: string }> {
    const args = ["admin", "create-terminal", "--name", name, "--kind", kind, "--export-as", "T"];
    for (const g of groups) args.push("--group", g);
    // The database URL as an environment variable: it is an option of `admin`, not of the subcommand.
    const { stdout } = await promisify(execFile)(handoffBin, args, {
      env: { ...process.env, HANDOFF_DATABASE_URL: this.databaseUrl },
    });
    const id = /export T_ID=(\S+)/.exec(stdout)?.[1];
    const token = /export T_TOKEN=(\S+)/.exec(stdout)?.[1];
    if (!id || !token) throw new Error(`unexpected create-terminal output: ${stdout}`);
    return { id, token };
  }
}

/** A TCP proxy to 127.0.0.1:`port` whose connections can all be cut at once. */
export class Proxy {
  readonly #sockets = new Set<net.Socket>();
  /** Connections accepted so far (each reconnect of a client opens one). */
  accepted = 0;

  private constructor(readonly server: net.Server) {}

  static async start(port: number): Promise<Proxy> {
    const proxy: Proxy = new Proxy(
      net.createServer((client) => {
        proxy.accepted++;
        const upstream = net.connect(port, "127.0.0.1");
        for (const [a, b] of [
          [client, upstream],
          [upstream, client],
        ] as const) {
          proxy.#sockets.add(a);
          a.pipe(b);
          a.on("error", () => b.destroy());
          a.on("close", () => {
            proxy.#sockets.delete(a);
            b.destroy();
          });
        }
      }),
    );
    await new Promise<void>((resolve) => proxy.server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** Cuts every open connection with a TCP reset, as a failing network would. */
  dropAll(): void {
    for (const s of this.#sockets) s.resetAndDestroy();
  }

  close(): void {
    this.dropAll();
    this.server.close();
  }
}

type Waiter = { match: (e: Event) => boolean; resolve: (e: Event) => void };

/**
 * Runs `terminal.events()` in the background and records every event it shows; `handle` (if
 * given) runs for each event before the next is taken, as an application's handler would.
 */
export class Inbox {
  readonly events: Event[] = [];
  readonly done: Promise<void>;
  #waiters: Waiter[] = [];

  constructor(
    readonly terminal: Terminal,
    handle?: (e: Event) => Promise<void> | void,
  ) {
    this.done = (async () => {
      for await (const event of terminal.events()) {
        this.events.push(event);
        this.#waiters = this.#waiters.filter((w) => !(w.match(event) && (w.resolve(event), true)));
        await handle?.(event);
      }
    })();
    // A failing feed fails the test through `done`; don't let it be an unhandled rejection first.
    this.done.catch(() => {});
  }

  /** The first event (already shown or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (e: Event) => boolean, what: string, timeoutMs = 10_000): Promise<Event> {
    const found = this.events.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.#waiters.push(waiter);
      this.done.catch(reject);
    });
  }

  /** Message bodies shown, in the order shown. */
  bodies(sessionId: string): string[] {
    return this.events
      .filter((e) => e.sessionId === sessionId && e.payload.case === "messagePosted")
      .map((e) => (e.payload.case === "messagePosted" ? e.payload.value.body : ""));
  }

  /** How many (session, seq) pairs were shown more than once (exactly-once display: 0). */
  shownTwice(): number {
    const keys = this.events.map((e) => `${e.sessionId}/${e.seq}`);
    return keys.length - new Set(keys).size;
  }
}

/** Waits until `check` holds, polling; rejects with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

/** Of `expected`, how many occur in `bodies` once, more than once, and not at all. */
export function countOnce(
  expected: string[],
  bodies: string[],
): { once: number; twice: number; missing: number } {
  const counts = new Map<string, number>();
  for (const b of bodies) counts.set(b, (counts.get(b) ?? 0) + 1);
  let once = 0;
  let twice = 0;
  let missing = 0;
  for (const b of expected) {
    const n = counts.get(b) ?? 0;
    if (n === 0) missing++;
    else if (n === 1) once++;
    else twice++;
  }
  return { once, twice, missing };
}

/** The PEM files `makeCertificates` writes. */
export interface Certificates {
  /** The CA that signed the server and client certificates. */
  ca: string;
  /** Another CA, which signed nothing here: a client trusting it must refuse the server. */
  otherCa: string;
  /** The server's certificate (subjectAltName IP:127.0.0.1, DNS:localhost) and key. */
  serverCert: string;
  serverKey: string;
  /** A client certificate (CN=gateway-cert) and key, for mutual TLS. */
  clientCert: string;
  clientKey: string;
}

/**
 * Makes a throwaway CA, a server certificate for 127.0.0.1/localhost and a client certificate
 * signed by it, and a second, unrelated CA, in `dir` with the `openssl` CLI (P-256 keys, valid a day).
 */
export async function makeCertificates(dir: string): Promise<Certificates> {
  const openssl = (...args: string[]) => promisify(execFile)("openssl", args, { cwd: dir });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  const selfSignedCa = (name: string) =>
    openssl("req", "-x509", ...ec, "-keyout", `${name}.key`, "-out", `${name}.pem`, "-days", "1", "-subj", `/CN=handoff test ${name}`);
  const leaf = async (name: string, cn: string, extensions: string) => {
    await openssl("req", "-new", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`);
    await writeFile(path.join(dir, `${name}.ext`), extensions);
    await openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
      "-out", `${name}.pem`, "-days", "1", "-extfile", `${name}.ext`);
  };
  await selfSignedCa("ca");
  await selfSignedCa("other-ca");
  await leaf("server", "localhost",
    "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
  await leaf("client", "gateway-cert", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
  const at = (f: string) => path.join(dir, f);
  return {
    ca: at("ca.pem"),
    otherCa: at("other-ca.pem"),
    serverCert: at("server.pem"),
    serverKey: at("server.key"),
    clientCert: at("client.pem"),
    clientKey: at("client.key"),
  };
}
