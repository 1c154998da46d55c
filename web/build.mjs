// Builds the pages into dist/ (committed: the server embeds them), and the example gateway and
// the demo bot into dist/gateway.mjs and dist/bot.mjs (self-contained, for Node >= 20). `node build.mjs` from web/.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "dist");
mkdirSync(out, { recursive: true });
// The generated code lives in clients/typescript: its imports of the protobuf runtime resolve
// from this folder too, so the bundle holds one copy of it.
const oneRuntime = {
  name: "one-runtime",
  setup(b) {
    b.onResolve({ filter: /^@bufbuild\/protobuf(\/|$)/ }, (args) =>
      args.pluginData === "here" ? undefined : b.resolve(args.path, { kind: args.kind, resolveDir: here, pluginData: "here" }),
    );
  },
};
const common = { bundle: true, plugins: [oneRuntime], logLevel: "warning", legalComments: "none", charset: "utf8" };
await build({
  ...common,
  entryPoints: { widget: join(here, "src/widget.ts"), console: join(here, "src/console.ts") },
  outdir: out,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
});
await build({
  ...common,
  entryPoints: { gateway: join(here, "src/gateway.ts"), bot: join(here, "src/bot.ts") },
  outdir: out,
  outExtension: { ".js": ".mjs" },
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
});
for (const f of readdirSync(join(here, "static"))) copyFileSync(join(here, "static", f), join(out, f));
console.log("built web/dist");
