// The load benchmark (issue 6, issue 18): a script that prints figures, not a test. Run it with
// `cargo xtask loadbench [runs]`, which builds dist/, the bare Yew counter app (the framework's floor,
// same profile and wasm-opt) and phc-check, then runs this.
//
// For each of RUNS fresh browser contexts (no cache, no service worker) under emulated slow mobile
// conditions (4x CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms latency) it measures, in the page
// with performance.now() and the browser's paint timing:
//   - the counter app: navigation start -> its first render (the floor), and its first paint;
//   - the checker's start page, served prerendered (issue 18): its first contentful paint (FCP), its
//     largest contentful paint (LCP), the moment Start works (the app has taken the page over), and
//     the first question after pressing Start then;
//   - the same page with Start pressed as soon as it is painted: when the first question shows;
//   - the checker: the last answer (Continue on "check your answers", a trusted click) -> the result
//     in the DOM, the next animation frame, and painted (the browser's Event Timing, as INP counts it).
//   - the browser's floor of that step (issue 26): the same check page served as HTML, and on
//     Continue a bare click handler that puts in the app's first frame of the result (its title
//     focused) and the rest a frame later, as the app does: the same Event Timing, as a ratio;
//   - a host page (issue 26) whose <phc-eligibility> sits two phone screens down, beside the same page
//     without it: the bytes of ours it loads before the widget is near, its largest contentful paint,
//     the long tasks before the widget is near; then, scrolled at reading speed (200 px/s), the time
//     from the widget entering the viewport to its Start working.
// Then, without throttling, check() through the widget module's API, median microseconds per
// decision, beside phc-check (native, release) on the same requests through --ndjson.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { SCENARIOS } from '../e2e/scenarios.mjs';
import { answerQuestion, screen } from '../e2e/lib.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const APP_DIST = process.env.APP_DIST ?? 'dist';
const FLOOR_DIST = process.env.FLOOR_DIST ?? 'target/counter-dist';
const PHC_CHECK = process.env.PHC_CHECK ?? 'target/release/phc-check';
const AT = '2026-03-10T10:00:00+05:00';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.webmanifest': 'application/manifest+json' };

/** A file's bodies as the server sends them: brotli (quality 11) and gzip (level 9), made once. */
function compressed(raw) {
  return {
    br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: zlib.gzipSync(raw, { level: 9 }),
    identity: raw,
  };
}

/** One of the benchmark's own pages (the host pages, the floor of the result), made in this script. */
function ownPage(type, body) {
  return { type, bodies: compressed(Buffer.from(body)) };
}

/**
 * A static server over `root` on a loopback port, sending brotli or gzip as nginx does in production;
 * `extra` maps a path to one of the benchmark's own pages (`ownPage`). Every file is compressed once,
 * before it is first asked for, as nginx's precompressed files are: no run pays for the server's brotli.
 */
function serve(root, extra = new Map()) {
  const files = new Map();
  for (const file of fs.readdirSync(root, { recursive: true }).map((f) => path.join(root, f))) {
    if (!fs.statSync(file).isFile()) continue;
    files.set(file, { type: TYPES[path.extname(file)] ?? 'application/octet-stream', bodies: compressed(fs.readFileSync(file)) });
  }
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, pathname);
    // As deploy/nginx.conf: `/` is the prerendered page in the browser's first language, if there is one.
    const fitted = /^\s*(kk|ru|en)/i.exec(String(req.headers['accept-language'] ?? ''))?.[1].toLowerCase() ?? 'kk';
    if (pathname === '/' && files.has(path.join(root, fitted, 'index.html'))) file = path.join(root, fitted, '/');
    if (file.endsWith('/')) file += 'index.html';
    const served = extra.get(pathname) ?? files.get(file);
    if (!served) { res.writeHead(404).end(); return; }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
    const headers = { 'content-type': served.type, 'cache-control': 'no-store' };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    res.writeHead(200, headers).end(served.bodies[encoding]);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function slowContext(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-GB', viewport: { width: 390, height: 844 } });
  // The date the scenarios are written for, by a Date of the page's own: Playwright's clock
  // (`context.clock`) would also replace `performance` and `Event.timeStamp` with a fake timeline
  // that starts when the clock is installed, before the navigation (0.2 to 0.35 s earlier, measured in this set-up), and
  // the browser's paint timing could not be read. Every figure here is from navigation start.
  await context.addInitScript((at) => {
    const fixed = new Date(at).getTime();
    const RealDate = Date;
    class FixedDate extends RealDate {
      constructor(...args) { if (args.length) super(...args); else super(fixed); }
      static now() { return fixed; }
    }
    globalThis.Date = FixedDate;
  }, AT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Records the moment a selector first matches, from the page's own clock (navigation start = 0).
  await page.addInitScript(() => {
    window.__seen = {};
    window.__watch = (name, selector) => {
      const check = () => { if (!window.__seen[name] && document.querySelector(selector)) window.__seen[name] = performance.now(); };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
      check();
    };
    window.__watch('floor', 'main h1');
    window.__watch('painted', '.phc[data-screen="start"] .phc-button-start');
    window.__watch('start', '#phc-app[data-phc-ready] .phc[data-screen="start"] .phc-button-start');
    window.__watch('question', '.phc[data-screen^="question:"] h1');
    // Largest contentful paint: the browser reports each larger candidate; the last one before any
    // input is the page's.
    window.__lcp = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  return { context, page };
}

async function seen(page, name) {
  await page.waitForFunction((n) => window.__seen[n] !== undefined, name, { timeout: 120000 });
  return page.evaluate((n) => window.__seen[n], name);
}

/**
 * Continue on the check page, pressed as a citizen presses it (Playwright's input, a trusted click) ->
 * the result's heading in the DOM, and the next animation frame; and the browser's own measure of the
 * interaction (Event Timing, as INP counts it: from the input to the next frame painted after its
 * handlers, in steps of 8 ms; under 16 ms it is not reported, and counted as 16).
 */
async function lastAnswerToResult(page) {
  await page.evaluate(() => {
    window.__result = new Promise((resolve) => {
      let t0;
      document.addEventListener('click', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
      new MutationObserver((_, obs) => {
        if (t0 !== undefined && document.querySelector('.phc[data-screen="result"] h1')) {
          obs.disconnect();
          const dom = performance.now() - t0;
          // What the first frame after the press shows (the app paints the rest in the next one).
          const firstFrame = document.getElementById('phc-app')?.innerHTML;
          requestAnimationFrame(() => resolve({ dom, paint: performance.now() - t0, firstFrame }));
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    window.__interaction = 16;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (['pointerdown', 'pointerup', 'click'].includes(e.name)) window.__interaction = Math.max(window.__interaction, e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  await page.click('.phc-check-page .phc-button');
  const { dom, paint, firstFrame } = await page.evaluate(() => window.__result);
  // The entry comes once the frame is painted: two more frames, then read it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  return { dom, paint, firstFrame, interaction: await page.evaluate(() => window.__interaction) };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-dev-shm-usage'],
});
// The host pages (issue 26): a portal page whose widget sits two phone screens down, and the same
// page without it; and the floor of the result: its HTML swapped in by a bare click handler.
const extra = new Map();
extra.set('/bench-host.css', ownPage('text/css', 'body{margin:0;font:18px/1.5 system-ui,sans-serif;color:#0b0c0c} header{background:#1d4f91;color:#fff;padding:1rem 1rem} main{padding:0 1rem} .hero{font-size:1.5rem;line-height:1.35} footer{padding:1rem;border-top:1px solid #ccc}'));
const paragraph = 'Прикрепиться к поликлинике можно по месту жительства, работы или учебы, а также по свободному выбору. Прикрепление дает право на первичную медико-санитарную помощь: участкового врача, вызов врача на дом, направления к специалистам.';
const hostHtml = (widget) => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Портал</title><link rel="stylesheet" href="/bench-host.css">${widget ? '<script type="module" src="/phc-widget.js"></script>' : ''}</head>
<body><header>eGov.kz</header><main><h1>Прикрепление к медицинской организации, оказывающей ПМСП</h1><p class="hero">${paragraph}</p>
${Array.from({ length: 9 }, () => `<p>${paragraph}</p>`).join('\n')}
${widget ? '<phc-eligibility service="attachment"></phc-eligibility>' : ''}<p>${paragraph}</p></main><footer>© Портал</footer></body></html>`;
extra.set('/bench-host.html', ownPage('text/html; charset=utf-8', hostHtml(true)));
extra.set('/bench-host-bare.html', ownPage('text/html; charset=utf-8', hostHtml(false)));
const app = await serve(APP_DIST, extra);
const floor = await serve(FLOOR_DIST);
const scenario = SCENARIOS.find((s) => s.name.startsWith('attachment: eligible (free choice'));
const fig = { floor: [], floorPaint: [], fcp: [], lcp: [], start: [], question: [], early: [], resultDom: [], result: [], interaction: [],
  hostBytes: [], hostLcp: [], bareLcp: [], hostLong: [], bareLong: [], hostLongMs: [], bareLongMs: [], nearToLive: [], swap: [], swapDom: [],
  paper: [], paperBytes: [] };
let swapped = null;

/**
 * The host page with the widget (or without it, `bare`): at rest for 3 s after its load event (what
 * it paid before the citizen scrolled), then, with the widget, scrolled at reading speed (50 px every
 * 250 ms) until the widget's top enters the viewport; then until it is live (its Start works).
 */
async function hostRun(bare) {
  const { context, page } = await slowContext(browser);
  await page.goto(app.url + (bare ? '/bench-host-bare.html' : '/bench-host.html'), { waitUntil: 'load' });
  await page.waitForTimeout(3000);
  const rest = await page.evaluate(() => ({
    lcp: window.__lcp,
    long: window.__longTasks.slice(),
    bytes: performance.getEntriesByType('resource').filter((e) => !/\/bench-host/.test(e.name)).reduce((n, e) => n + e.encodedBodySize, 0),
  }));
  let nearToLive = null;
  if (!bare) {
    await page.evaluate(() => {
      const w = document.querySelector('phc-eligibility');
      new IntersectionObserver((es, o) => { if (es.some((e) => e.isIntersecting)) { window.__entered = performance.now(); o.disconnect(); } }).observe(w);
      w.ready.then(() => { window.__live = performance.now(); });
    });
    await page.mouse.move(195, 400);
    for (let i = 0; i < 400 && !(await page.evaluate(() => window.__entered)); i++) {
      await page.mouse.wheel(0, 50);
      await page.waitForTimeout(250);
    }
    await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 120000 });
    nearToLive = await page.evaluate(() => window.__live - window.__entered);
  }
  await context.close();
  return { ...rest, nearToLive };
}

/** The result's HTML put in place of "check your answers" by a bare click handler: the browser's own cost. */
async function floorOfResult() {
  const { context, page } = await slowContext(browser);
  await page.goto(app.url + '/bench-floor.html');
  await page.waitForSelector('.phc-check-page .phc-button');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const figures = await lastAnswerToResult(page);
  await context.close();
  return figures;
}

/** First contentful paint and largest contentful paint so far, from the page's paint timing. */
async function paints(page) {
  return page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, lcp: window.__lcp }));
}

try {
  for (let i = 0; i < RUNS; i++) {
    {
      const { context, page } = await slowContext(browser);
      await page.goto(floor.url + '/');
      fig.floor.push(await seen(page, 'floor'));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      fig.floorPaint.push((await paints(page)).fcp);
      await context.close();
    }
    {
      // Start pressed as soon as it is painted (the prerendered page): it waits for the app.
      const { context, page } = await slowContext(browser);
      await page.goto(app.url + '/');
      await seen(page, 'painted');
      await page.click('.phc-button-start');
      fig.early.push(await seen(page, 'question'));
      await context.close();
    }
    {
      const { context, page } = await slowContext(browser);
      await page.goto(app.url + '/');
      fig.start.push(await seen(page, 'start'));
      // Two frames after the take-over: a larger paint by the app, if any, is reported by then.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { fcp, lcp } = await paints(page);
      fig.fcp.push(fcp);
      fig.lcp.push(lcp);
      await page.click('.phc-button-start');
      fig.question.push(await seen(page, 'question'));
      // The rest of the answers, then the timed last step.
      await page.click('.phc-back');
      await page.waitForSelector('.phc[data-screen="start"]');
      const answers = scenario.answers;
      await walkToCheckPage(page, answers);
      const checkHtml = swapped ? null : await page.$eval('#phc-app', (e) => e.innerHTML);
      const { dom, paint, interaction, firstFrame } = await lastAnswerToResult(page);
      fig.resultDom.push(dom);
      fig.result.push(paint);
      fig.interaction.push(interaction);
      if (!swapped) {
        // The same screens for the floor: the check page as served, the result's first frame and the rest.
        await page.waitForTimeout(1000);
        const resultHtml = await page.$eval('#phc-app', (e) => e.innerHTML);
        const css = fs.readdirSync(APP_DIST).find((f) => /^app-.*\.css$/.test(f));
        extra.set('/bench-floor.html', ownPage('text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title><link rel="stylesheet" href="/${css}">
<script src="/bench-floor.js" defer></script></head><body><div id="phc-app">${checkHtml}</div></body></html>`));
        // As the app: the first frame's HTML at once (the title focused), the whole result in the next.
        extra.set('/bench-floor.js', ownPage('text/javascript', `const FIRST = ${JSON.stringify(firstFrame)};
const WHOLE = ${JSON.stringify(resultHtml)};
document.addEventListener('click', (e) => {
  if (!e.target.closest('.phc-check-page .phc-button')) return;
  const root = document.getElementById('phc-app');
  root.innerHTML = FIRST;
  root.querySelector('.phc-title')?.focus();
  requestAnimationFrame(() => setTimeout(() => { root.innerHTML = WHOLE; }));
});`));
        swapped = true;
      }
      // "Prepare the application" (issue 27): the paper's module fetched (nothing of it is on the
      // page before), started, its texts loaded, and its form shown with its title focused.
      await page.waitForTimeout(500);
      const paper = await page.evaluate(() => new Promise((resolve, reject) => {
        const button = document.querySelector('.phc-action-paper');
        if (!button) return reject(new Error('the result offers no paper'));
        const before = performance.getEntriesByType('resource').length;
        const t0 = performance.now();
        button.click();
        const poll = () => {
          if (document.activeElement?.id !== 'phc-paper-title') return requestAnimationFrame(poll);
          const bytes = performance.getEntriesByType('resource').slice(before).reduce((n, e) => n + e.encodedBodySize, 0);
          resolve({ ms: performance.now() - t0, bytes });
        };
        poll();
      }));
      fig.paper.push(paper.ms);
      fig.paperBytes.push(paper.bytes);
      await context.close();
    }
    {
      const f = await floorOfResult();
      fig.swapDom.push(f.dom);
      fig.swap.push(f.interaction);
      const host = await hostRun(false);
      const bare = await hostRun(true);
      fig.hostBytes.push(host.bytes);
      fig.hostLcp.push(host.lcp);
      fig.bareLcp.push(bare.lcp);
      fig.hostLong.push(host.long.length);
      fig.bareLong.push(bare.long.length);
      fig.hostLongMs.push(host.long.reduce((a, b) => a + b, 0));
      fig.bareLongMs.push(bare.long.reduce((a, b) => a + b, 0));
      fig.nearToLive.push(host.nearToLive);
    }
    process.stdout.write(`run ${i + 1}/${RUNS}: host page: ${(fig.hostBytes.at(-1) / 1024).toFixed(1)} KB of ours before the widget is near, LCP ${fig.hostLcp.at(-1).toFixed(0)} ms (without the widget ${fig.bareLcp.at(-1).toFixed(0)} ms), long tasks ${fig.hostLong.at(-1)} (without ${fig.bareLong.at(-1)}), widget in view -> Start works ${fig.nearToLive.at(-1).toFixed(0)} ms; result swapped in bare ${fig.swap.at(-1)} ms\n`);
    process.stdout.write(`run ${i + 1}/${RUNS}: floor ${fig.floor.at(-1).toFixed(0)} ms, start page FCP ${fig.fcp.at(-1).toFixed(0)} ms, LCP ${fig.lcp.at(-1).toFixed(0)} ms, Start works ${fig.start.at(-1).toFixed(0)} ms, first question ${fig.question.at(-1).toFixed(0)} ms (Start pressed at first sight: ${fig.early.at(-1).toFixed(0)} ms), result in the DOM ${fig.resultDom.at(-1).toFixed(1)} ms, next frame ${fig.result.at(-1).toFixed(1)} ms, painted ${fig.interaction.at(-1)} ms (Event Timing)\n`);
  }

  // The engine in the browser (no throttling): check() of the widget module over many requests.
  const requests = SCENARIOS.map((s) => ({ ...s.request, at: AT }));
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(app.url + '/');
  const perBatch = await page.evaluate(async (reqs) => {
    const m = await import('/phc-widget.js');
    for (let i = 0; i < 300; i++) await m.check(reqs[i % reqs.length]);
    const out = [];
    for (let b = 0; b < 25; b++) {
      const t0 = performance.now();
      for (let i = 0; i < 400; i++) await m.check(reqs[i % reqs.length]);
      out.push(((performance.now() - t0) * 1000) / 400);
    }
    return out;
  }, requests);
  await context.close();
  const browserUs = median(perBatch);

  // The same requests natively: phc-check --ndjson (JSON in, JSON out, as check() does).
  const lines = [];
  for (let i = 0; i < 20000; i++) lines.push(JSON.stringify(requests[i % requests.length]));
  const input = lines.join('\n') + '\n';
  spawnSync(PHC_CHECK, ['--ndjson'], { input: input.slice(0, 20000) });
  const t0 = process.hrtime.bigint();
  const native = spawnSync(PHC_CHECK, ['--ndjson'], { input, maxBuffer: 1 << 30 });
  const nativeUs = Number(process.hrtime.bigint() - t0) / 1000 / lines.length;
  if (native.status !== 0) throw new Error(`phc-check failed: ${native.stderr}`);

  const floorMs = median(fig.floor);
  const row = (what, xs, aim = '') => {
    const m = median(xs);
    console.log(`  ${what.padEnd(58)} ${`${m.toFixed(0)} ms`.padStart(8)}   ${(m / floorMs).toFixed(2).padStart(5)}${aim}`);
  };
  console.log(`\nload benchmark: ${RUNS} runs, 4x CPU slowdown, 1.6 Mbps, 150 ms latency (medians; x floor: the ratio to the counter)`);
  console.log(`  ${''.padEnd(58)} ${'median'.padStart(8)}   x floor`);
  row('bare Yew counter, first render (the floor)', fig.floor);
  row('bare Yew counter, first contentful paint', fig.floorPaint);
  row('start page, first contentful paint (FCP)', fig.fcp);
  row('start page, largest contentful paint (LCP)', fig.lcp, '   (aim: 0.55 or less)');
  row('start page, Start works (the app has taken it over)', fig.start);
  row('first question, Start pressed when it works', fig.question);
  row('first question, Start pressed at first sight (it waits)', fig.early);
  console.log(`  checker, last answer -> result in DOM   ${median(fig.resultDom).toFixed(1)} ms`);
  console.log(`  checker, last answer -> next frame      ${median(fig.result).toFixed(1)} ms (its animation frame, before that frame's style and layout)`);
  console.log(`  checker, last answer -> result painted  ${median(fig.interaction).toFixed(0)} ms (Event Timing, as INP counts it)`);
  const ratio = (a, b) => (median(a) / median(b)).toFixed(2);
  console.log(`host page, the widget two screens down, beside the same page without it (issue 26)`);
  console.log(`  bytes of ours before the widget is near  ${(median(fig.hostBytes) / 1024).toFixed(1)} KB brotli (aim: 15 KB or less)`);
  console.log(`  host's LCP                              ${median(fig.hostLcp).toFixed(0)} ms with, ${median(fig.bareLcp).toFixed(0)} ms without: ${ratio(fig.hostLcp, fig.bareLcp)}x (aim: 1.05x or less)`);
  console.log(`  long tasks before the widget is near    ${median(fig.hostLong)} with (${median(fig.hostLongMs).toFixed(0)} ms), ${median(fig.bareLong)} without (${median(fig.bareLongMs).toFixed(0)} ms) (aim: none of ours)`);
  console.log(`  widget in view -> its Start works       ${median(fig.nearToLive).toFixed(0)} ms (scrolling at 200 px/s; 0 or less: live before it showed)`);
  console.log(`the paper (issue 27), on the result: "Prepare the application" -> its form shown, title focused`);
  console.log(`  press -> form                           ${median(fig.paper).toFixed(0)} ms (${(median(fig.paperBytes) / 1024).toFixed(1)} KB brotli fetched: the module, its texts, the other language's, the stylesheet)`);
  console.log(`the result against the browser's floor (the same HTML swapped in by a bare click handler: the app's first frame, then the rest)`);
  console.log(`  bare swap, Continue -> result painted   ${median(fig.swap).toFixed(0)} ms (Event Timing), in the DOM ${median(fig.swapDom).toFixed(1)} ms`);
  console.log(`  checker / bare swap                     ${ratio(fig.interaction, fig.swap)}x (aim: 1.5x or less)`);
  console.log(`engine speed (no throttling, median of 25 batches of 400)`);
  console.log(`  check() in Chromium, JSON in -> object  ${browserUs.toFixed(1)} µs per decision`);
  console.log(`  phc-check --ndjson, native release      ${nativeUs.toFixed(1)} µs per decision (whole process, 20,000 requests)`);
} finally {
  await browser.close();
  app.server.close();
  floor.server.close();
}

/** Answers the scenario's questions from the start page up to "check your answers" (not past it). */
async function walkToCheckPage(page, answers) {
  await page.click('.phc-button-start');
  for (let i = 0; i < 30; i++) {
    const s = await screen(page);
    if (s === 'check') return;
    const id = s.replace('question:', '');
    if (!(id in answers)) throw new Error(`the app asked ${id}, which the scenario does not answer`);
    await answerQuestion(page, answers[id]);
    await page.waitForFunction((prev) => document.querySelector('.phc').getAttribute('data-screen') !== prev, s, { timeout: 120000 });
  }
  throw new Error('no "check your answers" page after 30 screens');
}
