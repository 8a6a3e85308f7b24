// What the JavaScript package's test files share (not a test file itself:
// `node --test` runs *.test.mjs): where the package and the native command
// are, the loaded package, and the checks both files make.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../../..");
export const packageDir = path.resolve(process.env.MYOREF_JS_PACKAGE ?? path.join(root, "build-wasm/package"));
export const cli = path.resolve(process.env.MYOREF_CLI ?? path.join(root, "build/examples/myoref"));
export const lib = await import(pathToFileURL(path.join(packageDir, "myoref.js")).href);
await lib.default();

/** The native command's result (status, stdout, stderr). */
export function runNative(...args) {
  const r = spawnSync(cli, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.error)
    throw r.error;
  return r;
}

/** `fn` throws a MyorefError with this code and well-formed problems; returns it. */
export function rejects(fn, code) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof lib.MyorefError, `expected a MyorefError, got ${e}`);
    assert.equal(e.code, code, e.message);
    assert.ok(Array.isArray(e.problems));
    for (const p of e.problems) {
      assert.equal(typeof p.path, "string");
      assert.equal(typeof p.message, "string");
    }
    return e;
  }
  assert.fail(`expected a MyorefError ${code}`);
}
