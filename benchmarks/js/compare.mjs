// The WebAssembly build against the native one on the same machine in the
// same run: bench_assess.mjs (wasm under node) and bench_native.py (the native
// library through ctypes) one after the other, ROUNDS times (default 5), each
// round's ratio of the three figures both print (the median block's wall
// time, the fastest block's, the CPU time per call), then the median of each
// ratio over the rounds and the load average before and after. On a shared,
// loaded machine the fastest block and the CPU time are the steadier figures.
//
//   node benchmarks/js/compare.mjs build-wasm/package build/bindings/c/libmyoref.so [ROUNDS]
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = process.argv[2] ?? "build-wasm/package";
const so = process.argv[3] ?? "build/bindings/c/libmyoref.so";
const rounds = Number(process.argv[4] ?? 5);

function figures(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")}: ${r.stderr}`);
  const m = r.stdout.match(/typical: ([\d.]+) us .*fastest block ([\d.]+) us; CPU ([\d.]+) us/);
  if (!m)
    throw new Error(`unexpected output: ${r.stdout}`);
  return { line: r.stdout.trim(), median: Number(m[1]), fastest: Number(m[2]), cpu: Number(m[3]) };
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`load average before: ${load()} (${os.cpus().length} CPUs)`);
const ratios = { median: [], fastest: [], cpu: [] };
for (let i = 0; i < rounds; ++i) {
  const w = figures(process.execPath, [path.join(here, "bench_assess.mjs"), pkg]);
  const n = figures("/usr/bin/python3", [path.join(here, "bench_native.py"), so]);
  console.log(`round ${i + 1}:\n  ${w.line}\n  ${n.line}`);
  for (const k of Object.keys(ratios))
    ratios[k].push(w[k] / n[k]);
  console.log(`  wasm / native: median ${ratios.median.at(-1).toFixed(2)}x, fastest ${ratios.fastest.at(-1).toFixed(2)}x, CPU ${ratios.cpu.at(-1).toFixed(2)}x`);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`load average after: ${load()}`);
console.log(`wasm / native over ${rounds} rounds (median of the rounds' ratios): ` +
            `median block ${med(ratios.median).toFixed(2)}x, fastest block ${med(ratios.fastest).toFixed(2)}x, ` +
            `CPU time ${med(ratios.cpu).toFixed(2)}x`);
