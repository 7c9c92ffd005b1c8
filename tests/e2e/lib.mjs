// Shared by the browser tests: Debian's Chromium through playwright-core, the app served by nginx
// (PHC_URL, started by `cargo xtask test`), and phc-check (PHC_CHECK) as the reference for texts.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';

export const URL_BASE = process.env.PHC_URL ?? 'http://127.0.0.1:8080';
const CHECK = process.env.PHC_CHECK ?? 'target/debug/phc-check';

/** The moment every test runs at: Tuesday 10 March 2026, 10:00 in Kazakhstan. */
export const AT = '2026-03-10T10:00:00+05:00';

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A fresh context (empty storage) at the fixed moment and a page in it that records page errors,
 * console errors and CSP violations from its first byte (`assertClean` fails the test on any); not
 * yet navigated.
 */
export async function freshPage(browser, { locale = 'en-GB', viewport, at = AT, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ locale, viewport: viewport ?? { width: 390, height: 844 }, serviceWorkers });
  await context.clock.setFixedTime(new Date(at));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ||= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page, problems };
}

/** `freshPage` at `path`, once the app has taken the page over. */
export async function openPage(browser, { locale = 'en-GB', path = '/', viewport, at } = {}) {
  const { context, page, problems } = await freshPage(browser, { locale, viewport, at });
  await page.goto(URL_BASE + path);
  await ready(page);
  return { context, page, problems };
}

/**
 * Until the app has taken over the prerendered start page (issue 18: the page is served with it, and
 * the app replaces it with its own first render), or has said that it could not start. Tests of the
 * app's own behaviour start from here; tests/e2e/prerender.test.mjs tests the page before it.
 */
export async function ready(page) {
  await page.waitForFunction(() => {
    const root = document.getElementById('phc-app');
    return !root || !!root.querySelector('.phc-crash') || (root.hasAttribute('data-phc-ready') && !!root.querySelector('.phc'));
  });
}

/**
 * After a first visit of the app's page: once its service worker has the build's files (the offline
 * copy), the page reloaded under it, until the app has taken it over again.
 */
export async function underServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await ready(page);
}

export async function assertClean(page, problems) {
  const csp = await page.evaluate(() => window.__cspViolations ?? []);
  assert.deepEqual(csp, [], 'no Content-Security-Policy violation');
  assert.deepEqual(problems, [], 'no page error');
  // Every text from the message tables: a key shown as ⟦key⟧ is a text missing from the part of
  // the language file loaded so far (issue 26: the result's texts come in a second file).
  const keys = await page.evaluate(() => [document, ...[...document.querySelectorAll('phc-eligibility')].map((w) => w.shadowRoot).filter(Boolean)]
    .flatMap((root) => [...root.querySelectorAll('.phc')].flatMap((e) => e.textContent.match(/⟦[^⟧]*⟧/g) ?? [])));
  assert.deepEqual(keys, [], 'no message key shown instead of its text');
}

/** The app's screen; fails when it shows a message key instead of its text. */
export async function screen(page) {
  const [name, keys] = await page.$eval('.phc', (e) => [e.getAttribute('data-screen'), e.textContent.match(/⟦[^⟧]*⟧/g)]);
  assert.equal(keys, null, `a message key shown instead of its text on ${name}`);
  return name;
}

export async function chooseLanguage(page, lang) {
  await page.click(`.phc-lang button[lang=${lang}]`);
  await page.waitForSelector(`.phc[lang=${lang}]`);
}

/**
 * Answers the questions from `answers` (question id -> value) until the result page, whole: its
 * first frame (the answer and what to do now) and the rest that follows once that is painted.
 */
export async function walk(page, answers) {
  await page.click('.phc-button-start');
  const seen = [];
  for (let i = 0; i < 30; i++) {
    const s = await screen(page);
    if (s === 'result') {
      const unasked = Object.keys(answers).filter((k) => !seen.includes(k));
      assert.deepEqual(unasked, [], 'every answer of the scenario was asked (else its reference request is wrong)');
      await page.waitForSelector('.phc-result');
      return seen;
    }
    if (s === 'check') {
      await page.click('.phc-check-page .phc-button');
      continue;
    }
    const id = s.replace('question:', '');
    assert.ok(id in answers, `the app asked ${id}, which this scenario does not answer (asked so far: ${seen})`);
    seen.push(id);
    await answerQuestion(page, answers[id]);
    await page.waitForFunction((prev) => document.querySelector('.phc').getAttribute('data-screen') !== prev, s);
  }
  throw new Error('no result after 30 screens');
}

export async function answerQuestion(page, value) {
  if (Array.isArray(value) && value.length === 3 && /^\d+$/.test(value[2] ?? '') && value[2].length === 4) {
    for (let i = 0; i < 3; i++) await page.fill(`#phc-field-${i}`, value[i]);
  } else if (Array.isArray(value)) {
    if (value.length === 0) await page.check('input[value="none"]');
    for (const v of value) await page.check(`input[value="${v}"]`);
  } else {
    await page.check(`input[value="${value}"]`);
  }
  await page.click('button[type=submit]');
}

/** The decision phc-check gives for the same request, with texts in `lang`. */
export function reference(request, lang) {
  const r = spawnSync(CHECK, ['--lang', lang], { input: JSON.stringify({ at: AT, ...request }), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

export async function texts(page, selector) {
  return page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));
}

/**
 * In the widget `w` (a selector of its element) set to the complaint service: Start, a refusal
 * received on 2 February 2026, "check your answers", then its result, whole.
 */
export async function walkWidgetComplaint(page, w) {
  await page.waitForSelector(`${w} >> .phc .phc-title`);
  await page.click(`${w} >> .phc-button-start`);
  for (const [i, v] of ['2', '2', '2026'].entries()) await page.fill(`${w} >> #phc-field-${i}`, v);
  await page.click(`${w} >> button[type=submit]`);
  await page.click(`${w} >> .phc-check-page .phc-button`);
  await page.waitForSelector(`${w} >> .phc[data-screen=result] .phc-result`);
}
