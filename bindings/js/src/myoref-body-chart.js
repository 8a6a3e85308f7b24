// <myoref-body-chart>: a pain-drawing component (a custom element, no
// framework) over the library's own blank chart (docs/javascript.md, "The
// pain-drawing component").
//
// The chart is the core's picture (kb.renderChart()): every region key is one
// SVG element with data-region-key, a role and an aria-label naming the
// person's side, so this component and the library's pictures never disagree
// about where a region is. The component adds what a person does with it:
//
//   mouse / touch  a click or tap marks a region (with the intensity in the
//                  control) and selects it; on a marked region it unmarks it
//   keyboard       Tab moves into the chart (one region is in the tab order),
//                  the arrow keys move to the nearest region that way, Home /
//                  End to the first / last, Enter or Space marks or unmarks,
//                  a digit 0-9 sets the focused region's intensity (marking it)
//   [data-testid=intensity]
//                  the selected region's intensity, 0-10
//
// `value` is the intake's `pain` list ([{region, side?, intensity}], in the
// chart's order); every change by the person fires a `change` event (bubbling,
// detail: {value}). Setting `value` does not fire it. The content lives in
// the light DOM, so page styles, tests and accessibility tools see it as is.
//
// Its words follow the knowledge base's language (kb.locale: "es", "es-MX"
// speak Spanish; any other, English); the regions' names come from the chart.

const STYLE_ID = "myoref-body-chart-style";

// The component's own words, by language (the primary subtag of kb.locale).
const WORDS = {
  en: {
    intensity: "Pain in the selected region (0 to 10)",
    noneSelected: "No region selected",
    clear: "Clear the drawing",
    help: "Click or tap where it hurts; click again to unmark. Keyboard: Tab into the chart, " +
          "arrow keys to move between regions, Enter or Space to mark, a digit 0 to 9 for how " +
          "much it hurts.",
    swipe: "Swipe the chart sideways for the back view.",
    marked: "Regions marked",
    chart: "Body chart, front and back views",
    unmarked: (region) => `${region}: unmarked`,
    pain: (region, n) => `${region}: pain ${n} of 10`,
    painLabel: (region, n) => `${region}, pain ${n} of 10`,
    listItem: (region, n) => `${region}: ${n} of 10`,
  },
  es: {
    intensity: "Dolor en la zona seleccionada (de 0 a 10)",
    noneSelected: "Ninguna zona seleccionada",
    clear: "Borrar el dibujo",
    help: "Haga clic o toque donde le duele; otra vez para desmarcar. Con el teclado: Tab para " +
          "entrar en el mapa, las flechas para pasar de una zona a otra, Intro o Espacio para " +
          "marcar, un número del 0 al 9 para cuánto duele.",
    swipe: "Deslice el mapa hacia un lado para ver la espalda.",
    marked: "Zonas marcadas",
    chart: "Mapa corporal, vistas de frente y de espaldas",
    unmarked: (region) => `${region}: sin marcar`,
    pain: (region, n) => `${region}: dolor ${n} de 10`,
    painLabel: (region, n) => `${region}, dolor ${n} de 10`,
    listItem: (region, n) => `${region}: ${n} de 10`,
  },
};

/** The component's words for a language tag ("es-MX" -> Spanish); English by default. */
function wordsFor(locale) {
  const primary = String(locale || "en").toLowerCase().split("-")[0];
  return WORDS[primary] || WORDS.en;
}

// The drawing picture's pain scale (src/render/figure.cpp, pain_colour): pale
// yellow through orange to dark red; 0 ("drawn, no pain now") neutral grey.
const PAIN_LOW = [0xff, 0xf0, 0xa8];
const PAIN_MID = [0xf2, 0x8c, 0x28];
const PAIN_HIGH = [0x7f, 0x00, 0x00];
const NO_PAIN = [0xe4, 0xe4, 0xe4];

function mix(a, b, part) {
  return a.map((from, i) => Math.min(255, Math.max(0, Math.round(from + (b[i] - from) * part))));
}

/** The drawing picture's colour for an intensity 0..10, as "#rrggbb". */
export function painColour(intensity) {
  let rgb;
  if (intensity <= 0)
    rgb = NO_PAIN;
  else if (intensity >= 10)
    rgb = PAIN_HIGH;
  else if (intensity <= 5)
    rgb = mix(PAIN_LOW, PAIN_MID, (intensity - 1) / 4);
  else
    rgb = mix(PAIN_MID, PAIN_HIGH, (intensity - 5) / 5);
  return "#" + rgb.map((c) => c.toString(16).padStart(2, "0")).join("");
}

const CSS = `
myoref-body-chart { display: block; max-width: 100%; color: #1a1a1a; }
myoref-body-chart .mbc-chart svg { display: block; width: 100%; height: auto; max-height: 80vh;
  touch-action: manipulation; }
myoref-body-chart [data-region-key], myoref-body-chart [data-inset-key] { cursor: pointer; }
myoref-body-chart [data-region-key]:focus { outline: none; }
myoref-body-chart [data-region-key][data-intensity],
myoref-body-chart [data-region-key][data-intensity] *,
myoref-body-chart [data-inset-key][data-intensity] {
  fill: var(--mbc-fill); stroke: #1a1a1a; stroke-width: 1; }
myoref-body-chart [data-inset-key][data-intensity] { stroke-width: 0.4; }
myoref-body-chart [data-region-key][data-intensity="0"],
myoref-body-chart [data-region-key][data-intensity="0"] *,
myoref-body-chart [data-inset-key][data-intensity="0"] { stroke-dasharray: 2 1.5; }
myoref-body-chart [data-inset-key].mbc-selected { stroke: #000000; stroke-width: 0.8; }
myoref-body-chart [data-region-key].mbc-selected,
myoref-body-chart [data-region-key].mbc-selected * { stroke: #000000; stroke-width: 2;
  stroke-dasharray: 4 2; }
myoref-body-chart [data-region-key]:focus-visible,
myoref-body-chart [data-region-key]:focus-visible * {
  stroke: #0b57d0; stroke-width: 2.5; stroke-dasharray: none; }
myoref-body-chart .mbc-controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem;
  align-items: center; margin: 0.5rem 0; }
myoref-body-chart .mbc-controls label { font-weight: 600; }
myoref-body-chart input[data-testid=intensity] { width: 4.5em; font: inherit; padding: 0.35rem;
  border: 2px solid #1a1a1a; border-radius: 4px; min-height: 2.75rem; box-sizing: border-box; }
myoref-body-chart input[data-testid=intensity]:disabled { border-color: #6b6b6b; color: #4d4d4d;
  background: #f0f0f0; }
myoref-body-chart .mbc-clear { font: inherit; min-height: 2.75rem; padding: 0.35rem 0.9rem;
  border: 2px solid #1a1a1a; border-radius: 4px; background: #ffffff; color: #1a1a1a; cursor: pointer; }
myoref-body-chart .mbc-help { margin: 0.25rem 0; font-size: 0.95rem; }
myoref-body-chart .mbc-list { margin: 0.25rem 0; padding-left: 1.25rem; }
myoref-body-chart .mbc-swatch { display: inline-block; width: 0.9em; height: 0.9em;
  border: 1px solid #1a1a1a; vertical-align: -0.1em; margin-right: 0.35em; }
myoref-body-chart .mbc-swipe { display: none; }
/* A phone: the chart keeps a size a finger can hit (about 1.5 times the
   screen's width) and scrolls sideways inside its own box; the page does not. */
@media (max-width: 40rem) {
  myoref-body-chart .mbc-chart { overflow-x: auto; overscroll-behavior-x: contain; }
  myoref-body-chart .mbc-chart svg { width: 36rem; max-width: none; max-height: none; }
  myoref-body-chart .mbc-swipe { display: block; }
}
@media (forced-colors: active) {
  myoref-body-chart [data-region-key][data-intensity],
  myoref-body-chart [data-region-key][data-intensity] *,
  myoref-body-chart [data-inset-key][data-intensity] { fill: Highlight; stroke: CanvasText; }
  myoref-body-chart [data-region-key]:focus-visible,
  myoref-body-chart [data-region-key]:focus-visible * { stroke: Highlight; stroke-width: 3; }
}
`;

function installStyle(doc) {
  if (doc.getElementById(STYLE_ID))
    return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

function splitKey(key) {
  const i = key.indexOf(":");
  return i < 0 ? {region: key} : {region: key.slice(0, i), side: key.slice(i + 1)};
}

function markKey(mark) {
  return mark.side ? `${mark.region}:${mark.side}` : mark.region;
}

let instances = 0;

// Importable outside a browser (node): the class is only usable where there is a DOM.
const Base = typeof HTMLElement === "undefined" ? class {} : HTMLElement;

export class MyorefBodyChart extends Base {
  constructor() {
    super();
    this._kb = null;
    this._svgText = null;
    this._regions = [];  // the region elements, in the chart's order
    this._byKey = new Map();  // key -> its elements (one a view that shows it)
    this._insetsByKey = new Map();  // key -> its enlarged copies (head and hands)
    this._marks = new Map();  // key -> intensity
    this._selected = null;
    this._focusEl = null;  // the region element in the tab order
    this._defaultIntensity = 5;
    this._uid = `mbc${++instances}`;
  }

  connectedCallback() {
    installStyle(this.ownerDocument);
    if (!this._built)
      this._build();
  }

  /** The knowledge base whose chart to show (a myoref KnowledgeBase). */
  get kb() { return this._kb; }
  set kb(kb) {
    this._kb = kb;
    this._svgText = null;
    if (this._built) {
      this._applyWords();
      this._renderChart();
    }
  }

  /** The component's words, in the knowledge base's language. */
  get _words() {
    let locale = "en";
    try {
      locale = this._kb && this._kb.locale ? this._kb.locale : "en";
    } catch {
      // a deleted knowledge base: keep English
    }
    return wordsFor(locale);
  }

  /** The chart's SVG text, when given directly instead of a knowledge base. */
  get chartSVG() { return this._svgText; }
  set chartSVG(text) {
    this._svgText = text;
    if (this._built)
      this._renderChart();
  }

  /** The intake's pain list: [{region, side?, intensity}], in the chart's order. */
  get value() {
    // The chart's order; marks of keys the chart does not show (a coarse
    // region given in `value`) after them, by key.
    const keys = [...this._byKey.keys()];
    keys.push(...[...this._marks.keys()].filter((k) => !this._byKey.has(k)).sort());
    const out = [];
    for (const key of keys) {
      if (this._marks.has(key))
        out.push({...splitKey(key), intensity: this._marks.get(key)});
    }
    return out;
  }
  set value(pain) {
    this._marks.clear();
    for (const mark of pain || []) {
      const n = Math.round(Number(mark.intensity));
      this._marks.set(markKey(mark), Number.isFinite(n) ? Math.min(10, Math.max(0, n)) : 0);
    }
    this._paintAll();
  }

  /** The selected region's key, or null. */
  get selected() { return this._selected; }

  /** The intensity a region gets when marked by click, tap, Enter or Space (5). */
  get defaultIntensity() { return this._defaultIntensity; }
  set defaultIntensity(n) { this._defaultIntensity = Math.min(10, Math.max(0, Math.round(n))); }

  /** Focuses a region by key (its first view), or the chart's current region. */
  focusRegion(key) {
    const el = key ? (this._byKey.get(key) || [])[0] : this._focusEl;
    if (el) {
      this._setFocus(el);
      el.focus();
    }
  }

  _build() {
    this._built = true;
    const doc = this.ownerDocument;
    const help = `${this._uid}-help`;
    this.innerHTML = "";
    const controls = doc.createElement("div");
    controls.className = "mbc-controls";
    const label = doc.createElement("label");
    label.htmlFor = `${this._uid}-intensity`;
    const input = doc.createElement("input");
    input.type = "number";
    input.id = `${this._uid}-intensity`;
    input.min = "0";
    input.max = "10";
    input.step = "1";
    input.inputMode = "numeric";
    input.disabled = true;
    input.setAttribute("data-testid", "intensity");
    input.setAttribute("aria-describedby", `${this._uid}-selected`);
    input.addEventListener("input", () => this._onIntensityInput());
    const selectedName = doc.createElement("span");
    selectedName.id = `${this._uid}-selected`;
    selectedName.className = "mbc-selected-name";
    const clear = doc.createElement("button");
    clear.type = "button";
    clear.className = "mbc-clear";
    clear.addEventListener("click", () => {
      this._marks.clear();
      this._select(null);
      this._paintAll();
      this._changed();
    });
    controls.append(label, input, selectedName, clear);

    const chart = doc.createElement("div");
    chart.className = "mbc-chart";
    const instructions = doc.createElement("p");
    instructions.className = "mbc-help";
    instructions.id = help;
    const swipe = doc.createElement("p");
    swipe.className = "mbc-help mbc-swipe";
    const list = doc.createElement("ul");
    list.className = "mbc-list";
    const status = doc.createElement("p");
    status.className = "mbc-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    this.append(instructions, swipe, chart, controls, status, list);
    this._input = input;
    this._selectedName = selectedName;
    this._chart = chart;
    this._list = list;
    this._status = status;
    this._intensityLabel = label;
    this._clear = clear;
    this._help = instructions;
    this._swipe = swipe;
    this._applyWords();

    chart.addEventListener("click", (e) => this._onClick(e));
    chart.addEventListener("keydown", (e) => this._onKey(e));
    chart.addEventListener("focusin", (e) => {
      const el = this._regionOf(e.target);
      if (el)
        this._setFocus(el);
    });
    this._renderChart();
  }

  // The component's own texts in the knowledge base's language.
  _applyWords() {
    const w = this._words;
    this._intensityLabel.textContent = w.intensity;
    this._clear.textContent = w.clear;
    this._help.textContent = w.help;
    this._swipe.textContent = w.swipe;
    this._list.setAttribute("aria-label", w.marked);
    this._status.textContent = "";
  }

  _renderChart() {
    let svg = this._svgText;
    if (svg === null && this._kb) {
      // The core's blank interactive chart; heading off: the page has its own.
      svg = this._kb.renderChart(null, {heading: false, idPrefix: this._uid});
    }
    this._chart.innerHTML = svg || "";
    const root = this._chart.querySelector("svg");
    if (root) {
      // A group of controls, not one image: its regions are focusable.
      root.setAttribute("role", "group");
      root.removeAttribute("aria-labelledby");
      root.setAttribute("aria-label", this._words.chart);
      root.setAttribute("aria-describedby", `${this._uid}-help`);
    }
    this._regions = [...this._chart.querySelectorAll("[data-region-key]")];
    this._byKey = new Map();
    for (const el of this._regions) {
      const key = el.getAttribute("data-region-key");
      if (!this._byKey.has(key))
        this._byKey.set(key, []);
      this._byKey.get(key).push(el);
      el.dataset.label = el.getAttribute("aria-label") || key;
      el.setAttribute("tabindex", "-1");
    }
    // The enlarged head and hands under each view: a second place to click a
    // region, painted with it; not focusable (the keyboard uses the views).
    this._insetsByKey = new Map();
    for (const el of this._chart.querySelectorAll("[data-inset-key]")) {
      const key = el.getAttribute("data-inset-key");
      if (!this._insetsByKey.has(key))
        this._insetsByKey.set(key, []);
      this._insetsByKey.get(key).push(el);
    }
    this._focusEl = this._regions[0] || null;
    if (this._focusEl)
      this._focusEl.setAttribute("tabindex", "0");
    if (this._selected && !this._byKey.has(this._selected))
      this._selected = null;
    this._paintAll();
    this._select(this._selected);
  }

  _regionOf(node) {
    const el = node && node.closest ? node.closest("[data-region-key]") : null;
    return el && this._chart.contains(el) ? el : null;
  }

  _label(key) {
    const els = this._byKey.get(key);
    return els ? els[0].dataset.label : key;
  }

  _setFocus(el) {
    if (el === this._focusEl)
      return;
    if (this._focusEl)
      this._focusEl.setAttribute("tabindex", "-1");
    this._focusEl = el;
    el.setAttribute("tabindex", "0");
  }

  _select(key) {
    const both = (k) => [...(this._byKey.get(k) || []), ...(this._insetsByKey.get(k) || [])];
    for (const el of both(this._selected))
      el.classList.remove("mbc-selected");
    this._selected = key && this._byKey.has(key) ? key : null;
    for (const el of both(this._selected))
      el.classList.add("mbc-selected");
    this._input.disabled = this._selected === null;
    if (this._selected === null) {
      this._input.value = "";
      this._selectedName.textContent = this._words.noneSelected;
    } else {
      const n = this._marks.get(this._selected);
      this._input.value = String(n === undefined ? this._defaultIntensity : n);
      this._selectedName.textContent = this._label(this._selected);
    }
  }

  _toggle(key) {
    if (this._marks.has(key)) {
      this._marks.delete(key);
      this._announce(this._words.unmarked(this._label(key)));
    } else {
      this._marks.set(key, this._defaultIntensity);
      this._announce(this._words.pain(this._label(key), this._defaultIntensity));
    }
    this._select(key);
    this._paint(key);
    this._renderList();
    this._changed();
  }

  _setIntensity(key, n) {
    this._marks.set(key, n);
    this._select(key);
    this._paint(key);
    this._renderList();
    this._announce(this._words.pain(this._label(key), n));
    this._changed();
  }

  _onClick(e) {
    const inset = e.target && e.target.closest ? e.target.closest("[data-inset-key]") : null;
    if (inset && this._chart.contains(inset)) {
      // A click on the enlarged copy marks the region itself, and moves the
      // keyboard focus to it.
      const key = inset.getAttribute("data-inset-key");
      const own = (this._byKey.get(key) || [])[0];
      if (!own)
        return;
      this._setFocus(own);
      this._toggle(key);
      return;
    }
    const el = this._regionOf(e.target);
    if (!el)
      return;
    this._setFocus(el);
    this._toggle(el.getAttribute("data-region-key"));
  }

  _onIntensityInput() {
    if (this._selected === null || this._input.value === "")
      return;
    const n = Math.round(Number(this._input.value));
    if (!Number.isFinite(n) || n < 0 || n > 10)
      return;
    this._setIntensity(this._selected, n);
  }

  _onKey(e) {
    const el = this._regionOf(e.target);
    if (!el || e.altKey || e.ctrlKey || e.metaKey)
      return;
    const key = el.getAttribute("data-region-key");
    let next = null;
    switch (e.key) {
      case "ArrowLeft": next = this._nearest(el, -1, 0); break;
      case "ArrowRight": next = this._nearest(el, 1, 0); break;
      case "ArrowUp": next = this._nearest(el, 0, -1); break;
      case "ArrowDown": next = this._nearest(el, 0, 1); break;
      case "Home": next = this._regions[0]; break;
      case "End": next = this._regions[this._regions.length - 1]; break;
      case "Enter":
      case " ":
      case "Spacebar":
        e.preventDefault();
        this._toggle(key);
        return;
      default:
        if (/^[0-9]$/.test(e.key)) {
          e.preventDefault();
          this._setIntensity(key, Number(e.key));
        }
        return;
    }
    e.preventDefault();
    if (next && next !== el) {
      this._setFocus(next);
      next.focus();
    }
  }

  // The region nearest to `from` in the direction (dx, dy) on the screen: the
  // smallest distance along the direction plus twice the distance across it,
  // among the regions whose centre lies that way.
  _nearest(from, dx, dy) {
    const centre = (el) => {
      const r = el.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    };
    const [fx, fy] = centre(from);
    let best = null;
    let bestScore = Infinity;
    for (const el of this._regions) {
      if (el === from)
        continue;
      const [x, y] = centre(el);
      const along = (x - fx) * dx + (y - fy) * dy;
      if (along <= 0.5)
        continue;
      const across = Math.abs((x - fx) * dy) + Math.abs((y - fy) * dx);
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = el;
      }
    }
    return best;
  }

  _paint(key) {
    for (const el of this._insetsByKey.get(key) || []) {
      if (this._marks.has(key)) {
        const n = this._marks.get(key);
        el.setAttribute("data-intensity", String(n));
        el.style.setProperty("--mbc-fill", painColour(n));
      } else {
        el.removeAttribute("data-intensity");
        el.style.removeProperty("--mbc-fill");
      }
    }
    for (const el of this._byKey.get(key) || []) {
      const label = el.dataset.label;
      const pressed = el.getAttribute("role") === "checkbox" ? "aria-checked" : "aria-pressed";
      if (this._marks.has(key)) {
        const n = this._marks.get(key);
        el.setAttribute("data-intensity", String(n));
        el.style.setProperty("--mbc-fill", painColour(n));
        el.setAttribute(pressed, "true");
        el.setAttribute("aria-label", this._words.painLabel(label, n));
      } else {
        el.removeAttribute("data-intensity");
        el.style.removeProperty("--mbc-fill");
        el.setAttribute(pressed, "false");
        el.setAttribute("aria-label", label);
      }
    }
  }

  _paintAll() {
    if (!this._built)
      return;
    for (const key of this._byKey.keys())
      this._paint(key);
    this._renderList();
    if (this._selected !== null)
      this._select(this._selected);
  }

  _renderList() {
    const doc = this.ownerDocument;
    this._list.replaceChildren();
    for (const mark of this.value) {
      const key = markKey(mark);
      const li = doc.createElement("li");
      const swatch = doc.createElement("span");
      swatch.className = "mbc-swatch";
      swatch.style.background = painColour(mark.intensity);
      swatch.setAttribute("aria-hidden", "true");
      li.append(swatch, this._words.listItem(this._label(key), mark.intensity));
      this._list.append(li);
    }
  }

  _announce(text) {
    this._status.textContent = text;
  }

  _changed() {
    this.dispatchEvent(new CustomEvent("change", {bubbles: true, detail: {value: this.value}}));
  }
}

/** Registers <myoref-body-chart> (once; a no-op when already defined). */
export function defineBodyChart(name = "myoref-body-chart") {
  if (typeof customElements !== "undefined" && !customElements.get(name))
    customElements.define(name, MyorefBodyChart);
}

defineBodyChart();
