// myoref for JavaScript: the WebAssembly build of the library behind a small
// API that mirrors the Python one (docs/javascript.md).
//
// Every call goes through the C API with JSON text in and out, so no C++
// exception can reach JavaScript: a failure comes back as a status code and
// the thread's last-error record, which this module throws as a MyorefError.
// Only a KnowledgeBase holds memory inside the module (its handle): free it
// with kb.delete() (a FinalizationRegistry frees one that is dropped without
// it, as a safety net). Assessments, plans and pictures are plain JavaScript
// values: nothing to free.
import createMyorefModule from "./myoref_core.mjs";

let M = null;
let loading = null;

/** Loads the WebAssembly module once; every other call needs it loaded. */
export async function init(options = {}) {
  if (M)
    return M;
  if (!loading) {
    loading = (async () => {
      let wasmBinary = options.wasmBinary;
      if (!wasmBinary) {
        const url = new URL("./myoref_core.wasm", import.meta.url);
        if (typeof process !== "undefined" && process.versions && process.versions.node &&
            url.protocol === "file:") {
          const fs = await import("node:fs/promises");
          wasmBinary = await fs.readFile(url);
        } else {
          const response = await fetch(url);
          if (!response.ok)
            throw new Error(`myoref: could not load ${url}: ${response.status}`);
          wasmBinary = await response.arrayBuffer();
        }
      }
      M = await createMyorefModule({wasmBinary});
      return M;
    })();
  }
  return loading;
}
export default init;

function module() {
  if (!M)
    throw new Error("myoref: call `await init()` first");
  return M;
}

// The library's strings are UTF-8 (the C API promises it); the platform's
// codecs convert them far faster than emscripten's per-character helpers.
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8");

/** An error from the library: `code` is its stable name ("invalid_input",
 * "parse", "safety_refusal", ...), `status` the C status number, `problems`
 * every problem found, each {path, message} with a JSON pointer. */
export class MyorefError extends Error {
  constructor(code, status, message, problems) {
    super(message);
    this.name = "MyorefError";
    this.code = code;
    this.status = status;
    this.problems = problems;
    this.path = problems.length ? problems[0].path : "";
  }
}

function lastError(status) {
  const m = module();
  const rec = m._myoref_last_error();
  const message = m.UTF8ToString(m.getValue(rec + 4, "i32"));
  const path = m.UTF8ToString(m.getValue(rec + 8, "i32"));
  const count = m.getValue(rec + 12, "i32") >>> 0;
  const problems = [];
  for (let i = 0; i < count; ++i) {
    problems.push({
      path: m.UTF8ToString(m._myoref_last_error_diagnostic_path(i)),
      message: m.UTF8ToString(m._myoref_last_error_diagnostic_message(i)),
    });
  }
  if (problems.length === 0 && path !== "")
    problems.push({path, message});
  const code = m.UTF8ToString(m._myoref_status_name(status));
  return new MyorefError(code, status, message, problems);
}

// Memory for one call: C strings and out-pointers, all freed when it ends.
class Frame {
  constructor() {
    this.m = module();
    this.blocks = [];
  }
  alloc(bytes) {
    const p = this.m._malloc(bytes);
    if (!p)
      throw new MyorefError("out_of_memory", -10, "out of memory", []);
    this.blocks.push(p);
    return p;
  }
  /** A NUL-terminated UTF-8 copy of `text`: [pointer, byte length]. The
   * platform's TextEncoder, not a loop in JavaScript: documents are long.
   * Written straight into the module's memory (encodeInto) when the room for
   * the longest encoding is small; a long text is encoded first, to allocate
   * only what it needs. */
  string(text) {
    if (text.length <= 65536) {
      const room = 3 * text.length + 1;  // UTF-8 takes at most 3 bytes per UTF-16 unit
      const p = this.alloc(room);
      const heap = this.m.HEAPU8;  // read after alloc: memory may have grown
      const {written} = utf8Encoder.encodeInto(text, heap.subarray(p, p + room - 1));
      heap[p + written] = 0;
      return [p, written];
    }
    const bytes = utf8Encoder.encode(text);
    const p = this.alloc(bytes.length + 1);
    const heap = this.m.HEAPU8;
    heap.set(bytes, p);
    heap[p + bytes.length] = 0;
    return [p, bytes.length];
  }
  out() {
    const p = this.alloc(4);
    this.m.setValue(p, 0, "i32");
    return p;
  }
  /** The library's string behind an out-pointer, freed with myoref_string_free. */
  take(out) {
    const s = this.m.getValue(out, "i32");
    if (!s)
      return null;
    // Its length from the module (a word-at-a-time scan): Uint8Array.indexOf
    // or a loop in JavaScript took a quarter of an assessment's time.
    const n = this.m._myoref_wasm_strlen(s) >>> 0;
    const text = utf8Decoder.decode(this.m.HEAPU8.subarray(s, s + n));
    this.m._myoref_string_free(s);
    return text;
  }
  check(status) {
    if (status !== 0)
      throw lastError(status);
  }
  free() {
    for (const p of this.blocks)
      this.m._free(p);
    this.blocks = [];
  }
}

function call(fn) {
  const f = new Frame();
  try {
    return fn(f);
  } finally {
    f.free();
  }
}

function text(value, what) {
  if (typeof value === "string")
    return value;
  if (value !== null && typeof value === "object")
    return JSON.stringify(value);
  throw new TypeError(`myoref: ${what} must be an object or JSON text`);
}

// An assessment (object or text), a Plan or a plan document (object or
// text): the document's text, as the library wrote it.
function documentText(document) {
  if (document instanceof Plan)
    return document.toJSON();
  if (typeof document === "string")
    return document;
  if (document !== null && typeof document === "object")
    return stringify(document);
  throw new TypeError("myoref: the document must be an assessment, a plan or their JSON text");
}

// "128,117" or [128, 117]: the segments' text for the C API.
function segmentsText(segments) {
  if (typeof segments === "string")
    return segments;
  if (Array.isArray(segments))
    return segments.map((s) => String(s)).join(",");
  throw new TypeError("myoref: the CHOIR segments are a string (\"128,117\") or an array of numbers");
}

// "female" / "male" ("Female", "F" and "m" too, as in Python); anything else
// is left for the library to refuse (invalid_argument).
function choirSex(sex) {
  const s = String(sex ?? "").trim().toLowerCase();
  return {f: "female", m: "male"}[s] ?? s;
}

const renderDefaults = {width: 0, legend: true, heading: true, idPrefix: null,
                        essentialColour: null, overlayColour: null, triggerPointColour: null};

// A myoref_render_options (wasm32: 4 ints, 4 pointers).
function renderOptions(f, options = {}) {
  const o = {...renderDefaults, ...options};
  const m = f.m;
  const p = f.alloc(32);
  f.check(m._myoref_render_options_init(p, 1));
  m.setValue(p + 4, o.width | 0, "i32");
  m.setValue(p + 8, o.legend ? 1 : 0, "i32");
  m.setValue(p + 12, o.heading ? 1 : 0, "i32");
  const strings = [o.idPrefix, o.essentialColour, o.overlayColour, o.triggerPointColour];
  strings.forEach((s, i) => {
    if (s !== null && s !== undefined)
      m.setValue(p + 16 + 4 * i, f.string(String(s))[0], "i32");
  });
  return p;
}

const registry = typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry((handle) => { if (M) M._myoref_kb_free(handle); })
    : null;

/** A validated, immutable knowledge base. */
export class KnowledgeBase {
  constructor(handle) {
    this._handle = handle;
    this._token = {};
    if (registry)
      registry.register(this, handle, this._token);
  }

  /** The knowledge base built into the library. */
  static builtin() {
    return call((f) => {
      const out = f.out();
      f.check(f.m._myoref_kb_open_default(out));
      return new KnowledgeBase(f.m.getValue(out, "i32"));
    });
  }

  /** Loads and validates a knowledge base from its JSON text. */
  static fromJSON(json) {
    return call((f) => {
      const out = f.out();
      const [p, n] = f.string(text(json, "a knowledge base"));
      f.check(f.m._myoref_kb_open_json(out, p, n));
      return new KnowledgeBase(f.m.getValue(out, "i32"));
    });
  }

  get handle() {
    if (!this._handle)
      throw new MyorefError("invalid_argument", -1, "this knowledge base has been deleted", []);
    return this._handle;
  }

  /** Frees the knowledge base's memory in the module; the object is unusable after. */
  delete() {
    if (this._handle) {
      if (registry)
        registry.unregister(this._token);
      module()._myoref_kb_free(this._handle);
      this._handle = 0;
    }
  }

  get id() { return module().UTF8ToString(module()._myoref_kb_id(this.handle)); }
  get version() { return module().UTF8ToString(module()._myoref_kb_version(this.handle)); }
  get title() { return module().UTF8ToString(module()._myoref_kb_title(this.handle)); }
  get hash() { return module().UTF8ToString(module()._myoref_kb_hash(this.handle)); }
  /** The language of its words: "en" as loaded (docs/languages.md). */
  get locale() { return module().UTF8ToString(module()._myoref_kb_locale(this.handle)); }

  /**
   * The same knowledge base in `locale` ("es", "es-MX"), with a host's locale
   * pack (a JSON object of key -> text, or its text) over the built-in words
   * when given. Same hash: assessments and plans made with either are valid
   * with the other. A new object: delete() it when done.
   */
  localized(locale, pack) {
    return call((f) => {
      const out = f.out();
      const [l] = f.string(text(locale, "a language tag"));
      let p = 0;
      let n = 0;
      if (pack !== undefined && pack !== null)
        [p, n] = f.string(text(pack, "a locale pack"));
      f.check(f.m._myoref_kb_localized(out, this.handle, l, p, n));
      return new KnowledgeBase(f.m.getValue(out, "i32"));
    });
  }

  /** Every region key ("buttock_upper:left", "sacrum"), in knowledge-base order. */
  regionKeys() {
    const m = module();
    const n = m._myoref_kb_region_key_count(this.handle) >>> 0;
    const keys = [];
    for (let i = 0; i < n; ++i)
      keys.push(m.UTF8ToString(m._myoref_kb_region_key(this.handle, i)));
    return keys;
  }

  /** The whole knowledge base as canonical JSON text. */
  toJSON() {
    return call((f) => {
      const out = f.out();
      f.check(f.m._myoref_kb_to_json(out, this.handle));
      return f.take(out);
    });
  }

  /** The assessment document's text, exactly as `myoref assess --format json`
   * writes it (pretty: true, the default) or compact. */
  assessJSON(intake, {pretty = true} = {}) {
    return call((f) => {
      const [p, n] = f.string(text(intake, "an intake"));
      const m = f.m;
      if (!pretty) {  // JSON in, JSON out in one call: no handles
        const out = f.out();
        f.check(m._myoref_assess_json(out, this.handle, p, n));
        return f.take(out);
      }
      const intakeOut = f.out();
      f.check(m._myoref_intake_from_json(intakeOut, this.handle, p, n));
      const handle = m.getValue(intakeOut, "i32");
      try {
        const assessmentOut = f.out();
        f.check(m._myoref_assess(assessmentOut, handle));
        const a = m.getValue(assessmentOut, "i32");
        try {
          const out = f.out();
          f.check(m._myoref_assessment_to_json(out, a, pretty ? 1 : 0));
          return f.take(out);
        } finally {
          m._myoref_assessment_free(a);
        }
      } finally {
        m._myoref_intake_free(handle);
      }
    });
  }

  /** Triage and ranked candidates: the assessment document as an object
   * (contracts.md "Assessment"); stringify(it) gives the document's bytes. */
  assess(intake) {
    return JSON.parse(this.assessJSON(intake, {pretty: false}));
  }

  /** The red-flag questions to ask for an intake, most serious first: those
   * its drawing, age, sex and onset call for and that it has not answered
   * ([{id, level, text, why, answer}], as Python's kb.questions). */
  questions(intake) {
    return call((f) => {
      const [p, n] = f.string(text(intake, "an intake"));
      const out = f.out();
      f.check(f.m._myoref_questions_json(out, this.handle, p, n));
      return JSON.parse(f.take(out)).questions;
    });
  }

  /** The intake as validated, in canonical form (an object). */
  validateIntake(intake) {
    return call((f) => {
      const [p, n] = f.string(text(intake, "an intake"));
      const m = f.m;
      const intakeOut = f.out();
      f.check(m._myoref_intake_from_json(intakeOut, this.handle, p, n));
      const handle = m.getValue(intakeOut, "i32");
      try {
        const out = f.out();
        f.check(m._myoref_intake_to_json(out, handle));
        return JSON.parse(f.take(out));
      } finally {
        m._myoref_intake_free(handle);
      }
    });
  }

  /** A muscle's referral pattern ("gluteus_medius:left"), as SVG text. */
  renderMuscle(candidate, options) {
    return call((f) => {
      const out = f.out();
      const [p, n] = f.string(String(candidate));
      f.check(f.m._myoref_render_muscle_svg(out, this.handle, p, n, renderOptions(f, options)));
      return f.take(out);
    });
  }

  /** The body chart to draw on, as SVG text: every region key a view shows is
   * one element with data-region-key, data-view, role="button", aria-pressed,
   * a roving tabindex and an aria-label naming the person's side. `pain` (an
   * intake's "pain" list, or null for a blank chart) pre-fills it. */
  renderChart(pain = null, options) {
    return call((f) => {
      const out = f.out();
      let p = 0;
      let n = 0;
      if (pain !== null && pain !== undefined && !(Array.isArray(pain) && pain.length === 0))
        [p, n] = f.string(typeof pain === "string" ? pain : JSON.stringify(pain));
      f.check(f.m._myoref_render_chart_svg(out, this.handle, p, n, renderOptions(f, options)));
      return f.take(out);
    });
  }

  /** The pain drawing, each region filled by its intensity, as SVG text. */
  renderIntake(intake, options) {
    return call((f) => {
      const out = f.out();
      const [p, n] = f.string(text(intake, "an intake"));
      f.check(f.m._myoref_render_intake_svg_json(out, this.handle, p, n, renderOptions(f, options)));
      return f.take(out);
    });
  }

  /** The pain drawing with a candidate's referral pattern over it, as SVG text. */
  renderOverlay(intake, candidate, options) {
    return call((f) => {
      const out = f.out();
      const [p, n] = f.string(text(intake, "an intake"));
      const [c, cn] = f.string(String(candidate));
      f.check(f.m._myoref_render_overlay_svg_json(out, this.handle, p, n, c, cn,
                                                   renderOptions(f, options)));
      return f.take(out);
    });
  }

  /** The first `topN` candidates' overlays side by side, as SVG text. */
  renderCandidates(assessment, topN = 3, options) {
    return call((f) => {
      const out = f.out();
      const [p, n] = f.string(typeof assessment === "string" ? assessment : stringify(assessment));
      f.check(f.m._myoref_render_candidates_svg_json(out, this.handle, p, n, topN,
                                                      renderOptions(f, options)));
      return f.take(out);
    });
  }

  /** The FHIR R4 Bundle (text, two-space indented: the bytes of `myoref fhir`)
   * of an assessment or a plan: `document` is an assessment (object or
   * document text), a Plan, or a plan document (text or object). `patient` is a FHIR
   * reference every subject points at ("Patient/123"; none: an anonymous
   * Patient in the Bundle), `date` ("YYYY-MM-DD") dates an assessment's
   * observations and answers. */
  fhirBundleJSON(document, {patient = null, date = null} = {}) {
    return call((f) => {
      const [p, n] = f.string(documentText(document));
      const pat = patient === null || patient === undefined ? 0 : f.string(String(patient))[0];
      const day = date === null || date === undefined ? 0 : f.string(String(date))[0];
      const out = f.out();
      f.check(f.m._myoref_fhir_json(out, this.handle, p, n, pat, day));
      return f.take(out);
    });
  }

  /** The FHIR R4 Bundle of an assessment or a plan, as an object (see fhirBundleJSON). */
  fhirBundle(document, options) {
    return JSON.parse(this.fhirBundleJSON(document, options));
  }

  /** The intake's canonical JSON text recorded in a FHIR Bundle that
   * fhirBundle (or `myoref fhir`) wrote for an assessment (`myoref import
   * fhir` writes it with a final newline). */
  importFhirJSON(bundle) {
    return call((f) => {
      const [p, n] = f.string(text(bundle, "a FHIR Bundle"));
      const out = f.out();
      f.check(f.m._myoref_import_fhir_json(out, this.handle, p, n));
      return f.take(out);
    });
  }

  /** The intake (an object, canonical) recorded in a FHIR Bundle:
   * kb.assess(kb.importFhir(kb.fhirBundle(a))) is the assessment `a` again. */
  importFhir(bundle) {
    return JSON.parse(this.importFhirJSON(bundle));
  }

  /** The intake's canonical JSON text from a CHOIR body map's marked segments
   * ("128,117,107" or [128, 117, 107]) for `sex` "female" or "male" (the map
   * numbers segments 112-117 differently), each region a segment overlaps
   * marked with `intensity` (1..10, default 5) scaled by the overlap. */
  importChoirJSON(segments, {sex, intensity = 5} = {}) {
    if (!Number.isInteger(intensity))
      throw new TypeError("myoref: the intensity must be a whole number");
    return call((f) => {
      const [p] = f.string(segmentsText(segments));
      const [s] = f.string(choirSex(sex));
      const out = f.out();
      f.check(f.m._myoref_import_choir_json(out, this.handle, p, s, intensity));
      return f.take(out);
    });
  }

  /** The intake (an object, canonical) from a CHOIR body map's marked segments
   * (see importChoirJSON). */
  importChoir(segments, options) {
    return JSON.parse(this.importChoirJSON(segments, options));
  }

  /** The CHOIR body map segments (ascending numbers) that a drawing's painful
   * regions fall in, for `sex` "female" or "male": the reverse of importChoir,
   * for a CHOIR registry. `drawing` is an intake or an assessment (object or
   * JSON text). */
  choirSegments(drawing, {sex} = {}) {
    return call((f) => {
      const [p, n] = f.string(typeof drawing === "string" ? drawing : text(drawing, "an intake"));
      const [s] = f.string(choirSex(sex));
      const out = f.out();
      f.check(f.m._myoref_export_choir_json(out, this.handle, p, n, s));
      const list = f.take(out);
      return list ? list.split(",").map(Number) : [];
    });
  }

  /** One self-contained HTML page for an assessment (no script). */
  reportHTML(assessment) {
    return call((f) => {
      const out = f.out();
      const [p, n] = f.string(typeof assessment === "string" ? assessment : stringify(assessment));
      f.check(f.m._myoref_render_report_html_json(out, this.handle, p, n, 0));
      return f.take(out);
    });
  }
}

const planDefaults = {releaseTrials: 3, reliefPoints: 2, reliefPercent: 30, worseningPoints: 2,
                      worseningSessions: 2, maintenanceSessions: 3, appendRelated: true,
                      maxCandidates: 3, maxExercisesPerStep: 2, noImprovementWeeks: 6};

/** A self-care plan: release, stretch, strengthen, one candidate at a time.
 * It is its plan document (text with an integrity check): store toJSON(),
 * read it back with Plan.fromJSON. */
export class Plan {
  constructor(kb, documentText) {
    this.kb = kb;
    this._text = documentText;
    this._doc = JSON.parse(documentText);
  }

  /** Starts a plan from an assessment (object or document text). Refused
   * (code "safety_refusal") at urgent or emergency triage, under 16, and
   * while an emergency-level question is unanswered. */
  static start(kb, assessment, options = {}) {
    const o = {...planDefaults, ...options};
    return call((f) => {
      const m = f.m;
      // myoref_plan_options, layout 2: the version, then ten ints.
      const opts = f.alloc(44);
      f.check(m._myoref_plan_options_init(opts, 2));
      [o.releaseTrials, o.reliefPoints, o.reliefPercent, o.worseningPoints, o.worseningSessions,
       o.maintenanceSessions, o.appendRelated ? 1 : 0, o.maxCandidates, o.maxExercisesPerStep,
       o.noImprovementWeeks].forEach((v, i) => {
        m.setValue(opts + 4 + 4 * i, v | 0, "i32");
      });
      const [p, n] = f.string(typeof assessment === "string" ? assessment : stringify(assessment));
      const out = f.out();
      f.check(m._myoref_plan_start_json(out, kb.handle, p, n, opts));
      return new Plan(kb, f.take(out));
    });
  }

  /** Reads a stored plan document, checking its integrity and knowledge base. */
  static fromJSON(kb, documentText) {
    const t = text(documentText, "a plan document");
    return call((f) => {
      const [p, n] = f.string(t);
      const out = f.out();
      f.check(f.m._myoref_plan_next_json(out, kb.handle, p, n));  // reads and checks it
      f.take(out);  // frees the answer (not wanted here): it was kept, 8.8 KB a call
      return new Plan(kb, t);
    });
  }

  /** What to do in the next session (contracts.md "plan next"), an object. */
  next() {
    return call((f) => {
      const [p, n] = f.string(this._text);
      const out = f.out();
      f.check(f.m._myoref_plan_next_json(out, this.kb.handle, p, n));
      return JSON.parse(f.take(out));
    });
  }

  /** Logs one session ({date, target, steps, pain_before, pain_after, ...})
   * and returns the decision; on any error the plan is as before. */
  log(session) {
    return call((f) => {
      const [p, n] = f.string(this._text);
      const [s, sn] = f.string(text(session, "a session"));
      const planOut = f.out();
      const decisionOut = f.out();
      f.check(f.m._myoref_plan_log_json(planOut, decisionOut, this.kb.handle, p, n, s, sn));
      const updated = f.take(planOut);
      const decision = JSON.parse(f.take(decisionOut));
      this._text = updated;
      this._doc = JSON.parse(updated);
      return decision;
    });
  }

  /** Pain over the sessions as SVG text: pain before (hollow) and after
   * (filled) each session in date order, the baseline, the relief zone by the
   * plan's own rule, where the target changed and where the plan stopped. */
  renderPainOverTime(options) {
    return call((f) => {
      const [p, n] = f.string(this._text);
      const out = f.out();
      f.check(f.m._myoref_render_pain_over_time_svg_json(out, this.kb.handle, p, n,
                                                          renderOptions(f, options)));
      return f.take(out);
    });
  }

  /** The plan document to store (text). */
  toJSON() { return this._text; }
  /** The plan document as an object. */
  get document() { return this._doc; }
  get status() { return this.next().status; }
  get target() { return this.next().target ?? null; }
}

// The library's pretty JSON, byte for byte: two-space indentation, arrays of
// scalars on one line except a "basis" (sentences, one per line), numbers as std::to_chars writes them (the shorter of
// plain and scientific notation, plain on a tie: "0.6", "1e-05").
function numberText(x) {
  if (!Number.isFinite(x))
    throw new TypeError("myoref.stringify: not a finite number");
  if (x === 0)
    return "0";
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 63)
    return BigInt(x).toString();
  const sign = x < 0 ? "-" : "";
  const [mantissa, exp] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const e = Number(exp);
  let fixed;
  if (e >= 0) {
    fixed = digits.length <= e + 1 ? digits + "0".repeat(e + 1 - digits.length)
                                   : digits.slice(0, e + 1) + "." + digits.slice(e + 1);
  } else {
    fixed = "0." + "0".repeat(-e - 1) + digits;
  }
  const sci = (digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits) + "e" +
              (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
  return sign + (sci.length < fixed.length ? sci : fixed);
}

function scalar(v) {
  return v === null || typeof v !== "object";
}

function pretty(v, indent, key) {
  const pad = (n) => "  ".repeat(n);
  if (v === null)
    return "null";
  if (typeof v === "number")
    return numberText(v);
  if (typeof v === "string" || typeof v === "boolean")
    return JSON.stringify(v);
  if (Array.isArray(v)) {
    if (v.length === 0)
      return "[]";
    if (key !== "basis" && v.every(scalar))
      return "[" + v.map((e) => pretty(e, indent)).join(", ") + "]";
    return "[\n" + v.map((e) => pad(indent + 1) + pretty(e, indent + 1)).join(",\n") + "\n" +
           pad(indent) + "]";
  }
  const keys = Object.keys(v);
  if (keys.length === 0)
    return "{}";
  return "{\n" +
         keys.map((k) => pad(indent + 1) + JSON.stringify(k) + ": " + pretty(v[k], indent + 1, k))
             .join(",\n") +
         "\n" + pad(indent) + "}";
}

/** A document (an assessment, a plan answer) as the library writes it: the
 * same bytes as `myoref assess --format json` for kb.assess(intake). */
export function stringify(value) {
  return pretty(value, 0) + "\n";
}

/** The library's version ("0.1.0"). */
export function version() {
  return module().UTF8ToString(module()._myoref_version());
}

/** Bytes held by the module's allocator (for leak checks). */
export function heapInUse() {
  return module()._myoref_wasm_heap_in_use() >>> 0;
}
