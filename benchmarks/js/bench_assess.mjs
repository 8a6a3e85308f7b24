// One typical assessment (examples/intakes/gluteus_medius_classic.json) in
// the WebAssembly build under node, through the package's public call
// kb.assessJSON(text, {pretty: false}) (JSON in, JSON out): the median of 15
// blocks of 200 calls after 2,000 untimed ones (also the fastest block and the
// CPU time per call). Beside it, bench_native.py times the native library's
// myoref_assess_json on the same text; compare.mjs runs both in turn.
//   node benchmarks/js/bench_assess.mjs [build-wasm/package] [compact|pretty|object]
// The third argument picks the call: kb.assessJSON(text, {pretty: false})
// (compact, the default: what the native figure does), kb.assessJSON(text)
// (pretty) or kb.assess(text) (the object, by JSON.parse).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const pkg = path.resolve(process.argv[2] ?? "build-wasm/package");
const lib = await import(pathToFileURL(path.join(pkg, "myoref.js")).href);
await lib.init();
const kb = lib.KnowledgeBase.builtin();
const text = fs.readFileSync("examples/intakes/gluteus_medius_classic.json", "utf8");
const mode = process.argv[3] ?? "compact";
const calls = { compact: () => kb.assessJSON(text, { pretty: false }), pretty: () => kb.assessJSON(text),
                object: () => kb.assess(text) };
const once = calls[mode];
if (!once)
  throw new Error(`unknown call ${mode}: compact, pretty or object`);
// Untimed first: V8 compiles the module with its baseline compiler and tiers
// hot functions up to optimised code in the background; after 200 calls that
// was still going on (the process's CPU time was 3x the calls' own).
for (let i = 0; i < 2000; ++i)
  once();
const blocks = [];
const cpu0 = process.cpuUsage();
for (let b = 0; b < 15; ++b) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < 200; ++i)
    once();
  blocks.push(Number(process.hrtime.bigint() - t) / 200 / 1000);
}
const cpu = process.cpuUsage(cpu0);
blocks.sort((a, b) => a - b);
// The median block's wall time; the fastest block's (the least disturbed by
// other work on a shared machine); the process's CPU time per call.
const what = { compact: "kb.assessJSON", pretty: "kb.assessJSON (pretty)", object: "kb.assess" }[mode];
console.log(`wasm (node ${process.versions.node}): ${what} typical: ${blocks[7].toFixed(2)} us ` +
            `(median of 15 x 200); fastest block ${blocks[0].toFixed(2)} us; ` +
            `CPU ${((cpu.user + cpu.system) / 3000).toFixed(2)} us`);
kb.delete();
