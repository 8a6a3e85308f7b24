// The example app's first assessment after page load, in Debian's chromium
// driven by playwright-core (as tests/browser/ does): a fresh browser context
// for each run (nothing cached; the server sends no-store), navigation to the
// page, the chart drawn, a drawing set through the chart's `value` and the
// Assess button clicked as soon as the page is ready, until the result's
// triage banner is shown. Times are the page's own clock (performance.now(),
// 0 at navigation), taken and driven by a script installed before the page's
// scripts run, so no round trip to the driver is counted. Median of RUNS
// (default 7) after one untimed run.
//
//   node benchmarks/js/bench_first_assessment.mjs build-wasm/site build-wasm/browser-tests [RUNS]
//
// The second folder holds playwright-core (tests/browser/run.sh installs it
// there with npm ci from tests/browser/package-lock.json).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";

const site = path.resolve(process.argv[2] ?? "build-wasm/site");
const work = path.resolve(process.argv[3] ?? "build-wasm/browser-tests");
const runs = Number(process.argv[4] ?? 7);
const require = createRequire(path.join(work, "package.json"));
const { chromium } = require("playwright-core");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
                ".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const file = path.join(site, path.normalize(decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname)));
  if (!file.startsWith(site) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
                       "Cache-Control": "no-store" });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.MYOREF_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});

// Before any script of the page: note when the chart's first region appears,
// when the page is ready (its "loading" line removed, every handler in place),
// and then, in the page itself so that no round trip to the driver is
// counted, draw the typical intake's pain (examples/intakes/
// gluteus_medius_classic.json) through the chart's `value`, click Assess and
// note when the triage banner appears.
function watch() {
  const t = window.__times = {};
  const drive = () => {
    const chart = document.querySelector("myoref-body-chart");
    chart.value = [{ region: "iliac_crest", side: "left", intensity: 6 },
                   { region: "sacroiliac", side: "left", intensity: 5 },
                   { region: "buttock_upper", side: "left", intensity: 5 },
                   { region: "sacrum", intensity: 3 }];
    chart.dispatchEvent(new Event("change"));
    t.click = performance.now();
    document.querySelector("[data-testid=assess]").click();
  };
  new MutationObserver(() => {
    if (t.chart === undefined && document.querySelector("[data-region-key]"))
      t.chart = performance.now();
    if (t.ready === undefined && t.chart !== undefined && !document.getElementById("loading")) {
      t.ready = performance.now();
      setTimeout(drive, 0);
    }
    if (t.result === undefined && document.querySelector("[data-testid=triage-level][data-level]"))
      t.result = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

async function once() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.goto(origin + "/");
  await page.waitForFunction(() => window.__times.result !== undefined, null, { polling: 5, timeout: 60000 });
  const t = await page.evaluate(() => window.__times);
  await context.close();
  return t;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await once();  // untimed: the browser's own first start
  const results = [];
  for (let i = 0; i < runs; ++i)
    results.push(await once());
  const chart = median(results.map((t) => t.chart));
  const ready = median(results.map((t) => t.ready));
  const drawn = median(results.map((t) => t.click - t.ready));
  const assess = median(results.map((t) => t.result - t.click));
  const total = median(results.map((t) => t.result));
  console.log(`chromium ${browser.version()}, ${runs} cold page loads, medians:`);
  console.log(`  navigation -> chart drawn (module fetched, compiled, knowledge base loaded): ${chart.toFixed(0)} ms`);
  console.log(`  navigation -> page ready (every handler in place): ${ready.toFixed(0)} ms`);
  console.log(`  drawing set -> its questions and findings shown (the chart's change event): ${drawn.toFixed(0)} ms`);
  console.log(`  Assess clicked -> result shown (the page's first assessment): ${assess.toFixed(0)} ms`);
  console.log(`  navigation -> first result shown (Assess clicked as soon as the page is ready): ${total.toFixed(0)} ms`);
} finally {
  await browser.close();
  server.close();
}
