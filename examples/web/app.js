// The example app (docs/javascript.md, "The example app"): draw -> the safety
// questions for that drawing -> a few findings -> the result -> a self-care
// plan kept in this browser's storage. Everything runs here, with the
// library's WebAssembly build; no request leaves the page's own files.
//
// In English or Spanish (the switch at the top): the library speaks the
// knowledge base's language (kb.localized("es")), the page's own words come
// from TEXT below. Switching re-words everything shown, the result and the
// plan included, and is remembered for the session.
import init, {KnowledgeBase, MyorefError, Plan, version} from "./myoref/myoref.js";
import "./myoref/myoref-body-chart.js";

const PLAN_KEY = "myoref.plan";
const LANG_KEY = "myoref.lang";
const FINDINGS_SHOWN = 6;
const CANDIDATES_SHOWN = 5;

// The page's own words, by language. Functions take what they say.
const TEXT = {
  en: {
    pageTitle: "myoref: where does it hurt?",
    title: "Where does it hurt?",
    intro: "Mark your pain on the chart, answer a few questions, and see which muscles most " +
           "likely refer pain to those places, with the reasons. It does not diagnose, and it " +
           "tells you when to see a clinician instead. Everything runs in this browser: nothing " +
           "you enter leaves your device.",
    loading: "Loading…",
    drawHeading: "1. Your pain drawing",
    about: "About you (optional: some questions depend on it)",
    age: "Age in years",
    sex: "Sex",
    sexNone: "Not given",
    female: "Female",
    male: "Male",
    precautions: "Does any of these apply? (the plan leaves out the exercises they rule out)",
    screeningHeading: "2. Safety questions for this drawing",
    findingsHeading: "3. What brings the pain on?",
    findingsHint: "Answer the ones you can; leave the others.",
    assess: "Show the likely muscles",
    resultHeading: "4. Result",
    likely: "Likely muscles",
    planHeading: "5. Your self-care plan",
    planIntro: "A plan works through the likely muscles one at a time: release, then stretch, " +
               "then strengthen, and it tells you when to stop and see a clinician. It is kept " +
               "in this browser's storage only.",
    planStart: "Start a plan for the first muscle",
    logHeading: "Log a session",
    date: "Date",
    painBefore: "Pain before the session (0 to 10)",
    painAfter: "Pain after the session (0 to 10)",
    stepsDone: "Steps done",
    release: "Release",
    stretch: "Stretch",
    strengthen: "Strengthen",
    logSubmit: "Log this session",
    painOverTime: "Pain over the sessions",
    forget: "Delete the stored plan",
    footer: (v, kb) => `myoref ${v}, knowledge base ${kb}. Every reason shows its sources in ` +
                       "square brackets.",
    level: {
      self_care: "Self-care",
      see_clinician: "See a clinician",
      urgent: "Urgent: get medical help today",
      emergency: "Emergency: get help now",
    },
    yes: "Yes",
    no: "No",
    markFirstQuestions: "Mark where it hurts first: the questions depend on it.",
    askIntro: "Pain in these places can, rarely, come from something that needs a clinician. " +
              "Please answer each question.",
    noQuestions: "This drawing calls for no safety questions.",
    askedBecause: (why) => `Asked because of ${why}.`,
    markFirst: "Mark where it hurts first.",
    side: (side) => side ?? "midline",
    allNo: "No warning sign was reported, and every safety question for this drawing was " +
           "answered no.",
    provisional: (n) => `Provisional: ${n} safety question${n === 1 ? " is" : "s are"} not ` +
                        "answered yet. Answer them above and show the result again.",
    alsoConsider: "Also consider",
    showOnChart: "Show on the chart",
    why: "Why",
    score: (n) => ` · score ${n} / 100`,
    tied: " · tied",
    explains: (names) => `Explains: ${names || "none"}.`,
    notExplained: (names) => ` Not: ${names}.`,
    overlayHeading: (name) => `Your drawing with ${name}'s referral pattern`,
    noMuscle: "No muscle in the knowledge base explains this drawing.",
    unexplained: (names) => `No muscle here explains: ${names}.`,
    markOnChartFirst: "Mark where it hurts on the chart first.",
    notAssessed: (why) => `The drawing could not be assessed: ${why}`,
    planStatus: (status) => `Plan: ${status.replace(/_/g, " ")}`,
    now: (name) => ` · now: ${name}`,
    logged: (n) => ` · sessions logged: ${n}`,
    nextSession: "Next session",
    step: (step) => `${step[0].toUpperCase()}${step.slice(1)}`,
    leftOut: "Left out",
    noPainOverTime: "The pain-over-time chart needs a newer myoref package.",
    noPlan: (why) => `No self-care plan: ${why}`,
    planNotStarted: (why) => `The plan could not be started: ${why}`,
    session: (n, outcome) => `Session ${n}: ${outcome.replace(/_/g, " ")}`,
    notLogged: (why) => `Not logged: ${why}`,
    storedPlanDropped: (why) => `The plan stored in this browser was not used (${why}), so it ` +
                                "was deleted.",
    cannotStart: (why) => `myoref could not start here: ${why}`,
  },
  es: {
    pageTitle: "myoref: ¿dónde le duele?",
    title: "¿Dónde le duele?",
    intro: "Marque su dolor en el mapa, responda unas preguntas y vea qué músculos es más " +
           "probable que le envíen dolor a esos sitios, con los motivos. No da un diagnóstico, " +
           "y le dice cuándo debe consultar a un profesional sanitario. Todo funciona en este " +
           "navegador: nada de lo que escriba sale de su dispositivo.",
    loading: "Cargando…",
    drawHeading: "1. Su dibujo del dolor",
    about: "Sobre usted (opcional: algunas preguntas dependen de ello)",
    age: "Edad en años",
    sex: "Sexo",
    sexNone: "Sin indicar",
    female: "Mujer",
    male: "Hombre",
    precautions: "¿Le ocurre algo de esto? (el plan deja fuera los ejercicios que no le convienen)",
    screeningHeading: "2. Preguntas de seguridad para este dibujo",
    findingsHeading: "3. ¿Qué le provoca el dolor?",
    findingsHint: "Responda las que pueda; deje las demás.",
    assess: "Ver los músculos probables",
    resultHeading: "4. Resultado",
    likely: "Músculos probables",
    planHeading: "5. Su plan de autocuidado",
    planIntro: "Un plan trabaja los músculos probables de uno en uno: liberar, luego estirar y " +
               "luego fortalecer, y le dice cuándo parar y consultar a un profesional sanitario. " +
               "Se guarda solo en este navegador.",
    planStart: "Empezar un plan para el primer músculo",
    logHeading: "Registrar una sesión",
    date: "Fecha",
    painBefore: "Dolor antes de la sesión (de 0 a 10)",
    painAfter: "Dolor después de la sesión (de 0 a 10)",
    stepsDone: "Pasos hechos",
    release: "Liberar",
    stretch: "Estirar",
    strengthen: "Fortalecer",
    logSubmit: "Registrar esta sesión",
    painOverTime: "El dolor a lo largo de las sesiones",
    forget: "Borrar el plan guardado",
    footer: (v, kb) => `myoref ${v}, base de conocimiento ${kb}. Cada motivo indica sus fuentes ` +
                       "entre corchetes.",
    level: {
      self_care: "Autocuidado",
      see_clinician: "Consulte a un profesional sanitario",
      urgent: "Urgente: busque atención médica hoy",
      emergency: "Emergencia: pida ayuda ahora",
    },
    yes: "Sí",
    no: "No",
    markFirstQuestions: "Marque primero dónde le duele: las preguntas dependen de ello.",
    askIntro: "El dolor en estos sitios puede venir, en raras ocasiones, de algo que necesita " +
              "un profesional sanitario. Responda cada pregunta, por favor.",
    noQuestions: "Este dibujo no necesita preguntas de seguridad.",
    askedBecause: (why) => `Motivo de la pregunta: ${why}.`,
    markFirst: "Marque primero dónde le duele.",
    side: (side) => ({left: "lado izquierdo", right: "lado derecho"})[side] ?? "línea media",
    allNo: "No se indicó ninguna señal de alarma, y todas las preguntas de seguridad de este " +
           "dibujo se respondieron que no.",
    provisional: (n) => `Provisional: ${n === 1 ? "queda 1 pregunta" : `quedan ${n} preguntas`} ` +
                        "de seguridad sin responder. Respóndalas arriba y vuelva a ver el resultado.",
    alsoConsider: "Tenga en cuenta también",
    showOnChart: "Ver en el mapa",
    why: "Por qué",
    score: (n) => ` · puntuación ${n} / 100`,
    tied: " · empatado",
    explains: (names) => `Explica: ${names || "ninguna zona"}.`,
    notExplained: (names) => ` No explica: ${names}.`,
    overlayHeading: (name) => `Su dibujo con el patrón de dolor referido de ${name}`,
    noMuscle: "Ningún músculo de la base de conocimiento explica este dibujo.",
    unexplained: (names) => `Ningún músculo de aquí explica: ${names}.`,
    markOnChartFirst: "Marque primero en el mapa dónde le duele.",
    notAssessed: (why) => `No se pudo evaluar el dibujo: ${why}`,
    planStatus: (status) => `Plan: ${({active: "activo", maintenance: "mantenimiento",
                                       stopped_seek_care: "detenido: consulte a un profesional",
                                       exhausted: "terminado"})[status] ?? status}`,
    now: (name) => ` · ahora: ${name}`,
    logged: (n) => ` · sesiones registradas: ${n}`,
    nextSession: "Próxima sesión",
    step: (step) => ({release: "Liberar", stretch: "Estirar", strengthen: "Fortalecer"})[step] ?? step,
    leftOut: "Se dejan fuera",
    noPainOverTime: "El gráfico del dolor a lo largo del tiempo necesita un paquete myoref más nuevo.",
    noPlan: (why) => `Sin plan de autocuidado: ${why}`,
    planNotStarted: (why) => `No se pudo empezar el plan: ${why}`,
    session: (n, outcome) => `Sesión ${n}: ${({
      started: "iniciado", continued: "continúa", escalated: "cambio de músculo",
      exhausted: "terminado", maintenance: "mantenimiento",
      stopped_worsening: "detenido por empeoramiento",
      stopped_red_flag: "detenido por una señal de alarma",
      stopped_no_improvement: "detenido por falta de mejoría"})[outcome] ?? outcome}`,
    notLogged: (why) => `No se registró: ${why}`,
    storedPlanDropped: (why) => `El plan guardado en este navegador no se usó (${why}), así que ` +
                                "se borró.",
    cannotStart: (why) => `myoref no puede funcionar aquí: ${why}`,
  },
};

const $ = (id) => document.getElementById(id);

/** The page's words in the current language. */
const t = () => TEXT[state.lang];

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
  lang: "en",
  kbs: {},              // language -> the knowledge base in it (made once)
  kb: null,
  kbDoc: null,     // the knowledge base as an object: finding questions, muscles' findings
  answers: new Map(),   // red-flag id -> "yes" | "no"
  findings: new Map(),  // finding id -> "yes" | "no"
  questions: [],        // the red-flag questions the drawing calls for
  shownFindings: [],
  assessment: null,
  overlayKey: null,
  plan: null,
  lastLog: null,        // {before: plan text, session}: the decision shown, to re-word it
  messages: new Map(),  // element id -> () => its text, re-said on a change of language
};

/** Sets an element's text from `say` (a function of the language), and keeps
 * it so that a change of language says it again; null clears it. */
function say(id, said) {
  if (said === null) {
    state.messages.delete(id);
    $(id).textContent = "";
    return;
  }
  state.messages.set(id, said);
  $(id).textContent = said();
}

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
                answer === "yes" ? t().yes : t().no);
    b.addEventListener("click", () => {
      onAnswer(answer);
      for (const other of group.querySelectorAll("button"))
        other.setAttribute("aria-pressed", other === b ? "true" : "false");
    });
    group.append(b);
  }
  return group;
}

function renderQuestions(force = false) {
  const pain = $("chart").value;
  const box = $("questions");
  const before = state.questions.map((q) => q.id).join(" ");
  if (pain.length === 0) {
    state.questions = [];
    box.replaceChildren();
    $("screening-intro").textContent = t().markFirstQuestions;
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
  if (!force && box.childElementCount && state.questions.map((q) => q.id).join(" ") === before)
    return;
  box.replaceChildren();
  $("screening-intro").textContent = state.questions.length ? t().askIntro : t().noQuestions;
  for (const q of state.questions) {
    const labelId = `q-${q.id}`;
    const answers = yesNo(state.answers.get(q.id), (a) => state.answers.set(q.id, a));
    answers.setAttribute("aria-labelledby", labelId);
    box.append(h("div", {class: `question level-${q.level}`, "data-question-id": q.id},
                 h("p", {id: labelId, class: "text"}, q.text),
                 h("p", {class: "why"}, t().askedBecause(q.why)), answers));
  }
}

// The findings of the muscles most likely for this drawing, by weight: a
// short list of questions that can move the ranking.
function renderFindings(force = false) {
  const box = $("findings");
  const pain = $("chart").value;
  const before = state.shownFindings.join(" ");
  state.shownFindings = [];
  if (pain.length === 0) {
    box.replaceChildren(h("p", {}, t().markFirst));
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
  if (!force && box.querySelector("[data-finding-id]") && state.shownFindings.join(" ") === before)
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
  $("overlay-heading").textContent = t().overlayHeading(`${c.name} (${t().side(c.side)})`);
  $("overlay").innerHTML = state.kb.renderOverlay(a.intake, key, {idPrefix: "overlay", heading: false});
  for (const b of document.querySelectorAll("#candidates button.show"))
    b.setAttribute("aria-pressed", b.dataset.key === key ? "true" : "false");
}

function renderResult(a) {
  const words = TEXT[state.lang];
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
    lines.push(words.allNo);
  banner.replaceChildren(...[
      h("p", {class: "level"}, h("strong", {}, words.level[t.level] ?? t.level)),
      t.provisional ? h("p", {}, words.provisional(t.pending.length)) : null,
      lines.length ? h("ul", {}, ...lines.filter(Boolean).map((l) => h("li", {}, l))) : null,
  ].filter(Boolean));

  const also = $("also-consider");
  also.replaceChildren();
  if ((a.also_consider ?? []).length) {
    also.append(h("h3", {}, words.alsoConsider),
                h("ul", {}, ...a.also_consider.map((x) => h(
                    "li", {"data-also-consider": x.id}, h("strong", {}, x.name),
                    `: ${x.why.join ? x.why.join("; ") : x.why}. ${x.advice} [${x.cite.join(", ")}]`))));
  }

  const list = $("candidates");
  list.replaceChildren();
  for (const c of a.candidates.slice(0, CANDIDATES_SHOWN)) {
    const show = h("button", {type: "button", class: "show", "data-key": c.key,
                              "aria-pressed": "false"}, words.showOnChart);
    show.addEventListener("click", () => showOverlay(c.key));
    const details = h("details", {}, h("summary", {}, words.why),
                      h("ul", {}, ...c.basis.map((b) => h("li", {}, b))));
    list.append(h("li", {"data-candidate-key": c.key, class: "candidate"},
                  h("p", {class: "name"}, h("strong", {}, c.name),
                    c.side ? ` (${words.side(c.side)})` : "", words.score(Math.round(c.score * 100)),
                    c.tied ? words.tied : ""),
                  h("p", {}, words.explains(regionNames(c.explained)) +
                             (c.unexplained.length ? words.notExplained(regionNames(c.unexplained)) : "")),
                  details, show));
  }
  if (a.candidates.length) {
    $("overlay-heading").hidden = false;
    showOverlay(a.candidates[0].key);
  } else {
    $("overlay-heading").hidden = true;
    $("overlay").replaceChildren(h("p", {}, words.noMuscle));
  }
  $("unexplained").textContent = a.unexplained.length ? words.unexplained(regionNames(a.unexplained)) : "";
  $("result").hidden = false;
  $("plan-section").hidden = false;
}

function onAssess() {
  say("assess-error", null);
  if ($("chart").value.length === 0) {
    say("assess-error", () => t().markOnChartFirst);
    return;
  }
  if ($("screening").hidden)  // a drawing set by a script (value) rather than by hand
    onDrawingChanged();
  try {
    state.assessment = state.kb.assess(intake());
  } catch (e) {
    const why = problemsText(e);
    say("assess-error", () => t().notAssessed(why));
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
      h("p", {}, h("strong", {}, t().planStatus(next.status)),
        next.target ? t().now(`${next.name} (${t().side(next.side)})`) : "",
        t().logged(next.sessions_logged)),
      next.reason ? h("p", {}, next.reason) : null,
  ].filter(Boolean));
  if ((next.steps ?? []).length) {
    box.append(h("h3", {}, t().nextSession));
    for (const step of next.steps) {
      const ex = step.exercises[0];
      if (!ex)
        continue;
      box.append(h("div", {class: "step", "data-step": step.step},
                   h("h4", {}, `${t().step(step.step)}: ${ex.name}`),
                   h("p", {class: "dose"}, ex.dose), h("ol", {}, ...ex.how.map((x) => h("li", {}, x))),
                   (ex.cautions ?? []).length
                       ? h("ul", {class: "cautions"}, ...ex.cautions.map((x) => h("li", {}, x)))
                       : null));
    }
  }
  // What the plan's precautions ruled out, and why.
  if ((next.left_out ?? []).length) {
    box.append(h("h4", {}, t().leftOut),
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
    box.replaceChildren(h("p", {}, t().noPainOverTime));
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
  say("plan-error", null);
  try {
    state.plan = Plan.start(state.kb, state.assessment);
  } catch (e) {
    const why = problemsText(e);
    const refused = e instanceof MyorefError && e.code === "safety_refusal";
    say("plan-error", () => (refused ? t().noPlan(why) : t().planNotStarted(why)));
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
    const before = state.plan.toJSON();
    const decision = state.plan.log(session);
    savePlan();
    state.lastLog = {before, session};
    state.messages.delete("log-result");
    showDecision(decision);
    for (const b of document.querySelectorAll("#log .scale input"))
      b.checked = false;
    $("log-date").value = today();
    renderNext();
  } catch (e) {
    const why = problemsText(e);
    state.lastLog = null;
    say("log-result", () => t().notLogged(why));
  }
}

function showDecision(decision) {
  $("log-result").replaceChildren(
      h("p", {}, h("strong", {}, t().session(decision.session + 1, decision.outcome))),
      h("ul", {}, ...[...decision.reasons, ...decision.advice].map((x) => h("li", {}, x))));
}

function onForget() {
  localStorage.removeItem(PLAN_KEY);
  state.plan = null;
  $("plan").hidden = true;
  $("plan-start").hidden = false;
  state.lastLog = null;
  say("log-result", null);
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
    const why = problemsText(e);
    say("plan-error", () => t().storedPlanDropped(why));
    return;
  }
  showPlan();
}

function renderPrecautions() {
  const box = $("precautions");
  const checked = new Set([...box.querySelectorAll("input:checked")].map((b) => b.value));
  for (const old of box.querySelectorAll("label.precaution"))
    old.remove();
  for (const p of state.kbDoc.precautions ?? []) {
    box.append(h("label", {class: "precaution"},
                 h("input", {type: "checkbox", value: p.id, checked: checked.has(p.id)}),
                 h("span", {}, h("strong", {}, p.name), ` — ${p.what}`)));
  }
}

// The page's own words (every element with data-i18n) in the current language.
function applyStatic() {
  const words = t();
  document.documentElement.lang = state.lang;
  document.title = words.pageTitle;
  for (const el of document.querySelectorAll("[data-i18n]"))
    el.textContent = words[el.dataset.i18n];
  for (const b of document.querySelectorAll("[data-lang]"))
    b.setAttribute("aria-pressed", b.dataset.lang === state.lang ? "true" : "false");
}

function renderFooter() {
  $("footer").replaceChildren(t().footer(version(), `${state.kb.id} ${state.kb.version}`));
}

/** The language a person chose in this session, else the browser's first that the app has. */
function initialLanguage() {
  const chosen = sessionStorage.getItem(LANG_KEY);
  if (chosen && TEXT[chosen])
    return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).toLowerCase().split("-")[0];
    if (TEXT[primary])
      return primary;
  }
  return "en";
}

function knowledgeBase(lang) {
  if (!state.kbs[lang])
    state.kbs[lang] = lang === "en" ? KnowledgeBase.builtin() : state.kbs.en.localized(lang);
  return state.kbs[lang];
}

// Everything in `lang`: the page's words, the chart, the questions, and what
// is already shown (the result, the plan, the last decision) re-worded, not lost.
function setLanguage(lang) {
  state.lang = TEXT[lang] ? lang : "en";
  sessionStorage.setItem(LANG_KEY, state.lang);
  state.kb = knowledgeBase(state.lang);
  state.kbDoc = JSON.parse(state.kb.toJSON());
  applyStatic();
  renderFooter();
  $("chart").kb = state.kb;
  renderPrecautions();
  if (!$("screening").hidden) {
    renderQuestions(true);
    renderFindings(true);
  }
  if (state.assessment) {
    state.assessment = state.kb.assess(state.assessment.intake);
    const overlay = state.overlayKey;
    renderResult(state.assessment);
    if (overlay)
      showOverlay(overlay);
  }
  if (state.plan) {
    state.plan = Plan.fromJSON(state.kb, state.plan.toJSON());
    renderNext();
    if (state.lastLog)
      showDecision(Plan.fromJSON(state.kb, state.lastLog.before).log(state.lastLog.session));
  }
  for (const [id, said] of state.messages)
    $(id).textContent = said();
}

async function main() {
  state.lang = initialLanguage();
  applyStatic();
  await init();
  state.kbs.en = KnowledgeBase.builtin();
  state.kb = knowledgeBase(state.lang);
  state.kbDoc = JSON.parse(state.kb.toJSON());
  renderFooter();
  const chart = $("chart");
  chart.kb = state.kb;
  for (const b of document.querySelectorAll("[data-lang]"))
    b.addEventListener("click", () => { if (b.dataset.lang !== state.lang) setLanguage(b.dataset.lang); });
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
  renderPrecautions();
  $("loading").remove();
  $("draw").hidden = false;
  restorePlan();
}

main().catch((e) => {
  $("loading").hidden = true;
  $("fatal").hidden = false;
  $("fatal").textContent = TEXT[state.lang].cannotStart(e && e.message ? e.message : e);
});
