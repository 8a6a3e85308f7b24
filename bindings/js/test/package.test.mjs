// The JavaScript package over the WebAssembly build, under node's test runner:
//   MYOREF_JS_PACKAGE=build-wasm/package MYOREF_CLI=build/examples/myoref \
//   node --test bindings/js/test/
// (ctest runs it as myoref_js_node). Checks that every example intake assesses
// to the same bytes as the native command, a plan journey, every error kind a
// caller can cause, and that 100,000 calls leave the module's heap as it was.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

import { lib, rejects, root, runNative as native } from "./support.mjs";
const { KnowledgeBase, Plan, MyorefError, stringify, heapInUse } = lib;
const kb = KnowledgeBase.builtin();

const intakeDir = path.join(root, "examples/intakes");
const intakes = fs.readdirSync(intakeDir).filter((f) => f.endsWith(".json")).sort();

test("there are example intakes to compare", () => {
  assert.ok(intakes.length >= 10, `${intakes.length} intakes`);
});

for (const name of intakes) {
  test(`assessment of ${name} is the native command's bytes`, () => {
    const file = path.join(intakeDir, name);
    const expected = native("assess", "--format", "json", file).stdout;
    assert.ok(expected.startsWith("{"), `the command wrote: ${expected.slice(0, 200)}`);
    const text = fs.readFileSync(file, "utf8");
    assert.equal(kb.assessJSON(text), expected);
    const a = kb.assess(JSON.parse(text));
    assert.equal(stringify(a), expected);
    assert.equal(a.schema, "myoref.assessment/1");
  });
}

test("stringify writes numbers as std::to_chars does", () => {
  assert.equal(stringify([0.6, 12.5, 200, 1e-5, 0.0001, 0.001, 1e21, 123456789, -0.25]),
               "[0.6, 12.5, 200, 1e-05, 1e-04, 0.001, 1e+21, 123456789, -0.25]\n");
});

test("plan options of layout 2 reach the plan", () => {
  const file = path.join(intakeDir, "gluteus_medius_classic.json");
  const plan = Plan.start(kb, kb.assess(fs.readFileSync(file, "utf8")),
                          { maxCandidates: 1, maxExercisesPerStep: 1, noImprovementWeeks: 4 });
  const doc = JSON.parse(plan.toJSON());
  assert.equal(doc.format_version, 3);
  assert.equal(doc.candidates.length, 1);
  assert.equal(doc.options.max_exercises_per_step, 1);
  assert.equal(doc.options.no_improvement_weeks, 4);
});

test("a plan journey: start, next, log, store, read back", () => {
  const file = path.join(intakeDir, "gluteus_medius_classic.json");
  const a = kb.assess(fs.readFileSync(file, "utf8"));
  const plan = Plan.start(kb, a);
  // The same plan document as the native command's.
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), "myoref-js-"));
  fs.writeFileSync(path.join(tmp, "a.json"), stringify(a));
  const r = native("plan", "start", path.join(tmp, "a.json"), "--out", path.join(tmp, "p.json"));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(plan.toJSON(), fs.readFileSync(path.join(tmp, "p.json"), "utf8"));

  const first = plan.next();
  assert.equal(first.status, "active");
  assert.equal(first.target, a.candidates[0].key);
  assert.deepEqual(first.steps.map((s) => s.step), ["release", "stretch", "strengthen"]);
  assert.ok(first.steps[0].exercises.length > 0);

  const empty = plan.renderPainOverTime();
  assert.match(empty, /^<svg[^>]* role="img"/);
  assert.match(empty, /No session logged yet/);
  const decision = plan.log({ date: "2026-11-24", target: first.target,
                              steps: ["release", "stretch", "strengthen"],
                              pain_before: 6, pain_after: 5, red_flags: [] });
  assert.equal(typeof decision.outcome, "string");
  assert.equal(plan.document.sessions.length, 1);
  const picture = plan.renderPainOverTime({ width: 500, idPrefix: "pot" });
  assert.notEqual(picture, empty);
  assert.match(picture, /Session 1 on 2026-11-24/);
  assert.match(picture, / width="500"/);
  rejects(() => plan.renderPainOverTime({ overlayColour: "blue" }), "invalid_argument");

  // Stored and read back (the app keeps it in localStorage).
  const again = Plan.fromJSON(kb, plan.toJSON());
  assert.deepEqual(again.next(), plan.next());
  // Edited by hand: refused.
  const edited = plan.toJSON().replace('"pain_after": 5', '"pain_after": 1');
  assert.notEqual(edited, plan.toJSON());
  rejects(() => Plan.fromJSON(kb, edited), "integrity");
  // A failed log leaves the plan as it was.
  const before = plan.toJSON();
  rejects(() => plan.log({ date: "2026-11-01", target: first.target, steps: ["release"],
                           pain_before: 6, pain_after: 5, red_flags: [] }), "invalid_input");
  assert.equal(plan.toJSON(), before);
  fs.rmSync(tmp, { recursive: true });
});

test("every error kind a caller can cause is a MyorefError with its code", () => {
  const planData = path.join(root, "tests/data/plan");
  const read = (f) => fs.readFileSync(path.join(planData, f), "utf8");
  rejects(() => kb.assess("{\"pain\": [}"), "parse");
  const bad = rejects(() => kb.assess({ pain: [{ region: "buttok_upper", side: "left", intensity: 12 }] }),
                      "invalid_input");
  assert.deepEqual(bad.problems.map((p) => p.path), ["/pain/0/region", "/pain/0/intensity"]);
  assert.match(bad.problems[0].message, /did you mean "buttock_upper"/);
  rejects(() => kb.assess({ pain: Array.from({ length: 300 }, () => ({ region: "sacrum", intensity: 3 })) }),
          "limit_exceeded");
  rejects(() => Plan.start(kb, kb.assessJSON(read("intake-emergency.json"))), "safety_refusal");
  rejects(() => Plan.fromJSON(kb, read("plan-other-kb.json")), "kb_mismatch");
  rejects(() => Plan.fromJSON(kb, read("plan-edited.json")), "integrity");
  rejects(() => Plan.fromJSON(kb, read("plan-future-version.json")), "unsupported_version");
  rejects(() => kb.renderMuscle("gluteus_maximum:left"), "not_found");
  rejects(() => kb.renderMuscle("gluteus_medius:left", { essentialColour: "red" }), "invalid_argument");
  // intake-glute.json leaves its emergency questions unanswered: no plan, whatever the options.
  rejects(() => Plan.start(kb, kb.assess(read("intake-glute.json"))), "safety_refusal");
  const answered = fs.readFileSync(path.join(intakeDir, "gluteus_medius_classic.json"), "utf8");
  rejects(() => Plan.start(kb, kb.assess(answered), { releaseTrials: 0 }), "invalid_argument");
  rejects(() => Plan.start(kb, kb.assess(answered), { maxCandidates: 0 }), "invalid_argument");
  rejects(() => KnowledgeBase.fromJSON("{\"format\": 1}"), "invalid_input");
  // A deleted knowledge base is refused rather than used.
  const other = KnowledgeBase.builtin();
  other.delete();
  rejects(() => other.assess(read("intake-glute.json")), "invalid_argument");
  assert.throws(() => kb.assess(42), TypeError);
});

test("with a Spanish knowledge base, the problems a person caused are in Spanish", () => {
  const es = kb.localized("es");
  try {
    assert.equal(es.locale, "es");
    const intake = { pain: [{ region: "buttok_upper", side: "left", intensity: 12 }] };
    const english = rejects(() => kb.assess(intake), "invalid_input");
    const spanish = rejects(() => es.assess(intake), "invalid_input");
    // The code and the paths never change with the language; the words do.
    assert.deepEqual(spanish.problems.map((p) => p.path), english.problems.map((p) => p.path));
    assert.match(spanish.message, /el cuestionario no es válido: 2 problemas/);
    assert.match(spanish.problems[0].message, /^zona desconocida "buttok_upper" \(¿quería decir "buttock_upper"\?\)$/);
    assert.match(spanish.problems[1].message, /^12 está fuera de rango: se esperaba un número entero de 0 a 10/);
  } finally {
    es.delete();
  }
});

test("pictures are SVG text from the core", () => {
  const intake = JSON.parse(fs.readFileSync(path.join(intakeDir, "gluteus_medius_classic.json"), "utf8"));
  const svg = kb.renderOverlay(intake, "gluteus_medius:left", { idPrefix: "t" });
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(kb.renderIntake(intake), /<svg/);
  assert.match(kb.reportHTML(kb.assess(intake)), /<!DOCTYPE html>/i);
});

test("the chart to draw on: every region key an element, named by the person's side", () => {
  const blank = kb.renderChart();
  assert.equal(kb.renderChart([]), blank);
  assert.match(blank, /^<svg[^>]* role="group"/);
  const keys = new Set([...blank.matchAll(/data-region-key="([^"]+)"/g)].map((m) => m[1]));
  // Every key the person can mark: a coarse region (one with parts) is drawn as its parts.
  const coarse = new Set(JSON.parse(kb.toJSON()).regions.filter((r) => r.parts).map((r) => r.id));
  assert.ok(coarse.has("shoulder"));
  assert.deepEqual([...keys].sort(), kb.regionKeys().filter((k) => !coarse.has(k.split(":")[0])).sort());
  assert.equal([...blank.matchAll(/tabindex="0"/g)].length, 1);
  assert.match(blank, /data-region-key="buttock_upper:left"[^>]* role="button"[^>]* aria-pressed="false"[^>]* aria-label="left upper buttock, the person&#39;s left"/);
  const filled = kb.renderChart([{ region: "buttock_upper", side: "left", intensity: 6 }], { width: 400 });
  assert.match(filled, /data-region-key="buttock_upper:left"[^>]* data-intensity="6"[^>]* aria-pressed="true"/);
  const e = rejects(() => kb.renderChart([{ region: "calf", side: "left", intensity: 11 }]), "invalid_input");
  assert.equal(e.path, "/pain/0/intensity");
  rejects(() => kb.renderChart("[{"), "parse");
});

test("100,000 calls leave the module's heap as it was", () => {
  // Cheap calls 100,000 times (reading and checking an intake, failing on a
  // bad one, a CHOIR map in and out), the costly ones 400 times each: every
  // path through the C API that allocates, on success and on error: the
  // assessment, pictures, the plan (start, read back, next, log, pain over
  // time), FHIR out and back, knowledge base open and delete.
  const text = fs.readFileSync(path.join(intakeDir, "gluteus_medius_classic.json"), "utf8");
  const bad = "{\"pain\": [{\"region\": \"nowhere\", \"intensity\": 3}]}";
  const planText = Plan.start(kb, kb.assess(text)).toJSON();
  const bundle = kb.fhirBundleJSON(kb.assessJSON(text));
  const session = { date: "2026-11-24", target: kb.assess(text).candidates[0].key,
                    steps: ["release", "stretch", "strengthen"], pain_before: 6, pain_after: 5,
                    red_flags: [] };
  const fails = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof MyorefError, String(e));
      return e;
    }
    assert.fail("expected a MyorefError");
  };
  const cheap = (i) => {
    switch (i % 5) {
      case 0: return kb.validateIntake(text);
      case 1: return fails(() => kb.assess(bad));
      case 2: return kb.importChoir("128,117,107", { sex: "female" });
      case 3: return fails(() => kb.importChoir("128,999", { sex: "male" }));
      default: return kb.choirSegments(text, { sex: "male" });
    }
  };
  const costly = (i) => {
    switch (i % 12) {
      case 0: return kb.assessJSON(text);
      case 1: return kb.renderIntake(text);
      case 2: return Plan.start(kb, kb.assess(text)).toJSON();
      case 3: { const k = KnowledgeBase.builtin(); const id = k.id; k.delete(); return id; }
      case 4: return Plan.fromJSON(kb, planText).next();
      case 5: { const p = Plan.fromJSON(kb, planText); p.log(session); return p.renderPainOverTime(); }
      case 6: return fails(() => Plan.fromJSON(kb, planText).log({ ...session, pain_after: 11 }));
      case 7: return fails(() => Plan.fromJSON(kb, planText.replace('"sessions": []', '"sessions": [1]')));
      case 8: return kb.fhirBundle(kb.assessJSON(text), { patient: "Patient/1", date: "2026-12-01" });
      case 9: { const p = Plan.fromJSON(kb, planText); p.log(session); return kb.fhirBundleJSON(p); }
      case 10: return kb.importFhir(bundle);
      default: return fails(() => kb.importFhir({ resourceType: "Patient" }));
    }
  };
  for (let i = 0; i < 120; ++i) {
    cheap(i);
    costly(i);
  }
  const heap = heapInUse();
  for (let i = 0; i < 100000; ++i)
    cheap(i);
  for (let i = 0; i < 12 * 400; ++i)
    costly(i);
  assert.equal(heapInUse(), heap, "bytes in use after 104,800 calls");
});

test("kb.questions gives the native command's questions for every example intake", () => {
  const dir = path.join(root, "examples/intakes");
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const file = path.join(dir, name);
    const r = native("questions", file, "--format", "json");
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.deepEqual(kb.questions(fs.readFileSync(file, "utf8")), JSON.parse(r.stdout).questions, name);
  }
  const asked = kb.questions({ pain: [{ region: "buttock_upper", side: "left", intensity: 6 }] });
  assert.ok(asked.length > 0);
  assert.ok(asked.every((q) => q.answer === "pending" && q.text && q.why && q.level));
  rejects(() => kb.questions({ pain: [] }), "invalid_input");
});
