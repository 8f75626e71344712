// Parses the Mermaid diagram of each README.md given, with Mermaid's own parser (the npm
// package, under node; jsdom stands in for the browser's DOM). One line per file: its
// diagram type, or the parser's error; exit 1 when any file has no diagram or does not parse.
// NODE_PATH names the folder with mermaid and jsdom (.ci/setup --system installs them).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH || ".", "x.js"));
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(require.resolve("mermaid"));
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

let bad = 0;
for (const file of process.argv.slice(2)) {
  const found = readFileSync(file, "utf8").match(/```mermaid\n([\s\S]*?)```/);
  if (!found) {
    console.log(`${file}: no diagram`);
    bad++;
    continue;
  }
  try {
    const parsed = await mermaid.parse(found[1]);
    console.log(`${file}: ${parsed.diagramType}`);
  } catch (error) {
    console.log(`${file}: ${String(error.message).split("\n").slice(0, 3).join(" | ")}`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
