// The portal widget <phc-eligibility> on the demo host page, served by nginx with
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openPage, assertClean, reference, AT, walkWidgetComplaint } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The demo page with every widget event recorded in window.__events. */
async function demo(extra = {}) {
  const opened = await openPage(browser, { path: '/demo.html', viewport: { width: 1100, height: 1400 }, ...extra });
  await opened.page.waitForSelector('#main-widget >> .phc .phc-title');
  await opened.page.waitForSelector('#second-widget >> .phc .phc-title');
  return opened;
}

async function recordEvents(page) {
  await page.evaluate(() => {
    window.__events = [];
    for (const n of ['phc-ready', 'phc-step', 'phc-result', 'phc-error']) {
      document.addEventListener(n, (e) => window.__events.push({ name: n, target: e.target.id, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));
    }
  });
}

const events = (page) => page.evaluate(() => window.__events);

async function answer(page, widget, value) {
  await page.check(`${widget} >> input[value="${value}"]`);
  await page.click(`${widget} >> button[type=submit]`);
}

test('two widgets render, get ready and report no CSP violation', async () => {
  const { context, page, problems } = await demo();
  const log = await page.$$eval('#log li', (ls) => ls.map((l) => l.textContent));
  assert.ok(log.some((l) => l.startsWith('main-widget: phc-ready')), log.join('\n'));
  assert.ok(log.some((l) => l.startsWith('second-widget: phc-ready')), log.join('\n'));
  assert.equal(await page.getAttribute('#second-widget >> .phc', 'lang'), 'kk', 'the lang attribute');
  assert.equal(await page.getAttribute('#main-widget >> .phc', 'lang'), 'ru', "the host page's language");
  assert.equal(await page.$$eval('#main-widget >> main', (m) => m.length), 0, 'no <main> inside a host page');
  await assertClean(page, problems);
  await context.close();
});

test('a walk through emits steps without answers, then the decision; widgets keep their own state', async () => {
  const { context, page, problems } = await demo();
  await recordEvents(page);
  const w = '#main-widget';
  await page.click(`${w} >> .phc-lang button[lang=en]`);
  await page.click(`${w} >> .phc-button-start`);
  // What happened comes first (issue 23), then for whom.
  for (const v of ['relocation', 'self', 'citizen']) await answer(page, w, v);
  for (const [i, v] of ['1', '3', '2026'].entries()) await page.fill(`${w} >> #phc-field-${i}`, v);
  await page.click(`${w} >> button[type=submit]`);
  // Moved within the unit (a ground under Order ҚР ДСМ-194/2020, ground 1), to a clinic there.
  for (const v of ['no', 'same']) await answer(page, w, v);
  await page.check(`${w} >> input[value="none"]`);
  await page.click(`${w} >> button[type=submit]`);
  await page.click(`${w} >> .phc-check-page .phc-button`);
  await page.waitForSelector(`${w} >> .phc-result`);
  const ev = await events(page);
  const steps = ev.filter((e) => e.name === 'phc-step');
  assert.ok(steps.length >= 8, JSON.stringify(steps));
  for (const s of steps) {
    assert.deepEqual(Object.keys(s.detail), ['step'], 'a step event carries only the step');
    assert.ok(s.composed && s.bubbles, 'composed and bubbling');
    assert.equal(s.target, 'main-widget');
  }
  assert.deepEqual(steps.map((s) => s.detail.step).slice(0, 3), ['question:reason', 'question:applicant', 'question:person.residency']);
  const results = ev.filter((e) => e.name === 'phc-result');
  assert.equal(results.length, 1);
  const ref = reference({
    service: 'attachment', applicant: 'self', person: { residency: 'citizen', categories: [] },
    reason: 'relocation', relocation: { moved_on: '2026-03-01', leaves_unit: false }, target_unit: 'same',
  }, 'en');
  // The event carries the decision the result page shows, made once, with its texts in the widget's
  // language: exactly what phc-check answers for the same request in that language.
  assert.deepEqual(results[0].detail, ref, 'the decision the host receives is the engine\'s');
  // The other widget did not move.
  assert.equal(await page.getAttribute('#second-widget >> .phc', 'data-screen'), 'start');
  await assertClean(page, problems);
  await context.close();
});

test('attribute changes apply, invalid ones fall back and report phc-error, reset() starts again', async () => {
  const { context, page, problems } = await demo();
  await recordEvents(page);
  await page.evaluate(() => document.getElementById('second-widget').setAttribute('lang', 'en'));
  await page.waitForSelector('#second-widget >> .phc[lang=en]');
  await page.evaluate(() => document.getElementById('second-widget').setAttribute('lang', 'fr'));
  let ev = await events(page);
  assert.ok(ev.some((e) => e.name === 'phc-error' && e.target === 'second-widget' && /lang: unknown language "fr"/.test(e.detail.message)), JSON.stringify(ev));
  await page.evaluate(() => document.getElementById('second-widget').setAttribute('at', '31.02.2026'));
  ev = await events(page);
  assert.ok(ev.some((e) => e.name === 'phc-error' && /^at: /.test(e.detail.message)), JSON.stringify(ev));
  await page.evaluate(() => document.getElementById('second-widget').setAttribute('service', 'teleport'));
  ev = await events(page);
  assert.ok(ev.some((e) => e.name === 'phc-error' && /service: unknown value "teleport"/.test(e.detail.message)));
  // A valid service starts there; the widget still works.
  await page.evaluate(() => document.getElementById('second-widget').setAttribute('service', 'complaint'));
  await page.click('#second-widget >> .phc-button-start');
  assert.equal(await page.getAttribute('#second-widget >> .phc', 'data-screen'), 'question:refusal_received_on');
  await page.evaluate(() => document.getElementById('second-widget').reset());
  await page.waitForSelector('#second-widget >> .phc[data-screen=start]');
  // A fixed `at` (not the clock's 10 March) is used for the dates.
  await page.evaluate(() => document.getElementById('second-widget').setAttribute('at', '2026-04-20T19:30:00+05:00'));
  await page.click('#second-widget >> .phc-button-start');
  for (const [i, v] of ['2', '2', '2026'].entries()) await page.fill(`#second-widget >> #phc-field-${i}`, v);
  await page.click('#second-widget >> button[type=submit]');
  await page.click('#second-widget >> .phc-check-page .phc-button');
  const dates = await page.$$eval('#second-widget >> .phc-timeline li', (ls) => ls.map((l) => l.textContent));
  assert.ok(dates.some((d) => d.includes('21 April 2026')), `accepted the next working day after the fixed at (19:30): ${dates}`);
  assert.ok(dates.some((d) => d.includes('4 May 2026')), `2 May 2026 is a Saturday: the deadline moves to Monday: ${dates}`);
  await assertClean(page, problems);
  await context.close();
});

test('portal-url is where "apply online" points (a javascript: address is refused); compact changes the size', async () => {
  const { context, page, problems } = await demo();
  await recordEvents(page);
  await page.evaluate(() => {
    const w = document.createElement('phc-eligibility');
    w.id = 'attr-widget';
    for (const [k, v] of Object.entries({ lang: 'en', service: 'complaint', at: '2026-04-20T10:00:00+05:00', 'portal-url': 'https://portal.example.kz/complain' })) w.setAttribute(k, v);
    document.querySelector('main').append(w);
  });
  const w = '#attr-widget';
  await walkWidgetComplaint(page, w);
  assert.equal(await page.getAttribute(`${w} >> .phc-link-portal`, 'href'), 'https://portal.example.kz/complain');
  // A script address is never linked: phc-error, and the service page of the portal instead.
  await page.evaluate(() => document.getElementById('attr-widget').setAttribute('portal-url', 'javascript:alert(1)'));
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'phc-error' && e.target === 'attr-widget' && /^portal-url: /.test(e.detail.message)));
  await page.waitForFunction(() => document.getElementById('attr-widget').shadowRoot.querySelector('.phc-link-portal')?.getAttribute('href')?.startsWith('https://www.gov.kz/services/3176'));
  const hrefs = await page.$$eval(`${w} >> a`, (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => !/^javascript:/i.test(h ?? '')), `no script links: ${hrefs}`);
  // compact: on and off.
  const size = () => page.$eval(`${w} >> .phc`, (el) => parseFloat(getComputedStyle(el).paddingTop));
  const normal = await size();
  await page.evaluate(() => document.getElementById('attr-widget').setAttribute('compact', ''));
  await page.waitForSelector(`${w} >> .phc.phc-compact`);
  assert.ok(await size() < normal, 'compact: less spacing');
  await page.evaluate(() => document.getElementById('attr-widget').removeAttribute('compact'));
  await page.waitForSelector(`${w} >> .phc:not(.phc-compact)`);
  assert.equal(await size(), normal);
  await assertClean(page, problems);
  await context.close();
});

test('hostile host CSS does not break the widget', async () => {
  const { context, page, problems } = await demo();
  await page.route('**/hostile.css', (r) => r.fulfill({ contentType: 'text/css', body: '* { all: unset !important; } button { display: none !important; } .phc, .phc-button { display: none !important; color: red !important; }' }));
  await page.evaluate(() => new Promise((res) => {
    const l = document.createElement('link');
    l.rel = 'stylesheet'; l.href = '/hostile.css'; l.onload = res;
    document.head.append(l);
  }));
  const box = await page.locator('#main-widget >> .phc-button-start').boundingBox();
  assert.ok(box && box.width > 40 && box.height > 30, `the start button is still shown: ${JSON.stringify(box)}`);
  const colour = await page.$eval('#main-widget', (w) => getComputedStyle(w.shadowRoot.querySelector('.phc-button-start')).backgroundColor);
  assert.equal(colour, 'rgb(0, 112, 60)', 'the widget keeps its own colours');
  await page.click('#main-widget >> .phc-button-start');
  assert.equal(await page.getAttribute('#main-widget >> .phc', 'data-screen'), 'question:reason');
  // And the widget changes nothing of the host page.
  assert.equal(await page.evaluate(() => typeof window.wasmBindings), 'undefined', 'no globals left on the host');
  await assertClean(page, problems);
  await context.close();
});

test('theming reaches in only through custom properties and parts', async () => {
  const { context, page } = await demo();
  const accent = await page.$eval('#second-widget', (w) => getComputedStyle(w.shadowRoot.querySelector('.phc-button-start')).backgroundColor);
  assert.equal(accent, 'rgb(12, 60, 120)', '--phc-accent from the host');
  const parts = await page.$eval('#main-widget', (w) => [...w.shadowRoot.querySelectorAll('[part]')].map((e) => e.getAttribute('part')));
  for (const p of ['header', 'main', 'button']) assert.ok(parts.includes(p), `part ${p}: ${parts}`);
  await context.close();
});

test('removing the element frees its app; a new one works; the wasm is fetched once', async () => {
  const wasm = [];
  const { context, page, problems } = await openPage(browser, { path: '/demo.html' });
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.waitForSelector('#second-widget >> .phc .phc-title');
  await page.evaluate(() => document.getElementById('second-widget').remove());
  await page.evaluate(() => {
    const w = document.createElement('phc-eligibility');
    w.id = 'third'; w.setAttribute('lang', 'en');
    document.querySelector('.portal-main').append(w);
  });
  await page.waitForSelector('#third >> .phc .phc-title');
  await page.click('#third >> .phc-button-start');
  assert.equal(await page.getAttribute('#third >> .phc', 'data-screen'), 'question:service');
  const detached = await page.evaluate(() => {
    const w = document.createElement('phc-eligibility');
    document.body.append(w);
    return new Promise((res) => setTimeout(() => { const had = !!w.shadowRoot?.querySelector('.phc'); w.remove(); res([had, w.shadowRoot.childNodes.length]); }, 500));
  });
  assert.deepEqual(detached, [true, 0], 'mounted, then emptied on removal');
  assert.ok(wasm.length <= 1, `the wasm fetched once at most after the first load: ${wasm}`);
  await assertClean(page, problems);
  await context.close();
});

test('check(): valid and invalid requests, from the element and the module', async () => {
  const { context, page, problems } = await demo();
  const r = await page.evaluate(async (at) => {
    const m = await import('/phc-widget.js');
    const el = document.getElementById('main-widget');
    const out = {};
    out.ok = await el.check({ service: 'complaint', at, refusal_received_on: '2026-02-01' }, { lang: 'ru' });
    out.text = await m.check(JSON.stringify({ service: 'home_visit', at, current_attachment: { attached: false } }));
    const cyclic = { service: 'attachment' }; cyclic.self = cyclic;
    const bad = [null, undefined, 42, 'not json', cyclic, { service: 'attachment', at: '2026-02-31T10:00:00Z' },
      { service: 'attachment', at, person: { residency: 'martian' } }, { service: 'x'.repeat(200000) }, { service: 'attachment', at, person: { eds: 'yes' } }];
    out.errors = [];
    for (const b of bad) {
      try { await m.check(b); out.errors.push('resolved'); } catch (e) { out.errors.push(`${e.name}: ${e.message}`); }
    }
    try { await m.check({ service: 'home_visit', at }, { lang: 'de' }); } catch (e) { out.errors.push(`${e.name}: ${e.message}`); }
    out.version = await m.version();
    out.elVersion = el.version;
    return out;
  }, AT);
  assert.equal(r.ok.verdict, 'eligible');
  assert.equal(r.ok.dates.complaint_deadline, '2026-05-04');
  assert.equal(r.ok.text.lang, 'ru');
  assert.equal(r.text.verdict, 'not_eligible');
  assert.equal(r.errors.length, 10);
  for (const e of r.errors) assert.match(e, /^TypeError: /, e);
  assert.match(r.errors[0], /request: missing/);
  assert.match(r.errors[3], /request: not valid JSON/);
  assert.match(r.errors[4], /cyclic/);
  assert.match(r.errors[5], /^TypeError: at: .*February 2026 has 28 days/);
  assert.match(r.errors[6], /person\.residency: unknown value "martian"/);
  assert.match(r.errors[7], /larger than 64 KiB/);
  assert.match(r.errors[8], /person\.eds: expected true or false/);
  assert.match(r.errors[9], /lang: unknown language "de"/);
  assert.equal(r.version.current_edition, 'order-194-2020-amended-2025');
  assert.deepEqual(r.elVersion, r.version);
  await assertClean(page, problems);
  await context.close();
});

test('axe finds no violation on the demo page, inside the shadow roots', async () => {
  const { context, page } = await demo();
  for (const state of ['start', 'question']) {
    if (state === 'question') await page.click('#main-widget >> .phc-button-start');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const v = result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    assert.deepEqual(v, [], `axe on the demo page (${state})`);
    const inShadow = result.passes.some((p) => p.nodes.some((n) => Array.isArray(n.target[0])));
    assert.ok(inShadow, 'axe looked inside the shadow roots');
  }
  await context.close();
});
