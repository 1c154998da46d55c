// Drives the two pages in a real Chromium (playwright-core, no downloaded browsers): a visitor on
// the widget reaches the bot, the bot transfers to the billing group, the agent accepts in the
// console with the context on screen, the bot leaves, visitor and agent chat, the visitor reloads
// mid-conversation and sees every message once. Saves screenshots of both pages.
// Run by tests/browser.rs, which starts the server, the bot and the example gateway:
//   HANDOFF_URL GATEWAY_URL AGENT_TOKEN SCREENSHOTS [CHROMIUM]
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is required`);
  return v;
};
const handoff = env("HANDOFF_URL");
const gateway = env("GATEWAY_URL");
const shots = env("SCREENSHOTS");
const profile = mkdtempSync(join(tmpdir(), "handoff-chromium-"));
const TIMEOUT = 20_000;

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1000, height: 760 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const step = (what) => console.log(`step: ${what}`);
try {
  context.setDefaultTimeout(TIMEOUT);
  const logs = [];
  const watch = (page, who) => {
    page.on("console", (m) => logs.push(`${who} console: ${m.text()}`));
    page.on("pageerror", (e) => logs.push(`${who} error: ${e}`));
  };

  step("the agent signs in");
  const agent = await context.newPage();
  watch(agent, "console");
  await agent.goto(`${handoff}/console.html`);
  await agent.fill("#token", env("AGENT_TOKEN"));
  await agent.click("#sign-in");
  await agent.waitForFunction(() => document.getElementById("me")?.textContent?.length > 8);

  step("the visitor starts a chat and writes to the bot");
  const visitor = await context.newPage();
  watch(visitor, "widget");
  await visitor.goto(`${handoff}/widget.html?gateway=${encodeURIComponent(gateway)}`);
  await visitor.fill("#visitor-name", "Dana");
  await visitor.click("#start");
  await visitor.waitForSelector("#message");
  const say = async (text) => {
    await visitor.fill("#message", text);
    await visitor.click("#send");
    await visitor.locator("#transcript .line.me .text", { hasText: text }).waitFor();
  };
  await say("Hi, I was charged twice this month.");
  await visitor.locator("#transcript .text", { hasText: "billing specialist" }).waitFor();

  step("the agent sees the offer with its whole context");
  const offer = agent.locator(".offer");
  await offer.waitFor();
  for (const text of ["Dana", "billing_dispute", "verified", "Double charge in November", "charged twice", "billing specialist", "HelpBot"]) {
    await offer.getByText(text, { exact: false }).first().waitFor();
  }
  await agent.screenshot({ path: join(shots, "console-offer.png") });
  await offer.locator("[data-action=accept]").click();

  step("the bot leaves; the visitor is told who continues");
  await visitor.locator("#transcript .line.system", { hasText: "Alice (billing) joined" }).waitFor();
  const session = agent.locator(".session").first();
  await session.getByText("you hold the session now").waitFor();

  step("visitor and agent chat");
  const reply = async (text) => {
    await session.locator("[data-role=reply]").fill(text);
    await session.locator("[data-role=reply]").press("Enter");
    await visitor.locator("#transcript .line.them .text", { hasText: text }).waitFor();
  };
  await reply("Hi Dana, Alice from billing here. I have refunded the duplicate charge.");
  await say("Great, thank you!");
  await session.locator(".line.them .text", { hasText: "Great, thank you!" }).waitFor();

  step("the visitor reloads mid-conversation");
  await reply("The refund shows in 3-5 days.");
  await visitor.reload();
  await visitor.locator("#transcript .text", { hasText: "3-5 days" }).waitFor();
  await reply("Anything else I can help with?");
  await say("No, that's all. Bye!");
  await session.locator(".line.them .text", { hasText: "No, that's all." }).waitFor();
  // Let any late duplicate arrive before counting.
  await visitor.waitForTimeout(1500);

  step("every message is shown once, in order");
  const lines = await visitor.$$eval("#transcript .line", (ls) =>
    ls.map((l) => ({ seq: Number(l.getAttribute("data-seq")), text: l.querySelector(".text")?.textContent ?? "" })));
  const expected = [
    "Hi, I was charged twice this month.",
    "Sorry about that! Let me get you to a billing specialist.",
    "Alice (billing) joined",
    "Hi Dana, Alice from billing here. I have refunded the duplicate charge.",
    "Great, thank you!",
    "The refund shows in 3-5 days.",
    "Anything else I can help with?",
    "No, that's all. Bye!",
  ];
  const texts = lines.map((l) => l.text);
  if (JSON.stringify(texts) !== JSON.stringify(expected)) {
    throw new Error(`widget transcript:\n${JSON.stringify(texts, null, 1)}\nexpected:\n${JSON.stringify(expected, null, 1)}`);
  }
  const seqs = lines.map((l) => l.seq);
  if (seqs.some((s, i) => i > 0 && s <= seqs[i - 1])) throw new Error(`not in log order: ${seqs}`);

  step("the agent reads the full history");
  await session.locator("[data-action=history]").click();
  await session.locator(".history li", { hasText: "[holderDisconnected]" }).waitFor();

  await visitor.screenshot({ path: join(shots, "widget.png") });
  await agent.screenshot({ path: join(shots, "console.png") });
  console.log(JSON.stringify({ ok: true, transcript: texts }));
  if (logs.some((l) => l.includes(" error: "))) console.log(logs.join("\n"));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
