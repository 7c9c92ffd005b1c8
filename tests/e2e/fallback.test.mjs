// Below the support matrix (README, docs/widget.md): a browser without WebAssembly, or with
// JavaScript off, gets the fallback message in the citizen's language with the link to the service
// on e-Gov, at once, instead of a blank or endlessly loading page (static/page.js, index.html's
// <noscript>). In Chromium: without WebAssembly (V8 without its JIT, `--jitless`, has no `WebAssembly`
// object, as a browser that predates it or runs with the JIT turned off for security) and with
// JavaScript disabled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { URL_BASE } from './lib.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

let noWasm;
let plain;
before(async () => {
  noWasm = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...ARGS, '--js-flags=--jitless'] });
  plain = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});
after(async () => { await noWasm?.close(); await plain?.close(); });

/** What the citizen sees in their language: the visible paragraph in `lang` and its links. */
async function seen(page, scope, lang) {
  return page.$eval(scope, (root, l) => {
    const p = [...root.querySelectorAll(`[lang="${l}"]`)].find((e) => e.tagName === 'P');
    const visible = (e) => !!e && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length > 0;
    return {
      visible: visible(p),
      text: p?.textContent.trim() ?? '',
      links: p ? [...p.querySelectorAll('a')].filter(visible).map((a) => a.href) : [],
      loading: visible(document.querySelector('.phc-loading')),
    };
  }, lang);
}

for (const [lang, locale] of Object.entries(LOCALES)) {
  test(`[${lang}] without WebAssembly the app page says so at once, with the e-Gov link`, async () => {
    const context = await noWasm.newContext({ locale });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(URL_BASE + '/');
    assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined', 'WebAssembly is really off');
    await page.waitForSelector('.phc-crash', { timeout: 8000 });
    assert.ok(Date.now() - started < 8000, 'not after the 20-second safety timer');
    const s = await seen(page, '.phc-crash', lang);
    assert.ok(s.visible, `the message in ${lang} is shown`);
    assert.ok(s.text.length > 20, s.text);
    assert.deepEqual(s.links, [`https://www.gov.kz/services/3176?lang=${lang}`], 'the service on e-Gov, in that language');
    assert.equal(s.loading, false, 'no "Loading…" left on the page');
    await context.close();
  });

  test(`[${lang}] with JavaScript disabled the app page says so, with the e-Gov link`, async () => {
    const context = await plain.newContext({ locale, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(URL_BASE + '/');
    const s = await seen(page, '#phc-app', lang);
    assert.ok(s.visible, `the message in ${lang} is shown`);
    assert.match(s.text, /JavaScript/);
    assert.deepEqual(s.links, [`https://www.gov.kz/services/3176?lang=${lang}`], 'the service on e-Gov, in that language');
    assert.equal(s.loading, false, 'no "Loading…" that never ends');
    await context.close();
  });
}

test('without WebAssembly each widget on a host page says the checker could not start, and tells the host', async () => {
  const context = await noWasm.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('phc-error', (e) => { (document.__errors ||= []).push([e.target.id, e.detail.message]); });
  });
  await page.goto(URL_BASE + '/demo.html');
  for (const id of ['main-widget', 'second-widget']) {
    const alert = await page.waitForSelector(`#${id} >> [role=alert]`, { timeout: 8000 });
    const text = await alert.textContent();
    for (const words of ['The checker could not start', 'Тексеру құралы ашылмады', 'Не удалось открыть проверку']) assert.ok(text.includes(words), text);
  }
  // The host's own content of the element, a link to the service, shows below the message.
  await page.evaluate(() => {
    const w = document.createElement('phc-eligibility');
    w.id = 'with-link';
    w.innerHTML = '<a href="https://www.gov.kz/services/3176?lang=ru">eGov</a>';
    document.querySelector('main').append(w);
  });
  await page.waitForSelector('#with-link >> [role=alert]', { timeout: 8000 });
  assert.ok(await page.isVisible('#with-link > a'), "the host's link is shown");
  const errors = await page.evaluate(() => document.__errors);
  assert.deepEqual(errors.map((e) => e[0]).sort(), ['main-widget', 'second-widget', 'with-link']);
  for (const [, m] of errors) assert.match(m, /could not start/);
  await context.close();
});

test("a widget that works hides the host's own content of the element", async () => {
  const context = await plain.newContext();
  const page = await context.newPage();
  await page.goto(URL_BASE + '/demo.html');
  await page.evaluate(() => {
    const w = document.createElement('phc-eligibility');
    w.id = 'with-link';
    w.innerHTML = '<a href="https://www.gov.kz/services/3176?lang=ru">eGov</a>';
    document.querySelector('main').append(w);
  });
  await page.waitForSelector('#with-link >> .phc .phc-title');
  assert.equal(await page.isVisible('#with-link > a'), false);
  await context.close();
});
