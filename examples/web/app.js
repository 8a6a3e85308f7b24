// The example app (docs/javascript.md, "The example app"): draw -> the safety
// questions for that drawing -> a few findings -> the result -> a self-care
// plan kept in this browser's storage. Everything runs here, with the
// library's WebAssembly build; no request leaves the page's own files.
import init, {KnowledgeBase, MyorefError, Plan, version} from "./myoref/myoref.js";
import "./myoref/myoref-body-chart.js";

const PLAN_KEY = "myoref.plan";
const FINDINGS_SHOWN = 6;
const CANDIDATES_SHOWN = 5;
const LEVEL_TEXT = {
  self_care: "Self-care",
  see_clinician: "See a clinician",
  urgent: "Urgent: get medical help today",
  emergency: "Emergency: get help now",
};

const $ = (id) => document.getElementById(id);

/** An element with text content (never HTML) and attributes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined && v !== false)
      el.setAttribute(k, v === true ? "" : String(v));
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

function problemsText(e) {
  if (!(e instanceof MyorefError))
    return String(e && e.message ? e.message : e);
  const lines = e.problems.length ? e.problems.map((p) => `${p.message} (${p.path})`) : [e.message];
  return lines.join("; ");
}

const state = {
  kb: null,
  kbDoc: null,     // the knowledge base as an object: finding questions, muscles' findings
  answers: new Map(),   // red-flag id -> "yes" | "no"
  findings: new Map(),  // finding id -> "yes" | "no"
  questions: [],        // the red-flag questions the drawing calls for
  shownFindings: [],
  assessment: null,
  overlayKey: null,
  plan: null,
};

function history() {
  const out = {};
  const age = $("age").value.trim();
  if (age !== "" && Number.isInteger(Number(age)))
    out.age = Number(age);
  if ($("sex").value)
    out.sex = $("sex").value;
  return out;
}

function intake() {
  const shown = new Set(state.questions.map((q) => q.id));
  const answered = (answer) =>
      [...state.answers].filter(([id, a]) => a === answer && shown.has(id)).map(([id]) => id);
  const findings = new Set(state.shownFindings);
  const chosen = (answer) =>
      [...state.findings].filter(([id, a]) => a === answer && findings.has(id)).map(([id]) => id);
  return {
    pain: $("chart").value,
    findings: chosen("yes"),
    denied: chosen("no"),
    red_flags: answered("yes"),
    red_flags_denied: answered("no"),
    precautions: [...document.querySelectorAll("#precautions input:checked")].map((b) => b.value),
    ...history(),
  };
}

// A yes/no pair: two toggle buttons with data-answer, aria-pressed for the one chosen.
function yesNo(current, onAnswer) {
  const group = h("div", {class: "answers", role: "group"});
  for (const answer of ["yes", "no"]) {
    const b = h("button", {type: "button", "data-answer": answer,
                           "aria-pressed": current === answer ? "true" : "false"},
                answer === "yes" ? "Yes" : "No");
    b.addEventListener("click", () => {
      onAnswer(answer);
      for (const other of group.querySelectorAll("button"))
        other.setAttribute("aria-pressed", other === b ? "true" : "false");
    });
    group.append(b);
  }
  return group;
}

function renderQuestions() {
  const pain = $("chart").value;
  const box = $("questions");
  const before = state.questions.map((q) => q.id).join(" ");
  if (pain.length === 0) {
    state.questions = [];
    box.replaceChildren();
    $("screening-intro").textContent = "Mark where it hurts first: the questions depend on it.";
    return;
  }
  try {
    state.questions = state.kb.questions({pain, ...history()});
  } catch (e) {
    state.questions = [];
    box.replaceChildren();
    $("screening-intro").textContent = problemsText(e);
    return;
  }
  // The same questions: keep their buttons (a click may be under way).
  if (box.childElementCount && state.questions.map((q) => q.id).join(" ") === before)
    return;
  box.replaceChildren();
  $("screening-intro").textContent = state.questions.length
      ? "Pain in these places can, rarely, come from something that needs a clinician. " +
        "Please answer each question."
      : "This drawing calls for no safety questions.";
  for (const q of state.questions) {
    const labelId = `q-${q.id}`;
    const answers = yesNo(state.answers.get(q.id), (a) => state.answers.set(q.id, a));
    answers.setAttribute("aria-labelledby", labelId);
    box.append(h("div", {class: `question level-${q.level}`, "data-question-id": q.id},
                 h("p", {id: labelId, class: "text"}, q.text),
                 h("p", {class: "why"}, `Asked because of ${q.why}.`), answers));
  }
}

// The findings of the muscles most likely for this drawing, by weight: a
// short list of questions that can move the ranking.
function renderFindings() {
  const box = $("findings");
  const pain = $("chart").value;
  const before = state.shownFindings.join(" ");
  state.shownFindings = [];
  if (pain.length === 0) {
    box.replaceChildren(h("p", {}, "Mark where it hurts first."));
    return;
  }
  let ranked;
  try {
    ranked = state.kb.assess({pain}).candidates.slice(0, 3);
  } catch {
    box.replaceChildren();
    return;
  }
  const muscles = new Map(state.kbDoc.muscles.map((m) => [m.id, m]));
  const weights = new Map();
  for (const c of ranked) {
    for (const f of muscles.get(c.muscle)?.findings ?? [])
      weights.set(f.id, Math.max(weights.get(f.id) ?? 0, f.weight));
  }
  const questions = new Map(state.kbDoc.findings.map((f) => [f.id, f]));
  state.shownFindings = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
                            .map(([id]) => id).filter((id) => questions.has(id))
                            .slice(0, FINDINGS_SHOWN);
  if (box.querySelector("[data-finding-id]") && state.shownFindings.join(" ") === before)
    return;
  box.replaceChildren();
  for (const id of state.shownFindings) {
    const labelId = `f-${id}`;
    const answers = yesNo(state.findings.get(id), (a) => state.findings.set(id, a));
    answers.setAttribute("aria-labelledby", labelId);
    box.append(h("div", {class: "finding", "data-finding-id": id},
                 h("p", {id: labelId, class: "text"}, questions.get(id).question), answers));
  }
}

function onDrawingChanged() {
  renderQuestions();
  renderFindings();
  for (const id of ["screening", "findings-section"])
    $(id).hidden = false;
}

function regionNames(keys) {
  const chart = $("chart");
  return keys.map((k) => {
    const el = chart.querySelector(`[data-region-key="${CSS.escape(k)}"]`);
    return el ? el.dataset.label : k;
  }).join("; ");
}

function showOverlay(key) {
  const a = state.assessment;
  const c = a.candidates.find((x) => x.key === key);
  if (!c)
    return;
  state.overlayKey = key;
  $("overlay-name").textContent = `${c.name} (${c.side ?? "midline"})`;
  $("overlay").innerHTML = state.kb.renderOverlay(a.intake, key, {idPrefix: "overlay", heading: false});
  for (const b of document.querySelectorAll("#candidates button.show"))
    b.setAttribute("aria-pressed", b.dataset.key === key ? "true" : "false");
}

function renderResult(a) {
  const t = a.triage;
  const banner = $("triage");
  banner.className = `triage level-${t.level}`;
  banner.setAttribute("data-level", t.level);
  const lines = [];
  for (const r of t.red_flags ?? [])
    lines.push(r.advice);
  for (const r of t.rules ?? [])
    lines.push(r.reason);
  if (t.age_rule && t.age_rule.raises)
    lines.push(t.age_rule.advice ?? t.age_rule.reason);
  if (lines.length === 0 && !t.provisional)
    lines.push("No warning sign was reported, and every safety question for this drawing was answered no.");
  banner.replaceChildren(...[
      h("p", {class: "level"}, h("strong", {}, LEVEL_TEXT[t.level] ?? t.level)),
      t.provisional
          ? h("p", {}, `Provisional: ${t.pending.length} safety question${
                            t.pending.length === 1 ? " is" : "s are"} not answered yet. ` +
                           "Answer them above and show the result again.")
          : null,
      lines.length ? h("ul", {}, ...lines.filter(Boolean).map((l) => h("li", {}, l))) : null,
  ].filter(Boolean));

  const also = $("also-consider");
  also.replaceChildren();
  if ((a.also_consider ?? []).length) {
    also.append(h("h3", {}, "Also consider"),
                h("ul", {}, ...a.also_consider.map((x) => h(
                    "li", {"data-also-consider": x.id}, h("strong", {}, x.name),
                    `: ${x.why.join ? x.why.join("; ") : x.why}. ${x.advice} [${x.cite.join(", ")}]`))));
  }

  const list = $("candidates");
  list.replaceChildren();
  for (const c of a.candidates.slice(0, CANDIDATES_SHOWN)) {
    const show = h("button", {type: "button", class: "show", "data-key": c.key,
                              "aria-pressed": "false"}, "Show on the chart");
    show.addEventListener("click", () => showOverlay(c.key));
    const details = h("details", {}, h("summary", {}, "Why"),
                      h("ul", {}, ...c.basis.map((b) => h("li", {}, b))));
    list.append(h("li", {"data-candidate-key": c.key, class: "candidate"},
                  h("p", {class: "name"}, h("strong", {}, c.name),
                    c.side ? ` (${c.side})` : "", ` · score ${Math.round(c.score * 100)} / 100`,
                    c.tied ? " · tied" : ""),
                  h("p", {}, `Explains: ${regionNames(c.explained) || "none"}.` +
                             (c.unexplained.length ? ` Not: ${regionNames(c.unexplained)}.` : "")),
                  details, show));
  }
  if (a.candidates.length) {
    $("overlay-heading").hidden = false;
    showOverlay(a.candidates[0].key);
  } else {
    $("overlay-heading").hidden = true;
    $("overlay").replaceChildren(h("p", {}, "No muscle in the knowledge base explains this drawing."));
  }
  $("unexplained").textContent = a.unexplained.length
      ? `No muscle here explains: ${regionNames(a.unexplained)}.` : "";
  $("result").hidden = false;
  $("plan-section").hidden = false;
}

function onAssess() {
  $("assess-error").textContent = "";
  if ($("chart").value.length === 0) {
    $("assess-error").textContent = "Mark where it hurts on the chart first.";
    return;
  }
  if ($("screening").hidden)  // a drawing set by a script (value) rather than by hand
    onDrawingChanged();
  try {
    state.assessment = state.kb.assess(intake());
  } catch (e) {
    $("assess-error").textContent = `The drawing could not be assessed: ${problemsText(e)}`;
    return;
  }
  renderResult(state.assessment);
  $("result").focus();
}

// --- the plan ---------------------------------------------------------------

function renderNext() {
  const next = state.plan.next();
  const box = $("next");
  box.replaceChildren();
  $("plan-status").replaceChildren(...[
      h("p", {}, h("strong", {}, `Plan: ${next.status.replace(/_/g, " ")}`),
        next.target ? ` · now: ${next.name} (${next.side ?? "midline"})` : "",
        ` · sessions logged: ${next.sessions_logged}`),
      next.reason ? h("p", {}, next.reason) : null,
  ].filter(Boolean));
  if ((next.steps ?? []).length) {
    box.append(h("h3", {}, "Next session"));
    for (const step of next.steps) {
      const ex = step.exercises[0];
      if (!ex)
        continue;
      box.append(h("div", {class: "step", "data-step": step.step},
                   h("h4", {}, `${step.step[0].toUpperCase()}${step.step.slice(1)}: ${ex.name}`),
                   h("p", {class: "dose"}, ex.dose), h("ol", {}, ...ex.how.map((x) => h("li", {}, x))),
                   (ex.cautions ?? []).length
                       ? h("ul", {class: "cautions"}, ...ex.cautions.map((x) => h("li", {}, x)))
                       : null));
    }
  }
  // What the plan's precautions ruled out, and why.
  if ((next.left_out ?? []).length) {
    box.append(h("h4", {}, "Left out"),
               h("ul", {class: "left-out"},
                 ...next.left_out.map((x) => h("li", {"data-exercise-id": x.id}, x.why))));
  }
  if ((next.advice ?? []).length)
    box.append(h("ul", {class: "advice"}, ...next.advice.map((x) => h("li", {}, x))));
  $("log").hidden = !next.target || (next.steps ?? []).length === 0;
  renderPainOverTime();
}

function renderPainOverTime() {
  const box = $("pain-over-time");
  if (typeof state.plan.renderPainOverTime === "function")
    box.innerHTML = state.plan.renderPainOverTime({idPrefix: "pot"});
  else
    box.replaceChildren(h("p", {}, "The pain-over-time chart needs a newer myoref package."));
}

function showPlan() {
  $("plan").hidden = false;
  $("plan-start").hidden = true;
  $("plan-section").hidden = false;
  renderNext();
}

function savePlan() {
  localStorage.setItem(PLAN_KEY, state.plan.toJSON());
}

function onPlanStart() {
  $("plan-error").textContent = "";
  try {
    state.plan = Plan.start(state.kb, state.assessment);
  } catch (e) {
    $("plan-error").textContent = e instanceof MyorefError && e.code === "safety_refusal"
        ? `No self-care plan: ${problemsText(e)}`
        : `The plan could not be started: ${problemsText(e)}`;
    return;
  }
  savePlan();
  showPlan();
  $("plan-section").focus();
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// A 0..10 pain scale: eleven radio buttons in the fieldset `id`.
function buildScale(id) {
  const box = $(id);
  for (let n = 0; n <= 10; ++n) {
    box.append(h("label", {class: "point"},
                 h("input", {type: "radio", name: id, value: n, required: n === 0}), String(n)));
  }
}

function scaleValue(id) {
  const checked = document.querySelector(`#${id} input:checked`);
  return checked ? Number(checked.value) : NaN;
}

function onLog(event) {
  event.preventDefault();
  const next = state.plan.next();
  const session = {
    date: $("log-date").value,
    target: next.target,
    steps: [...document.querySelectorAll("#log input[name=step]:checked")].map((b) => b.value),
    pain_before: scaleValue("log-before"),
    pain_after: scaleValue("log-after"),
    red_flags: [],
  };
  try {
    const decision = state.plan.log(session);
    savePlan();
    $("log-result").replaceChildren(
        h("p", {}, h("strong", {}, `Session ${decision.session + 1}: ${decision.outcome.replace(/_/g, " ")}`)),
        h("ul", {}, ...[...decision.reasons, ...decision.advice].map((x) => h("li", {}, x))));
    for (const b of document.querySelectorAll("#log .scale input"))
      b.checked = false;
    $("log-date").value = today();
    renderNext();
  } catch (e) {
    $("log-result").textContent = `Not logged: ${problemsText(e)}`;
  }
}

function onForget() {
  localStorage.removeItem(PLAN_KEY);
  state.plan = null;
  $("plan").hidden = true;
  $("plan-start").hidden = false;
  $("log-result").textContent = "";
  $("plan-section").hidden = state.assessment === null;
}

function restorePlan() {
  const stored = localStorage.getItem(PLAN_KEY);
  if (!stored)
    return;
  try {
    state.plan = Plan.fromJSON(state.kb, stored);  // checks its integrity and knowledge base
  } catch (e) {
    localStorage.removeItem(PLAN_KEY);
    $("plan-section").hidden = false;
    $("plan-error").textContent =
        `The plan stored in this browser was not used (${problemsText(e)}), so it was deleted.`;
    return;
  }
  showPlan();
}

async function main() {
  await init();
  state.kb = KnowledgeBase.builtin();
  state.kbDoc = JSON.parse(state.kb.toJSON());
  $("version").textContent = version();
  $("kb-version").textContent = `${state.kb.id} ${state.kb.version}`;
  const chart = $("chart");
  chart.kb = state.kb;
  chart.addEventListener("change", onDrawingChanged);
  for (const id of ["age", "sex"])
    $(id).addEventListener("change", () => { if (chart.value.length) onDrawingChanged(); });
  $("assess").addEventListener("click", onAssess);
  $("plan-start").addEventListener("click", onPlanStart);
  $("log").addEventListener("submit", onLog);
  $("plan-forget").addEventListener("click", onForget);
  $("log-date").value = today();
  for (const id of ["log-before", "log-after"])
    buildScale(id);
  for (const p of state.kbDoc.precautions ?? []) {
    $("precautions").append(h("label", {class: "precaution"},
                              h("input", {type: "checkbox", value: p.id}),
                              h("span", {}, h("strong", {}, p.name), ` — ${p.what}`)));
  }
  $("loading").remove();
  $("draw").hidden = false;
  restorePlan();
}

main().catch((e) => {
  $("loading").hidden = true;
  $("fatal").hidden = false;
  $("fatal").textContent = `myoref could not start here: ${e && e.message ? e.message : e}`;
});
