// Type declarations for the myoref package (written by hand; docs/javascript.md).

/** Loads the WebAssembly module; every other call needs it loaded. In node the
 * .wasm is read from beside this file; in a browser it is fetched from there. */
export function init(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<unknown>;
export default init;

/** The library's version ("0.1.0"). */
export function version(): string;

/** Bytes held by the module's allocator (for leak checks). */
export function heapInUse(): number;

/** A document as the library writes it (two-space indentation, arrays of
 * scalars on one line, numbers as std::to_chars writes them), with a final
 * newline: stringify(kb.assess(intake)) is `myoref assess --format json`. */
export function stringify(value: unknown): string;

export interface Problem {
  /** JSON pointer of the problem in the document given ("/pain/0/region"). */
  path: string;
  message: string;
}

export type ErrorCode =
  | "invalid_argument" | "parse" | "invalid_input" | "limit_exceeded" | "safety_refusal"
  | "kb_mismatch" | "integrity" | "unsupported_version" | "not_found" | "out_of_memory"
  | "internal";

/** Every failure of a library call. */
export class MyorefError extends Error {
  readonly code: ErrorCode | string;
  /** The C API's status number (MYOREF_E*). */
  readonly status: number;
  readonly problems: Problem[];
  /** The first problem's path ("" when none). */
  readonly path: string;
}

export type Side = "left" | "right";
export type TriageLevel = "self_care" | "see_clinician" | "urgent" | "emergency";

export interface PainMark {
  region: string;
  side?: Side;
  intensity: number;
}

/** An intake (contracts.md "Intake"). */
export interface Intake {
  schema?: string;
  pain: PainMark[];
  findings?: { confirmed?: string[]; denied?: string[] };
  red_flags?: string[];
  age?: number;
  duration_days?: number;
  onset?: "sudden" | "gradual";
  [field: string]: unknown;
}

/** A red-flag question to ask (kb.questions). */
export interface Question {
  id: string;
  level: TriageLevel;
  text: string;
  /** Why it is asked ("pain in the upper buttock (left)"). */
  why: string;
  answer: "pending" | "yes" | "no";
}

export interface Candidate {
  key: string;
  muscle: string;
  side: Side | null;
  name: string;
  score: number;
  /** True when another candidate has exactly the same score (both sides of a muscle for a symmetric drawing). */
  tied: boolean;
  explained: string[];
  unexplained: string[];
  findings_for: string[];
  findings_against: string[];
  basis: string[];
  [field: string]: unknown;
}

/** The assessment document (contracts.md "Assessment"). */
export interface Assessment {
  schema: string;
  triage: { level: TriageLevel; red_flags: unknown[]; [field: string]: unknown };
  candidates: Candidate[];
  [field: string]: unknown;
}

export interface RenderOptions {
  /** Width written on the <svg>; 0 (default): none, the picture fills its container. */
  width?: number;
  legend?: boolean;
  heading?: boolean;
  /** Prefix of every id in the picture: give each inlined picture its own. */
  idPrefix?: string;
  essentialColour?: string;
  overlayColour?: string;
  triggerPointColour?: string;
}

/** A validated, immutable knowledge base. Holds memory in the module: call
 * delete() when done (a FinalizationRegistry frees a dropped one eventually). */
export class KnowledgeBase {
  static builtin(): KnowledgeBase;
  static fromJSON(text: string | object): KnowledgeBase;
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly hash: string;
  /** The language of its words: "en" as loaded (docs/languages.md). */
  readonly locale: string;
  /** The same knowledge base in `locale` ("es", "es-MX"), a host's pack (JSON) over the built-in words; same hash. */
  localized(locale: string, pack?: string | object): KnowledgeBase;
  delete(): void;
  regionKeys(): string[];
  toJSON(): string;
  assess(intake: Intake | string): Assessment;
  assessJSON(intake: Intake | string, options?: { pretty?: boolean }): string;
  validateIntake(intake: Intake | string): Intake;
  /** The red-flag questions the intake's drawing, age, sex and onset call for
   * and that it has not answered, most serious first. */
  questions(intake: Intake | string): Question[];
  renderMuscle(candidate: string, options?: RenderOptions): string;
  renderIntake(intake: Intake | string, options?: RenderOptions): string;
  /** The body chart to draw on: every region key a view shows is one `<path>`
   * with `data-region-key`, `data-view` ("front" | "back"), `role="button"`,
   * `aria-pressed`, an `aria-label` naming the person's side ("left upper
   * buttock, the person's left") and a roving tabindex (the first element 0,
   * the others -1). `pain` (an intake's pain list; null or [] for a blank
   * chart) pre-fills it: marked keys get `data-intensity` and their fill.
   * Throws MyorefError "invalid_input" (paths "/pain/N/...") for bad marks. */
  renderChart(pain?: PainMark[] | string | null, options?: RenderOptions): string;
  renderOverlay(intake: Intake | string, candidate: string, options?: RenderOptions): string;
  renderCandidates(assessment: Assessment | string, topN?: number, options?: RenderOptions): string;
  reportHTML(assessment: Assessment | string): string;
  /** The FHIR R4 Bundle (type "collection") of an assessment or a plan, as
   * an object: an Observation per marked region (LOINC 72514-3, the body site
   * coded), the knowledge base's Questionnaire and the answers given, a
   * ClinicalImpression with the triage and the ranked candidates; for a plan,
   * the sessions' pain before and after. docs/interop.md.
   * Throws MyorefError "parse", "invalid_input", "kb_mismatch", "integrity"
   * (an edited plan), "invalid_argument" (a bad date). */
  fhirBundle(document: Assessment | Plan | Record<string, unknown> | string, options?: FhirOptions): FhirBundle;
  /** The same Bundle as text: the bytes `myoref fhir` writes. */
  fhirBundleJSON(document: Assessment | Plan | Record<string, unknown> | string, options?: FhirOptions): string;
  /** The intake (canonical) recorded in a Bundle that fhirBundle or `myoref
   * fhir` wrote for an assessment. Throws MyorefError "parse",
   * "invalid_input" (with the Bundle's JSON path), "limit_exceeded". */
  importFhir(bundle: FhirBundle | string): Intake;
  /** The same intake as canonical JSON text (`myoref import fhir` adds a newline). */
  importFhirJSON(bundle: FhirBundle | string): string;
  /** An intake (canonical) from a CHOIR body map's marked segments
   * ("128,117,107" or [128, 117, 107]). Throws MyorefError "invalid_input"
   * (a number that is not a segment, or repeated: the path is its position,
   * "/2"), "invalid_argument" (a bad sex or intensity); TypeError for an
   * intensity that is not a whole number. */
  importChoir(segments: string | number[], options: ChoirImportOptions): Intake;
  /** The same intake as canonical JSON text (`myoref import choir` adds a newline). */
  importChoirJSON(segments: string | number[], options: ChoirImportOptions): string;
  /** The CHOIR segments (ascending) that a drawing's painful regions fall in
   * (`myoref export choir`): the reverse of importChoir. */
  choirSegments(drawing: Intake | Assessment | string, options: { sex: ChoirSex }): number[];
}

export interface FhirOptions {
  /** A FHIR reference every resource's subject points at ("Patient/123");
   * none: an anonymous Patient inside the Bundle. */
  patient?: string | null;
  /** "YYYY-MM-DD": the assessment's observations' and answers' date. */
  date?: string | null;
}

/** A FHIR R4 Bundle (docs/interop.md). */
export interface FhirBundle {
  resourceType: "Bundle";
  type: string;
  entry: { fullUrl?: string; resource: { resourceType: string; [field: string]: unknown } }[];
  [field: string]: unknown;
}

/** The CHOIR body map's numbering: "female" or "male" ("F", "m", "Female" also do). */
export type ChoirSex = "female" | "male" | string;

export interface ChoirImportOptions {
  sex: ChoirSex;
  /** 1..10 (default 5): the pain of a region mostly inside a marked segment;
   * a region that only catches a segment's edge gets part of it, at least 1. */
  intensity?: number;
}

export interface PlanOptions {
  releaseTrials?: number;
  reliefPoints?: number;
  reliefPercent?: number;
  worseningPoints?: number;
  worseningSessions?: number;
  maintenanceSessions?: number;
  appendRelated?: boolean;
  /** The most candidates the plan tries (1..200, default 3). */
  maxCandidates?: number;
  /** The most exercises offered for each step (1..10, default 2). */
  maxExercisesPerStep?: number;
  /** No meaningful relief this many weeks after the first session stops the plan (1..52, default 6). */
  noImprovementWeeks?: number;
}

/** A session to log (contracts.md "session"). */
export interface Session {
  date: string;
  target: string;
  pain_before: number;
  pain_after: number;
  [field: string]: unknown;
}

/** A self-care plan, kept as its plan document (text with an integrity check). */
export class Plan {
  static start(kb: KnowledgeBase, assessment: Assessment | string, options?: PlanOptions): Plan;
  static fromJSON(kb: KnowledgeBase, text: string): Plan;
  readonly kb: KnowledgeBase;
  /** The plan document as an object. */
  readonly document: Record<string, unknown>;
  readonly status: "active" | "maintenance" | "stopped_seek_care" | "exhausted";
  readonly target: string | null;
  next(): Record<string, unknown>;
  log(session: Session | string): Record<string, unknown>;
  /** Pain over the sessions as SVG text: pain before (hollow) and after
   * (filled) each session in date order, the baseline, the relief zone by the
   * plan's own rule, the worsening threshold, where the target changed and
   * where the plan stopped; a legend, a title and a desc listing every session. */
  renderPainOverTime(options?: RenderOptions): string;
  toJSON(): string;
}
