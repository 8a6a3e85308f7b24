// FHIR R4 and the CHOIR body map in the JavaScript package, against the
// native command byte for byte (`myoref fhir`, `myoref import fhir`,
// `myoref import choir`, `myoref export choir`), and their errors:
//   MYOREF_JS_PACKAGE=build-wasm/package MYOREF_CLI=build/examples/myoref \
//   node --test bindings/js/test/
// (ctest runs it with package.test.mjs as js_node). The memory check over
// these calls is in package.test.mjs.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, test } from "node:test";

import { lib, rejects, root, runNative } from "./support.mjs";
const { KnowledgeBase, Plan, MyorefError, stringify } = lib;
const kb = KnowledgeBase.builtin();
const tmp = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), "myoref-js-interop-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The native command's standard output; it must succeed. */
function native(...args) {
  const r = runNative(...args);
  assert.equal(r.status, 0, `myoref ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

function file(name, content) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}

const intakeDir = path.join(root, "examples/intakes");
const intakes = fs.readdirSync(intakeDir).filter((f) => f.endsWith(".json")).sort();
const read = (p) => fs.readFileSync(p, "utf8");
const resources = (bundle, kind) =>
  bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === kind);

for (const name of intakes) {
  test(`FHIR of ${name}: the Bundle and the intake back are the native command's bytes`, () => {
    const assessmentText = kb.assessJSON(read(path.join(intakeDir, name)));
    const assessmentFile = file(`a-${name}`, assessmentText);
    const expected = native("fhir", assessmentFile);
    // From the document's text, from the object, and from the object's stringify.
    assert.equal(kb.fhirBundleJSON(assessmentText), expected);
    const a = JSON.parse(assessmentText);
    assert.equal(kb.fhirBundleJSON(a), expected);
    const bundle = kb.fhirBundle(a);
    assert.equal(bundle.resourceType, "Bundle");
    assert.deepEqual(bundle, JSON.parse(expected));

    const bundleFile = file(`b-${name}`, expected);
    const intakeExpected = native("import", "fhir", bundleFile);
    assert.equal(kb.importFhirJSON(expected) + "\n", intakeExpected);
    assert.equal(kb.importFhirJSON(bundle) + "\n", intakeExpected);
    // The round trip: the intake back assesses to the same document.
    const intake = kb.importFhir(bundle);
    assert.deepEqual(intake, a.intake);
    assert.equal(kb.assessJSON(intake), assessmentText);
  });
}

test("FHIR options: a patient reference and a date, as the command's --patient and --date", () => {
  const a = kb.assessJSON(read(path.join(intakeDir, "gluteus_medius_classic.json")));
  const f = file("a-options.json", a);
  const expected = native("fhir", f, "--patient", "Patient/123", "--date", "2026-12-01");
  const text = kb.fhirBundleJSON(a, { patient: "Patient/123", date: "2026-12-01" });
  assert.equal(text, expected);
  const b = JSON.parse(text);
  assert.equal(resources(b, "Patient").length, 0);
  for (const o of resources(b, "Observation")) {
    assert.equal(o.subject.reference, "Patient/123");
    assert.equal(o.effectiveDateTime, "2026-12-01");
  }
  assert.equal(kb.fhirBundleJSON(a, { patient: null, date: null }), native("fhir", f));
  // Anonymous: a Patient of its own in the Bundle.
  assert.equal(resources(kb.fhirBundle(a), "Patient").length, 1);
});

test("FHIR of a plan: the sessions' pain over time, the native command's bytes", () => {
  const a = kb.assess(read(path.join(intakeDir, "gluteus_medius_classic.json")));
  const plan = Plan.start(kb, a);
  for (const [date, before, after_] of [["2026-12-02", 6, 5], ["2026-12-05", 5, 3]]) {
    plan.log({ date, target: plan.target, steps: ["release", "stretch", "strengthen"],
               pain_before: before, pain_after: after_, red_flags: [] });
  }
  const expected = native("fhir", file("plan.json", plan.toJSON()));
  assert.equal(kb.fhirBundleJSON(plan), expected);            // a Plan
  assert.equal(kb.fhirBundleJSON(plan.toJSON()), expected);   // its document's text
  assert.equal(kb.fhirBundleJSON(plan.document), expected);   // its document as an object
  const series = resources(JSON.parse(expected), "Observation")
      .map((o) => [o.effectiveDateTime, o.code.coding[1].code, o.valueInteger]);
  assert.deepEqual(series, [
    ["2026-12-02", "pain-before-session", 6], ["2026-12-02", "pain-after-session", 5],
    ["2026-12-05", "pain-before-session", 5], ["2026-12-05", "pain-after-session", 3]]);
  // A plan's Bundle records no drawing.
  rejects(() => kb.importFhir(expected), "invalid_input");
});

test("FHIR errors: each kind with its code and path", () => {
  const planData = path.join(root, "tests/data/plan");
  const a = kb.assess(read(path.join(intakeDir, "gluteus_medius_classic.json")));
  rejects(() => kb.fhirBundleJSON("{\"schema\": "), "parse");
  rejects(() => kb.fhirBundle(a, { date: "1 December" }), "invalid_argument");
  rejects(() => kb.fhirBundleJSON(read(path.join(planData, "plan-edited.json"))), "integrity");
  rejects(() => kb.fhirBundleJSON(read(path.join(planData, "plan-other-kb.json"))), "kb_mismatch");
  rejects(() => kb.fhirBundleJSON(read(path.join(planData, "plan-future-version.json"))),
          "unsupported_version");
  assert.throws(() => kb.fhirBundle(42), TypeError);

  let e = rejects(() => kb.importFhir({ resourceType: "Patient" }), "invalid_input");
  assert.equal(e.path, "/resourceType");
  rejects(() => kb.importFhirJSON("[{"), "parse");
  e = rejects(() => kb.importFhir(read(path.join(root, "tests/data/fhir/invalid-bundle.json"))),
              "invalid_input");
  assert.ok(e.path.startsWith("/entry/"), e.path);
  // An answer to a question the knowledge base does not ask.
  const b = kb.fhirBundle(a);
  const i = b.entry.findIndex((x) => x.resource.resourceType === "QuestionnaireResponse");
  b.entry[i].resource.item[0].item[0].linkId = "finding.no_such_thing";
  e = rejects(() => kb.importFhir(b), "invalid_input");
  assert.match(e.problems[0].message, /no_such_thing/);
  assert.ok(e.path.startsWith(`/entry/${i}/resource/item/`), e.path);
});

// Every CHOIR segment of both numberings: 101-136 on the front, 201-238 on the back.
const segments = [...Array.from({ length: 36 }, (_, i) => 101 + i),
                  ...Array.from({ length: 38 }, (_, i) => 201 + i)];

for (const sex of ["female", "male"]) {
  test(`CHOIR import, ${sex} numbering: every segment is the native command's intake`, () => {
    assert.equal(segments.length, 74);
    for (const s of segments) {
      const expected = native("import", "choir", String(s), "--sex", sex);
      assert.equal(kb.importChoirJSON(String(s), { sex }) + "\n", expected, `segment ${s}`);
      const intake = kb.importChoir([s], { sex });
      assert.deepEqual(intake, JSON.parse(expected), `segment ${s}`);
      assert.ok(intake.pain.length > 0, `segment ${s}`);
      // And back: the reverse names the segment among those its regions fall in.
      const back = kb.choirSegments(intake, { sex });
      assert.ok(back.length > 0 && back.every(Number.isInteger), `segment ${s}: ${back}`);
      assert.deepEqual(back, [...back].sort((x, y) => x - y));
    }
  });
}

test("CHOIR import: several segments, an intensity, sex spelt as in Python", () => {
  for (const [list, sex, n] of [["128,117,107", "female", 5], ["128, 117, 107", "male", 8],
                                ["218,219,222,225", "female", 1], ["101", "male", 10]]) {
    const expected = native("import", "choir", list, "--sex", sex, "--intensity", String(n));
    assert.equal(kb.importChoirJSON(list, { sex, intensity: n }) + "\n", expected, list);
  }
  const female = kb.importChoirJSON("128,117,107", { sex: "female" });
  assert.equal(kb.importChoirJSON([128, 117, 107], { sex: "F" }), female);
  assert.equal(kb.importChoirJSON("128,117,107", { sex: "Female", intensity: 5 }), female);
  assert.notEqual(kb.importChoirJSON("128,117,107", { sex: "m" }), female);  // 112-117 differ
  // The intake assesses.
  assert.equal(kb.assess(kb.importChoir("218,219,222,225", { sex: "female" })).schema,
               "myoref.assessment/1");
});

test("CHOIR export: the segments a drawing falls in, as `myoref export choir` writes them", () => {
  for (const name of intakes) {
    const f = path.join(intakeDir, name);
    for (const sex of ["female", "male"]) {
      const expected = native("export", "choir", f, "--sex", sex);
      const got = kb.choirSegments(read(f), { sex });
      assert.equal(got.join(",") + "\n", expected, `${name} ${sex}`);
      assert.deepEqual(kb.choirSegments(JSON.parse(read(f)), { sex }), got);
    }
  }
  // An assessment document gives its drawing's segments too.
  const text = read(path.join(intakeDir, "gluteus_medius_classic.json"));
  assert.deepEqual(kb.choirSegments(kb.assess(text), { sex: "female" }),
                   kb.choirSegments(text, { sex: "female" }));
});

test("CHOIR errors: each kind with its code and path", () => {
  let e = rejects(() => kb.importChoir("128,999,107", { sex: "female" }), "invalid_input");
  assert.equal(e.path, "/1");
  e = rejects(() => kb.importChoir("128,117,128", { sex: "female" }), "invalid_input");
  assert.equal(e.path, "/2");
  rejects(() => kb.importChoir("", { sex: "female" }), "invalid_input");
  rejects(() => kb.importChoir("128", { sex: "other" }), "invalid_argument");
  rejects(() => kb.importChoir("128", {}), "invalid_argument");
  rejects(() => kb.importChoir("128", { sex: "male", intensity: 11 }), "invalid_argument");
  rejects(() => kb.importChoir("128", { sex: "male", intensity: 0 }), "invalid_argument");
  assert.throws(() => kb.importChoir("128", { sex: "male", intensity: 5.5 }), TypeError);
  assert.throws(() => kb.importChoir(128, { sex: "male" }), TypeError);
  rejects(() => kb.choirSegments("{\"pain\": [", { sex: "female" }), "parse");
  e = rejects(() => kb.choirSegments({ pain: [{ region: "nowhere", intensity: 3 }] }, { sex: "female" }),
              "invalid_input");
  assert.equal(e.path, "/pain/0/region");
  rejects(() => kb.choirSegments({ pain: [{ region: "sacrum", intensity: 3 }] }, { sex: "x" }),
          "invalid_argument");
});

test("a plan's Bundle and a Plan object serialise as the library writes them", () => {
  // stringify(plan.document) is the document's bytes, so an object given for a plan works.
  const plan = Plan.start(kb, kb.assess(read(path.join(intakeDir, "gluteus_medius_classic.json"))));
  assert.equal(stringify(plan.document), plan.toJSON());
});
