// The bot in README.md, run verbatim: the snippet between the readme-bot markers is written to a
// scratch project that depends on this package (built into dist/ by `npm test`'s pretest), started
// with HANDOFF_ADDRESS and BOT_TOKEN, and talked to by a gateway.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { Channel, type Event, Terminal, UnavailableError } from "../src/index.js";
import { Inbox, packageDir, Server, sleep } from "./harness.js";

/** The fenced code block between `<!-- readme-bot:begin -->` and `<!-- readme-bot:end -->`. */
async function readmeBot(): Promise<string> {
  const readme = await readFile(path.join(packageDir, "README.md"), "utf8");
  const m = /<!-- readme-bot:begin -->\s*```ts\n([\s\S]*?)```\s*<!-- readme-bot:end -->/.exec(readme);
  assert(m?.[1], "README.md has a ```ts block between the readme-bot markers");
  return m[1];
}

test(
  "the README's bot runs as printed: it greets a caller and echoes messages",
  { timeout: 30_000 },
  async (t) => {
    assert(existsSync(path.join(packageDir, "dist/index.js")), "dist/ is built (npm run build)");
    const server = await Server.start(["--connect-timeout", "5s"]);
    const project = await mkdtemp(path.join(tmpdir(), "handoff-readme-"));
    const gw = await server.createTerminal("web-gateway", "gateway");
    const b = await server.createTerminal("echo-bot", "bot");
    const gateway = new Terminal({ address: server.address, token: gw.token });
    t.after(async () => {
      gateway.close();
      await server.dispose();
      await rm(project, { recursive: true, force: true });
    });

    // A scratch ESM project where `@handoff/client` resolves to this package, as if installed.
    await mkdir(path.join(project, "node_modules/@handoff"), { recursive: true });
    await symlink(packageDir, path.join(project, "node_modules/@handoff/client"), "dir");
    await writeFile(path.join(project, "package.json"), JSON.stringify({ type: "module" }));
    await writeFile(path.join(project, "bot.ts"), await readmeBot());
    // cwd: the package, whose node_modules has tsx for --import.
    const bot = spawn(process.execPath, ["--import", "tsx", path.join(project, "bot.ts")], {
      cwd: packageDir,
      env: { ...process.env, HANDOFF_ADDRESS: server.address, BOT_TOKEN: b.token },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    bot.stdout.setEncoding("utf8").on("data", (s: string) => (output += s));
    bot.stderr.setEncoding("utf8").on("data", (s: string) => (output += s));
    const exited = new Promise<number | null>((resolve) => bot.on("exit", (code) => resolve(code)));
    t.after(() => bot.kill("SIGKILL"));

    const inbox = new Inbox(gateway);
    // Connect needs the bot attached; until it is, the server answers Unavailable.
    let sessionId = "";
    for (const deadline = Date.now() + 15_000; !sessionId; ) {
      try {
        sessionId = (
          await gateway.connect({
            destinationTerminalId: b.id,
            caller: { id: "visitor-7" },
            channel: Channel.WEB,
          })
        ).id;
      } catch (err) {
        if (!(err instanceof UnavailableError) || Date.now() > deadline) throw new Error(`${err}\n${output}`);
        await sleep(100);
      }
    }
    const from = (author: string, body: string) => (e: Event) =>
      e.sessionId === sessionId &&
      e.authorTerminalId === author &&
      e.payload.case === "messagePosted" &&
      e.payload.value.body === body;
    await inbox.waitFor(from(b.id, "Hi! I echo what you write."), "the bot's greeting");
    await gateway.message(sessionId, "hello there");
    await inbox.waitFor(from(b.id, "You said: hello there"), "the echo");
    await gateway.message(sessionId, "and again");
    await inbox.waitFor(from(b.id, "You said: and again"), "the second echo");

    // SIGTERM closes the Terminal: the loop ends and the process exits on its own.
    bot.kill("SIGTERM");
    assert.equal(await exited, 0, output);
    const bodies = inbox.bodies(sessionId);
    assert.deepEqual(bodies, [
      "Hi! I echo what you write.",
      "hello there",
      "You said: hello there",
      "and again",
      "You said: and again",
    ]);
  },
);
