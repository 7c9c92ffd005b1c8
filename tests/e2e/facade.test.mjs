// Issue 26, item 1: the widget's facade. On connection `<phc-eligibility>` shows its start screen at
// once, built by static/phc-widget.js from the start view's texts (xtask/src/prerender.rs,
// `widget_views`), without the wasm; the wasm, its bindings and the language's texts load when the
// widget comes within about one screen of the viewport, on the first press, or on the element's
// `check()`. Here, in Chromium, the widget's files from nginx, on a host page two phone screens long
// above the widget, under the strict CSP:
//   - before the citizen scrolls, the page has fetched the widget's module and stylesheet only: no
//     wasm, no bindings, no texts; scrolling near brings it live (`ready`, `phc-ready`);
//   - the facade is the live start screen, element for element, in kk, ru and en and with the
//     attributes that change it;
//   - the take-over moves nothing, keeps the focus, and carries out a press made meanwhile (also a
//     language chosen on the facade, and a press that spans the take-over);
//   - check() works before any scroll; `loading="eager"` and a journey kept in the tab load at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, freshPage, URL_BASE, assertClean } from './lib.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'";
/** What the widget's first screen needs, brotli (issue 26: the aim for what a host pays before the widget is near). */
const FACADE_BUDGET = 15 * 1024;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * A host page at `/facade-host.html` (served by the test with the strict CSP; the widget's files from
 * nginx) with `widget` below two screens of the host's own text, recording layout shifts and the
 * widget's events; the wasm held back until `release()` when `hold`.
 */
async function hostPage({ widget = '<phc-eligibility id="w" service="attachment"></phc-eligibility>', lang = 'ru', hold = false, viewport } = {}) {
  const { context, page, problems } = await freshPage(browser, { viewport });
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
    <link rel="stylesheet" href="/facade-host.css"><script type="module" src="/phc-widget.js"></script>
    <script type="module" src="/facade-host.js"></script></head>
    <body><main><h1>Портал</h1><div class="tall"><input id="host-search" aria-label="Поиск"></div>${widget}<p>Подвал</p></main></body></html>`;
  const routes = {
    '/facade-host.html': ['text/html; charset=utf-8', html],
    '/facade-host.css': ['text/css', 'body { margin: 0; font: 16px/1.5 sans-serif } main { padding: 0 1rem } .tall { height: 1700px }'],
    '/facade-host.js': ['text/javascript', `
      window.__events = []; window.__shifts = [];
      for (const n of ['phc-ready', 'phc-step', 'phc-error']) document.addEventListener(n, (e) => window.__events.push(n + ' ' + e.target.id));
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });`],
  };
  for (const [path, [type, body]] of Object.entries(routes)) {
    await page.route(URL_BASE + path, (route) => route.fulfill({ status: 200, headers: { 'content-type': type, 'content-security-policy': CSP }, body }));
  }
  const requests = [];
  page.on('requestfinished', async (r) => {
    const sizes = await r.sizes().catch(() => null);
    requests.push({ path: new URL(r.url()).pathname, bytes: sizes?.responseBodySize ?? 0 });
  });
  let release = () => {};
  if (hold) {
    const gate = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  }
  await page.goto(URL_BASE + '/facade-host.html');
  await page.waitForSelector('#w >> .phc .phc-button-start');
  return { context, page, problems, requests, release: () => release() };
}

const isLive = (page, sel = '#w') => page.$eval(sel, (w) => !!w.shadowRoot.querySelector('.phc-host[data-phc-ready] .phc'));
const waitLive = (page, sel = '#w') => page.waitForFunction((s) => !!document.querySelector(s).shadowRoot.querySelector('.phc-host[data-phc-ready] .phc'), sel);
const ours = (requests) => requests.filter((r) => !r.path.startsWith('/facade-host'));

/** The widget's app element as tags, sorted attributes and text (as prerender.test.mjs compares pages). */
function shape(page, sel = '#w') {
  return page.$eval(sel, (w) => {
    const ser = (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent
      : n.nodeType !== Node.ELEMENT_NODE ? ''
        : `<${n.localName}${[...n.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('')}>${[...n.childNodes].map(ser).join('')}</${n.localName}>`);
    return ser(w.shadowRoot.querySelector('.phc'));
  });
}

function boxes(page, sel = '#w') {
  return page.$eval(sel, (w) => [w.shadowRoot.querySelector('.phc'), ...w.shadowRoot.querySelectorAll('.phc *')].map((e) => {
    const r = e.getBoundingClientRect();
    return `${e.localName}.${e.className} ${r.x},${r.y} ${r.width}x${r.height}`;
  }));
}

/** Scrolls the host page as a reader does, a little at a time, until the widget's top is in view. */
async function scrollTo(page, sel = '#w') {
  for (let i = 0; i < 60; i++) {
    const top = await page.$eval(sel, (w) => w.getBoundingClientRect().top);
    if (top < 800) return;
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(50);
  }
}

test('below the fold, the widget costs its start view only; near the viewport it goes live', async () => {
  const { context, page, problems, requests } = await hostPage();
  await page.waitForTimeout(1500);
  const before = ours(requests);
  const paths = before.map((r) => r.path);
  assert.ok(paths.includes('/phc-widget.js'), paths.join(' '));
  assert.ok(!paths.some((p) => /\.wasm$|phc-app-.*\.js$|messages-/.test(p)), `nothing of the app before the widget is near: ${paths.join(' ')}`);
  const bytes = before.reduce((n, r) => n + r.bytes, 0);
  assert.ok(bytes <= FACADE_BUDGET, `the host paid ${bytes} bytes for a widget it has not reached (aim: ${FACADE_BUDGET})`);
  assert.equal(await isLive(page), false);
  assert.deepEqual(await page.evaluate(() => window.__events), []);
  assert.equal(await page.evaluate(() => document.activeElement.localName), 'body', 'no focus taken');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'no scroll');

  await scrollTo(page);
  const version = await page.$eval('#w', (w) => w.ready);
  assert.match(version.current_edition, /\S/);
  assert.ok(await isLive(page));
  assert.deepEqual(await page.evaluate(() => window.__events), ['phc-ready w', 'phc-step w'], 'ready, then the start screen as a step');
  const after = ours(requests).map((r) => r.path);
  assert.ok(after.some((p) => p.endsWith('.wasm')) && after.some((p) => p.startsWith('/messages-ru-')), after.join(' '));
  await assertClean(page, problems);
  await context.close();
});

for (const [lang, attrs] of [['kk', ''], ['ru', ''], ['en', ''], ['ru', ' compact heading-level="3"'], ['en', ' service="home_visit" lang-switch="off"'], ['kk', ' heading-level="x"']]) {
  test(`[${lang}${attrs}] the facade is the live start screen, element for element, and the take-over moves nothing`, async () => {
    const { context, page, problems, release } = await hostPage({ widget: `<phc-eligibility id="w" lang="${lang}"${attrs}></phc-eligibility>`, hold: true, viewport: { width: 390, height: 844 } });
    await page.$eval('#w', (w) => w.scrollIntoView());
    await page.waitForTimeout(100);
    const facade = await shape(page);
    const where = await boxes(page);
    const shifts = await page.evaluate(() => window.__shifts.length);
    // The focus on the facade's Start, as a keyboard user leaves it.
    await page.$eval('#w', (w) => w.shadowRoot.querySelector('.phc-button-start').focus({ preventScroll: true }));
    assert.equal(await isLive(page), false, 'the wasm is held back: this is the facade');
    release();
    await waitLive(page);
    assert.equal(await shape(page), facade);
    assert.deepEqual(await boxes(page), where, 'every element where it was');
    assert.equal(await page.evaluate(() => window.__shifts.length), shifts, 'no layout shift at the take-over');
    assert.equal(await page.$eval('#w', (w) => w.shadowRoot.activeElement?.className), 'phc-button phc-button-start', 'the focus kept');
    assert.equal(await page.$eval('#w', (w) => w.shadowRoot.activeElement.closest('.phc-host').hasAttribute('data-phc-ready')), true, "on the app's own Start");
    await assertClean(page, problems);
    await context.close();
  });
}

test('Start pressed on the facade before the wasm arrives lands on the first question', async () => {
  const { context, page, problems, release } = await hostPage({ hold: true });
  await page.click('#w >> .phc-button-start');
  assert.equal(await page.getAttribute('#w >> .phc', 'aria-busy'), 'true', 'it says that it waits');
  release();
  await page.waitForSelector('#w >> .phc[data-screen^="question:"]');
  assert.equal(await page.getAttribute('#w >> .phc', 'data-screen'), 'question:reason');
  assert.equal(await page.$eval('#w', (w) => w.shadowRoot.activeElement?.classList.contains('phc-title')), true, "the first question's title has the focus");
  await assertClean(page, problems);
  await context.close();
});

test('a language chosen on the facade shows at once, and the app starts in it', async () => {
  const { context, page, problems, release } = await hostPage({ hold: true });
  await page.click('#w >> .phc-lang button[lang=en]');
  assert.equal(await page.getAttribute('#w >> .phc', 'lang'), 'en');
  assert.equal(await page.textContent('#w >> .phc-button-start'), 'Start now');
  await page.click('#w >> .phc-button-start');
  release();
  await page.waitForSelector('#w >> .phc[data-screen^="question:"]');
  assert.equal(await page.getAttribute('#w >> .phc', 'lang'), 'en');
  assert.equal(await page.getAttribute('#w', 'lang'), null, "the host's attribute is the host's");
  await assertClean(page, problems);
  await context.close();
});

test('a press that begins on the facade and ends after the take-over is a press', async () => {
  const { context, page, problems, release } = await hostPage({ hold: true });
  await page.$eval('#w', (w) => w.shadowRoot.querySelector('.phc-button-start').scrollIntoView({ block: 'center' }));
  const box = await (await page.$('#w >> .phc-button-start')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  release();
  await waitLive(page);
  await page.mouse.up();
  await page.waitForSelector('#w >> .phc[data-screen^="question:"]');
  await assertClean(page, problems);
  await context.close();
});

test("check() works before any scroll; the element's check() brings it live", async () => {
  const { context, page, problems } = await hostPage();
  const request = { service: 'home_visit', at: '2026-03-10T10:00:00+05:00', current_attachment: { attached: true, at_target_clinic: true } };
  const decision = await page.evaluate(async (r) => (await import('/phc-widget.js')).check(r, { lang: 'ru' }), request);
  assert.equal(decision.verdict, 'eligible');
  assert.equal(await isLive(page), false, 'the module alone answered: the widget far below stays a facade');
  const viaElement = await page.$eval('#w', (w, r) => w.check(r), request);
  assert.equal(viaElement.verdict, 'eligible');
  await page.$eval('#w', (w) => w.ready);
  assert.ok(await isLive(page));
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'no scroll');
  await assertClean(page, problems);
  await context.close();
});

test('loading="eager" goes live at once; so does a widget whose journey the tab kept', async () => {
  const { context, page, problems } = await hostPage({ widget: '<phc-eligibility id="w" loading="eager"></phc-eligibility>' });
  await page.$eval('#w', (w) => w.ready);
  assert.ok(await isLive(page));
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await assertClean(page, problems);
  await context.close();

  const second = await hostPage({ widget: '<phc-eligibility id="w" lang="en"></phc-eligibility>', viewport: { width: 390, height: 844 } });
  await scrollTo(second.page);
  await second.page.$eval('#w', (w) => w.ready);
  await second.page.click('#w >> .phc-button-start');
  await second.page.check('#w >> input[value="attachment_self"]');
  await second.page.click('#w >> button[type=submit]');
  await second.page.waitForSelector('#w >> .phc[data-screen="question:reason"]');
  // Back on the host page in the same tab, at its top, the widget is where the citizen left it, at once.
  await second.page.evaluate(() => { history.scrollRestoration = 'manual'; window.scrollTo(0, 0); });
  await second.page.reload();
  await second.page.waitForSelector('#w >> .phc-host[data-phc-ready] .phc[data-screen="question:reason"]');
  assert.equal(await second.page.evaluate(() => window.scrollY), 0, 'no scroll');
  await assertClean(second.page, second.problems);
  await second.context.close();
});
