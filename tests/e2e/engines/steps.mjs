// Interprets the steps of journeys.mjs through the driver interface (driver.mjs): the same code for
// Chromium, Firefox and WebKit.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { until, within, freePort } from './driver.mjs';
import { SITUATIONS, AT } from '../journeys.mjs';
import { reference, URL_BASE } from '../lib.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The standalone app once it has taken over the prerendered start page it is served with (issue 18:
 * before, the page's buttons are the prerendered ones; tests/e2e/prerender.test.mjs tests those).
 */
const APP = '#phc-app[data-phc-ready] .phc .phc-title';

/** `host >> ` before a selector inside a widget; nothing in the standalone app. */
const inside = (host) => (host ? `${host} >> ` : '');

/**
 * nginx with the project's own configuration (deploy/nginx.conf) over dist/, on a port of its own, for
 * a step that needs to stop the server (the offline test): the shared server of the run stays up.
 */
async function ownServer() {
  const port = await freePort();
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'phc-nginx-'));
  const conf = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replaceAll('@PREFIX@', prefix).replaceAll('@ROOT@', path.join(ROOT, 'dist')).replaceAll('@PORT@', String(port));
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const child = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(base + '/')).ok, `nginx on ${base}`);
  let stopped = false;
  return {
    base,
    async stop() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      await new Promise((r) => { if (child.exitCode !== null) r(); else child.once('exit', r); });
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

async function screen(page, host) {
  return page.run(({ q }, sel) => q(sel)?.getAttribute('data-screen') ?? null, `${inside(host)}.phc`);
}

async function waitFor(page, sel, what = sel) {
  await until(() => page.run(({ q }, s) => !!q(s), sel), what);
}

/** Gives `value` to the question shown: a date as three fields, a set of boxes, or one option. */
async function answerQuestion(page, host, value) {
  const w = inside(host);
  if (Array.isArray(value) && value.length === 3 && /^\d{4}$/.test(value[2] ?? '')) {
    for (let i = 0; i < 3; i++) await page.type(`${w}#phc-field-${i}`, value[i]);
  } else if (Array.isArray(value)) {
    for (const v of value.length ? value : ['none']) await page.click(`${w}input[value="${v}"]`);
  } else {
    await page.click(`${w}input[value="${value}"]`);
  }
  await page.click(`${w}button[type=submit]`);
}

const STEPS = {
  async open(s, { open, server, widgets }) {
    let url;
    if (open === 'share link') {
      assert.ok(s.shared, 'a share link was made before');
      url = s.shared;
    } else {
      let base = URL_BASE;
      if (server === 'own') {
        s.server = await ownServer();
        base = s.server.base;
      }
      url = base + open;
    }
    // One page at a time (WebKitWebDriver allows one session): the previous page closes first.
    await s.page?.close();
    s.page = await s.engine.newPage();
    await s.page.goto(url);
    for (const host of widgets ?? [null]) {
      await waitFor(s.page, host ? `${inside(host)}.phc .phc-title` : APP, `${host ?? 'the app'} shown`);
      if (!host) continue;
      // What shows first is the widget's start screen without the checker (issue 26): it goes live
      // when near the viewport. Brought into view as a citizen scrolls to it, then live, so that a
      // driver's press finds the element it located (WebKit's driver may press a detached one).
      await s.page.run((_, h) => document.querySelector(h).scrollIntoView({ block: 'start' }), host);
      await waitFor(s.page, `${inside(host)}.phc-host[data-phc-ready] .phc .phc-title`, `${host} live`);
    }
  },

  async language(s, { language, in: host }) {
    const w = inside(host);
    await s.page.click(`${w}.phc-lang button[lang=${language}]`);
    await waitFor(s.page, `${w}.phc[lang=${language}]`);
  },

  async answer(s, { answer, in: host, preset = [] }) {
    const { answers } = SITUATIONS[answer];
    const w = inside(host);
    await s.page.click(`${w}.phc-button-start`);
    await until(async () => (await screen(s.page, host)) !== 'start', 'the first question');
    const seen = [];
    for (let i = 0; i < 40; i++) {
      const shown = await screen(s.page, host);
      if (shown === 'result') {
        const unasked = Object.keys(answers).filter((k) => !seen.includes(k) && !preset.includes(k));
        assert.deepEqual(unasked, [], 'every answer of the situation was asked (else its reference request is wrong)');
        // The whole result: its actions and reasons come once its first frame is painted.
        await waitFor(s.page, `${w}.phc-result`, 'the whole result');
        return;
      }
      if (shown === 'check') {
        await s.page.click(`${w}.phc-check-page .phc-button`);
      } else {
        const id = shown.replace(/^question:/, '');
        assert.ok(id in answers, `the app asked ${id}, which the situation does not answer (asked so far: ${seen})`);
        seen.push(id);
        await answerQuestion(s.page, host, answers[id]);
      }
      await until(async () => (await screen(s.page, host)) !== shown, `the screen after ${shown}`);
    }
    throw new Error('no result after 40 screens');
  },

  async result(s, { result, lang, in: host }) {
    const ref = reference(SITUATIONS[result].request, lang);
    assert.equal(ref.verdict, SITUATIONS[result].verdict, 'phc-check agrees with the situation');
    await waitFor(s.page, `${inside(host)}.phc-result`);
    const shown = await s.page.run(({ q }, w) => ({
      verdict: q(`${w}.phc-result [data-verdict] .phc-title`)?.textContent.trim(),
      all: q(`${w}.phc-result`).textContent.replace(/\s+/g, ' '),
      lang: q(`${w}.phc`).getAttribute('lang'),
      html: document.documentElement.getAttribute('lang'),
    }), inside(host));
    assert.equal(shown.verdict, ref.text.verdict, 'the verdict sentence');
    const norm = (t) => t.replace(/\s+/g, ' ').trim();
    for (const d of ref.documents ?? []) assert.ok(shown.all.includes(norm(d.text)), `document shown: ${d.text}`);
    // The campaign's dates only on the campaign's way (issue 23).
    const dates = (ref.text.dates ?? []).filter((d) => SITUATIONS[result].request.reason === 'campaign' || !d.key.startsWith('campaign_'));
    for (const d of dates) assert.ok(shown.all.includes(norm(d.text)), `date shown: ${d.text}`);
    assert.equal(shown.lang, lang, 'the app says its language');
    if (!host) assert.equal(shown.html, lang, 'the page says its language');
  },

  async screen(s, { screen: want, in: host }) {
    assert.equal(await screen(s.page, host), want, `${host ?? 'the app'} shows ${want}`);
  },

  async fragment(s, { fragment }) {
    assert.equal(new URL(await s.page.url()).hash, fragment, 'the address fragment');
  },

  async recordEvents(s) {
    await s.page.run(() => {
      const seen = document.__phcEvents = [];
      for (const n of ['phc-ready', 'phc-step', 'phc-result', 'phc-error']) {
        document.addEventListener(n, (e) => seen.push({ name: n, target: e.target.id, detail: e.detail, composed: e.composed }));
      }
    });
  },

  async resultEvent(s, { resultEvent, in: host }) {
    const lang = await s.page.run(({ q }, sel) => q(sel).getAttribute('lang'), `${inside(host)}.phc`);
    const ref = reference(SITUATIONS[resultEvent].request, lang);
    const events = await s.page.run(() => document.__phcEvents);
    const mine = events.filter((e) => e.target === host.slice(1));
    const results = mine.filter((e) => e.name === 'phc-result');
    assert.equal(results.length, 1, `one phc-result from ${host}`);
    assert.ok(results[0].composed, 'composed');
    // The decision the page shows, with its texts in the widget's language.
    assert.deepEqual(results[0].detail, ref, 'the decision the host receives is phc-check\'s');
    for (const e of mine.filter((x) => x.name === 'phc-step')) assert.deepEqual(Object.keys(e.detail), ['step'], 'a step carries no answer');
  },

  async hostileCss(s) {
    // Through the CSSOM, into the host page's own stylesheet: the strict CSP forbids inline styles.
    const rules = await s.page.run(() => {
      const sheet = [...document.styleSheets].find((x) => x.href && x.href.endsWith('/demo.css'));
      for (const r of ['* { all: unset !important; }', 'button { display: none !important; }',
        '.phc, .phc-button, .phc-title { display: none !important; color: red !important; }', 'input { visibility: hidden !important; }']) {
        sheet.insertRule(r, sheet.cssRules.length);
      }
      return sheet.cssRules.length;
    });
    assert.ok(rules >= 4);
  },

  /**
   * A widget added far below the fold shows its start screen at once, without the checker (issue 26),
   * and a press on its Start made then is carried out once the checker has taken it over.
   */
  async facade(s, { facade: lang }) {
    const before = await s.page.run((_, l) => {
      const spacer = document.createElement('div');
      spacer.style.height = '6000px';
      const w = document.createElement('phc-eligibility');
      w.id = 'far-widget';
      w.setAttribute('lang', l);
      document.querySelector('main').append(spacer, w);
      const shown = {
        start: w.shadowRoot?.querySelector('.phc[data-screen="start"] .phc-button-start')?.textContent ?? null,
        live: !!w.shadowRoot?.querySelector('.phc-host[data-phc-ready]'),
      };
      // Pressed at once, while it is the start screen alone.
      w.shadowRoot?.querySelector('.phc-button-start')?.click();
      return shown;
    }, lang);
    assert.equal(before.live, false, 'not live while far from the viewport');
    assert.ok(before.start, 'its start screen shown at once, without the checker');
    await until(async () => /^question:/.test((await screen(s.page, '#far-widget')) ?? ''), 'the first question after a press on the start screen');
    assert.equal(await s.page.run(({ q }) => q('#far-widget >> .phc').getAttribute('lang')), lang);
  },

  async unharmed(s, { unharmed: host }) {
    const look = await s.page.run(({ q }, sel) => {
      const b = q(sel);
      const r = b.getBoundingClientRect();
      return { width: r.width, height: r.height, bg: getComputedStyle(b).backgroundColor, display: getComputedStyle(b).display };
    }, `${host} >> .phc-button-start`);
    assert.ok(look.width > 40 && look.height > 30, `the start button is still shown: ${JSON.stringify(look)}`);
    assert.equal(look.bg, 'rgb(0, 112, 60)', 'the widget keeps its own colours');
  },

  async serviceWorker(s) {
    await s.page.run(async () => { await navigator.serviceWorker.ready; });
    await s.page.reload();
    await until(() => s.page.run(() => navigator.serviceWorker.controller !== null), 'the service worker controls the page');
    await waitFor(s.page, APP, 'the app shown');
  },

  async network(s, { network }) {
    assert.equal(network, 'off');
    await s.server.stop();
    await assert.rejects(fetch(s.server.base + '/'), 'the server is gone');
  },

  async reload(s) {
    await s.page.reload();
    await waitFor(s.page, APP, 'the app shown after the reload');
  },

  async share(s) {
    await s.page.click('.phc-action-share');
    await waitFor(s.page, '#phc-share-link');
    const link = await s.page.run(({ q }) => q('#phc-share-link').value);
    const url = new URL(link);
    assert.equal(url.search, '', 'never the query string');
    assert.match(url.hash, /^#1\.a0\./, 'versioned and compact');
    assert.equal(new URL(await s.page.url()).hash, url.hash, 'the address holds it too');
    // "Copy the link": the page says so (and `clean` then finds no rejected clipboard promise).
    await s.page.click('.phc-share .phc-button');
    await until(() => s.page.run(({ q }) => q('.phc-share [role=status]').textContent.trim() !== ''), 'the copied message');
    s.shared = link;
  },

  /**
   * The result's paper (issue 27): its module fetched on the press, the form a modal dialog with its
   * title focused, a name typed with real keys, the paper downloaded as text with it, and Close giving
   * the focus back to the button, the form and what was typed gone.
   */
  async paper(s, { paper: heading, title }) {
    assert.equal((await s.page.run(({ q }) => q('.phc-action-paper')?.textContent.trim())), heading);
    await s.page.click('.phc-action-paper');
    await waitFor(s.page, 'dialog.phc-paper-dialog[open] #phc-paper-title', 'the paper\'s form');
    await until(() => s.page.run(() => document.activeElement?.id === 'phc-paper-title'), 'its title focused');
    assert.equal(await s.page.run(({ q }) => q('dialog').matches(':modal')), true, 'a modal dialog');
    await s.page.type('#phc-paper-full-name', 'Akhmetova Gulnar');
    const file = await s.page.download('.phc-paper-download-text');
    assert.match(file.name, /^complaint-kk-\d{4}-\d{2}-\d{2}\.txt$/);
    assert.ok(file.text.includes('Akhmetova Gulnar') && file.text.includes(title), file.text);
    await s.page.click('.phc-paper-close');
    await until(() => s.page.run(() => !document.querySelector('dialog') && document.activeElement?.classList.contains('phc-action-paper')), 'the form gone, the focus on its button');
  },

  async calendar(s, { calendar, lang }) {
    const ref = reference(SITUATIONS[calendar].request, lang);
    const file = await s.page.download('.phc-action-calendar');
    assert.equal(file.name, 'phc-dates.ics');
    assert.ok(file.text.startsWith('BEGIN:VCALENDAR\r\n') && file.text.endsWith('END:VCALENDAR\r\n'), 'a calendar, CRLF lines');
    const unfolded = file.text.replace(/\r\n /g, '');
    const starts = [...unfolded.matchAll(/DTSTART;VALUE=DATE:(\d{8})\r\n/g)].map((m) => m[1]);
    const dates = Object.values(ref.dates).filter((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)).map((d) => d.replaceAll('-', ''));
    assert.ok(starts.length > 0, 'events');
    for (const d of starts) assert.ok(dates.includes(d), `event on ${d}, a date of the decision (${dates})`);
    assert.equal((unfolded.match(/BEGIN:VALARM/g) ?? []).length, starts.length, 'a reminder for each');
    assert.match(unfolded, /SUMMARY:[^\r\n]*[\u0400-\u04FF]/, 'in the chosen language (Kazakh)');
  },

  async api(s, { api }) {
    const requests = api.map(([service, lang]) => ({ request: { at: AT, ...SITUATIONS[service].request }, lang }));
    const got = await s.page.run(async (_, list) => {
      const m = await import('/phc-widget.js');
      const el = document.getElementById('main-widget');
      const out = [];
      for (const { request, lang } of list) {
        out.push([await m.check(request, { lang }), await el.check(JSON.stringify(request), { lang })]);
      }
      let error;
      try { await m.check({ service: 'attachment', at: '2026-02-31T10:00:00+05:00' }); } catch (e) { error = `${e.name}: ${e.message}`; }
      return { out, error, version: await m.version() };
    }, requests);
    api.forEach(([service, lang], i) => {
      const ref = reference(SITUATIONS[service].request, lang);
      assert.deepEqual(got.out[i][0], ref, `check() of the module, ${service} in ${lang}`);
      assert.deepEqual(got.out[i][1], ref, `check() of the element (a JSON string), ${service} in ${lang}`);
    });
    assert.match(got.error ?? 'resolved', /^TypeError: at: .*February 2026 has 28 days/, 'an impossible date is refused, naming the field');
    assert.ok(got.version.current_edition, 'version()');
  },

  async clean(s, { clean }) {
    const allow = clean?.allow;
    const probe = await s.page.run(() => document.__phcProbe ?? []);
    assert.deepEqual(probe, [], 'no CSP violation, uncaught error or unhandled rejection in the page');
    const errors = s.page.errors().filter((e) => !/favicon/.test(e) && !(allow && allow.test(e)));
    assert.deepEqual(errors, [], 'no page error');
  },
};

/**
 * What the page showed when a step failed, so that a failure seen once can be read afterwards: the
 * screen, address, focus, scroll and load state (added to the error), and a screenshot under
 * target/e2e-failures/. Bounded in time: a page that hangs must not hang its own record.
 */
async function record(s, journey, step) {
  // The driver's own messages, without the browser's GTK warnings.
  const log = (s.engine.log?.() ?? '').split('\n').filter((l) => l.trim() && !/-CRITICAL \*\*/.test(l)).join('\n  ');
  const driverLog = log ? `\n  driver log: ${log.slice(-1500)}` : '';
  if (!s.page) return `\n  no page open${driverLog}`;
  const bounded = (p) => within(p, 10000, 'no answer in 10 s');
  let text;
  try {
    const state = await bounded(s.page.run(({ q }) => {
      const app = q('.phc');
      const f = document.activeElement;
      return {
        screen: app?.getAttribute('data-screen') ?? null, result: q('.phc-result') ? 'whole' : q('.phc-result-first') ? 'first frame' : null,
        url: location.href, readyState: document.readyState, ready: !!q('#phc-app[data-phc-ready]'),
        focus: f ? `${f.tagName.toLowerCase()}.${f.className}` : null, scrollY: Math.round(scrollY),
        probe: document.__phcProbe ?? null,
      };
    }));
    text = `\n  the page then: ${JSON.stringify(state)}`;
  } catch (e) {
    text = `\n  the page did not answer: ${e.message}`;
  }
  try {
    const dir = path.join(ROOT, 'target/e2e-failures');
    fs.mkdirSync(dir, { recursive: true });
    const name = `${s.engine.name}-${journey.name}-${Object.keys(step)[0]}`.replace(/[^\w.-]+/g, '_');
    fs.writeFileSync(path.join(dir, `${name}.png`), await bounded(s.page.screenshot()));
    text += `\n  screenshot: target/e2e-failures/${name}.png`;
  } catch (e) {
    text += `\n  no screenshot: ${e.message}`;
  }
  return text + driverLog;
}

/** The longest a step may take (the longest, opening a page with its service worker, takes a few seconds). */
const STEP_TIMEOUT = 45000;

/** Runs one test of journeys.mjs in an engine; closes what it opened. */
export async function runJourney(engine, journey) {
  const s = { engine, page: null, server: null, shared: null };
  try {
    for (const step of journey.steps) {
      const kind = Object.keys(step)[0];
      const run = STEPS[kind];
      if (!run) throw new Error(`unknown step ${kind}`);
      try {
        // A step that hangs (a driver command that never answers) fails here with what the page
        // showed, rather than at the test's timeout with nothing to read.
        await within(run(s, step), STEP_TIMEOUT, `no answer after ${STEP_TIMEOUT / 1000} s`);
      } catch (e) {
        e.message = `step ${JSON.stringify(step)}: ${e.message}${await record(s, journey, step)}`;
        throw e;
      }
    }
  } finally {
    // Bounded too: a page that hangs must not keep the failure's message from being reported.
    await within(s.page?.close(), 15000, 'no close in 15 s').catch(() => {});
    await s.server?.stop();
  }
}
