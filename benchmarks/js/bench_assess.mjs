// One typical assessment (examples/intakes/gluteus_medius_classic.json) in
// the WebAssembly build under node, through the package's public call
// kb.assessJSON(text, {pretty: false}) (JSON in, JSON out): the median of 15
// blocks of 200 calls after 200 untimed ones. Beside it, bench_native.py times
// the native library's myoref_assess_json on the same text.
//   node benchmarks/js/bench_assess.mjs [build-wasm/package]
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const pkg = path.resolve(process.argv[2] ?? "build-wasm/package");
const lib = await import(pathToFileURL(path.join(pkg, "myoref.js")).href);
await lib.init();
const kb = lib.KnowledgeBase.builtin();
const text = fs.readFileSync("examples/intakes/gluteus_medius_classic.json", "utf8");
for (let i = 0; i < 200; ++i)
  kb.assessJSON(text, { pretty: false });
const blocks = [];
for (let b = 0; b < 15; ++b) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < 200; ++i)
    kb.assessJSON(text, { pretty: false });
  blocks.push(Number(process.hrtime.bigint() - t) / 200 / 1000);
}
blocks.sort((a, b) => a - b);
console.log(`wasm (node ${process.versions.node}): kb.assessJSON typical: ${blocks[7].toFixed(2)} us (median of 15 x 200)`);
kb.delete();
