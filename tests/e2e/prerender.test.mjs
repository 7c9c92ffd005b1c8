// Issue 18, item 1: the start page is served prerendered (xtask/src/prerender.rs, one page per
// language: `/kk/`, `/ru/`, `/en/`, and `/` fitted to the browser by nginx), and the app takes it over
// (app/src/ui/mod.rs `start`, static/page.js). Here, in Chromium against nginx under the strict CSP:
//   - the prerendered page and the live app's start page are the same, element for element, in each
//     language (so they cannot drift), and so are the page's language and title;
//   - the take-over moves nothing: no layout shift, every element where it was, the same pixels;
//   - Start pressed before the wasm has arrived waits visibly, then reaches the first question, and so
//     does a press that begins before the take-over and ends after it; the focus stays where it was;
//     a language button works at once;
//   - `/` is fitted to the browser's language, or to the one chosen before; the address follows a
//     language switch; after one visit, switching language and the language pages work offline;
//   - the prerendered page passes axe, also while Start waits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, freshPage, assertClean, ready, underServiceWorker, chooseLanguage, URL_BASE } from './lib.mjs';
import { LANGS } from './scenarios.mjs';

const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * A fresh page whose wasm is held back until `release()`: the prerendered page stays as served.
 * Records CSP violations, errors and layout shifts from the first byte.
 */
async function heldPage({ locale = 'en-GB', viewport = { width: 390, height: 844 }, hold = true } = {}) {
  const { context, page, problems } = await freshPage(browser, { locale, viewport });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput }); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  let release = () => {};
  if (hold) {
    const gate = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  }
  return { context, page, problems, release: () => release() };
}

/** The app's element as a string of tags, sorted attributes and text: what both renderers must agree on. */
function shape(page, scope = '#phc-app > .phc') {
  return page.$eval(scope, (root) => {
    const ser = (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent
      : n.nodeType !== Node.ELEMENT_NODE ? ''
        : `<${n.localName}${[...n.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('')}>${[...n.childNodes].map(ser).join('')}</${n.localName}>`);
    return ser(root);
  });
}

/** Every element of the app with its box: where the take-over must leave each one. */
function boxes(page) {
  return page.$$eval('#phc-app > .phc, #phc-app > .phc *', (els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return `${e.localName}.${e.className} ${r.x},${r.y} ${r.width}x${r.height}`;
  }));
}

/** The app's element in the HTML the server sends for `path`, parsed anew: the page as served. */
async function servedShape(page, path) {
  const html = await page.evaluate(async (p) => (await fetch(p)).text(), path);
  await page.evaluate((h) => {
    const doc = new DOMParser().parseFromString(h, 'text/html');
    const holder = document.createElement('div');
    holder.id = 'parsed';
    holder.hidden = true;
    holder.append(document.importNode(doc.querySelector('#phc-app > .phc'), true));
    document.body.append(holder);
  }, html);
  const out = await shape(page, '#parsed > .phc');
  await page.evaluate(() => document.getElementById('parsed').remove());
  return out;
}

const takenOver = (page) => page.waitForSelector('#phc-app[data-phc-ready] > .phc');

for (const lang of LANGS) {
  test(`[${lang}] the prerendered start page is the app's start page, element for element, and the take-over moves nothing`, async () => {
    // A phone's width, tall enough for the whole page: a full-page screenshot would resize the
    // viewport, itself a layout shift.
    const { context, page, problems, release } = await heldPage({ viewport: { width: 390, height: 1500 } });
    await page.goto(`${URL_BASE}/${lang}/`);
    await page.waitForSelector('#phc-app > .phc .phc-button-start');
    assert.equal(await page.getAttribute('html', 'lang'), lang, 'the page says its language');
    assert.equal(await page.getAttribute('#phc-app > .phc', 'lang'), lang);
    assert.equal(await page.$('#phc-app[data-phc-ready]'), null, 'the wasm is held back: this is the prerendered page');
    const served = { shape: await shape(page), title: await page.title(), boxes: await boxes(page), pixels: await page.screenshot() };
    assert.equal(await servedShape(page, `/${lang}/`), served.shape, 'the served HTML is what the page shows');

    release();
    await takenOver(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const live = { shape: await shape(page), title: await page.title(), boxes: await boxes(page), pixels: await page.screenshot() };
    assert.equal(live.shape, served.shape, 'the same elements, attributes and texts');
    assert.equal(live.title, served.title, 'the same page title');
    assert.deepEqual(live.boxes, served.boxes, 'every element where it was');
    assert.ok(live.pixels.equals(served.pixels), 'the same pixels');
    const shifts = await page.evaluate(() => window.__shifts);
    assert.equal(shifts.reduce((sum, s) => sum + s.value, 0), 0, `no layout shift: ${JSON.stringify(shifts)}`);
    await assertClean(page, problems);
    await context.close();
  });

  test(`[${lang}] the prerendered page is what the live app shows after a switch to ${lang}`, async () => {
    const other = LANGS.find((l) => l !== lang);
    const { context, page, problems } = await heldPage({ hold: false });
    await page.goto(`${URL_BASE}/${other}/`);
    await ready(page);
    // The app, started in another language, switched to this one by the citizen.
    await chooseLanguage(page, lang);
    assert.equal(await shape(page), await servedShape(page, `/${lang}/`), `the live app's start page in ${lang} is the page served at /${lang}/`);
    assert.equal(new URL(page.url()).pathname, `/${lang}/`, 'the address follows the language');
    await assertClean(page, problems);
    await context.close();
  });
}

test('Start pressed before the app has arrived waits, says so, and then reaches the first question', async () => {
  const { context, page, problems, release } = await heldPage();
  await page.goto(`${URL_BASE}/en/`);
  await page.click('.phc-button-start');
  assert.ok(await page.$('#phc-app[data-phc-begin]'), 'the press is kept');
  assert.equal(await page.getAttribute('.phc-button-start', 'aria-disabled'), 'true', 'the button says it cannot act yet');
  assert.equal(await page.getAttribute('#phc-app > .phc', 'aria-busy'), 'true', 'the page says it is busy');
  const after = await page.$eval('.phc-button-start', (b) => getComputedStyle(b, '::after').content);
  assert.equal(after, '" …"', 'and shows that it waits');
  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()).violations;
  assert.deepEqual(violations.map((v) => v.id), [], 'axe, while Start waits');
  release();
  await page.waitForSelector('.phc[data-screen="question:service"]');
  assert.equal(await page.$('#phc-app[data-phc-begin]'), null);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('phc-title')), true, 'the question takes the focus, as after any press');
  // The press made a history entry like any other: Back returns to the start page.
  await page.goBack();
  await page.waitForSelector('.phc[data-screen="start"]');
  await assertClean(page, problems);
  await context.close();
});

for (const how of ['pointer', 'Space']) {
  test(`a press (${how}) that begins on the page's Start and ends on the app's is a press; released elsewhere, none`, async () => {
    for (const release_on of ['Start', 'elsewhere']) {
      if (how === 'Space' && release_on === 'elsewhere') continue;
      const { context, page, problems, release } = await heldPage();
      await page.goto(`${URL_BASE}/en/`);
      const start = await page.waitForSelector('.phc-button-start');
      await start.scrollIntoViewIfNeeded();
      const box = await start.boundingBox();
      if (how === 'pointer') {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
      } else {
        await page.focus('.phc-button-start');
        await page.keyboard.down(' ');
      }
      release();
      await takenOver(page);
      if (how === 'pointer') {
        if (release_on === 'elsewhere') await page.mouse.move(box.x + box.width / 2, box.y - 200);
        await page.mouse.up();
      } else {
        await page.keyboard.up(' ');
      }
      if (release_on === 'Start') {
        await page.waitForSelector('.phc[data-screen="question:service"]');
      } else {
        await page.waitForTimeout(300);
        assert.equal(await page.getAttribute('.phc', 'data-screen'), 'start', 'released away from Start: no press');
      }
      await assertClean(page, problems);
      await context.close();
    }
  });
}

test('the focus stays where the citizen put it when the app takes the page over', async () => {
  const { context, page, problems, release } = await heldPage();
  await page.goto(`${URL_BASE}/en/`);
  await page.waitForSelector('.phc-button-start');
  await page.focus('.phc-button-start');
  release();
  await takenOver(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('#phc-app[data-phc-ready]') && document.activeElement.classList.contains('phc-button-start')), true,
    "the app's own Start button has the focus");
  await page.keyboard.press('Enter');
  await page.waitForSelector('.phc[data-screen="question:service"]');
  await assertClean(page, problems);
  await context.close();
});

test('a language button works before the app has arrived: that language\'s page, the choice kept', async () => {
  const { context, page, problems, release } = await heldPage();
  await page.goto(`${URL_BASE}/en/`);
  await page.click('.phc-lang button[lang=ru]');
  await page.waitForURL(`${URL_BASE}/ru/`);
  await page.waitForSelector('#phc-app > .phc[lang=ru]');
  assert.equal(await page.evaluate(() => localStorage.getItem('phc.lang')), 'ru', 'stored, as the app stores it');
  release();
  await ready(page);
  assert.equal(await page.getAttribute('.phc', 'lang'), 'ru', 'the app starts in it');
  await assertClean(page, problems);
  await context.close();
});

for (const [locale, lang] of [['ru-RU', 'ru'], ['en-US', 'en'], ['kk-KZ', 'kk'], ['de-DE', 'kk']]) {
  test(`\`/\` is the start page in the browser's language (${locale}: ${lang}), at once`, async () => {
    const { context, page, problems } = await heldPage({ locale, hold: false });
    const pages = [];
    page.on('request', (r) => { if (r.isNavigationRequest()) pages.push(new URL(r.url()).pathname); });
    await page.goto(`${URL_BASE}/`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await ready(page);
    assert.equal(await page.getAttribute('.phc', 'lang'), lang);
    assert.deepEqual(pages, ['/'], 'one page: no redirect');
    await assertClean(page, problems);
    await context.close();
  });
}

test('`/` opens the page in the language chosen on the device before, whatever the browser says', async () => {
  const { context, page, problems } = await heldPage({ locale: 'ru-RU', hold: false });
  await page.goto(`${URL_BASE}/ru/`);
  await ready(page);
  await chooseLanguage(page, 'kk');
  assert.equal(new URL(page.url()).pathname, '/kk/', 'the address follows the switch');
  await page.goto(`${URL_BASE}/#1.zz`);
  await page.waitForURL(`${URL_BASE}/kk/#1.zz`);
  await ready(page);
  assert.equal(await page.getAttribute('.phc', 'lang'), 'kk');
  assert.ok(await page.$('.phc-start [role=alert]'), 'the fragment went along (here a damaged link, said so)');
  await assertClean(page, problems);
  await context.close();
});

test('after one visit, the language switch works offline: in the app, and on the language pages', async () => {
  const { context, page, problems } = await heldPage({ hold: false });
  await page.goto(`${URL_BASE}/en/`);
  await ready(page);
  await underServiceWorker(page);
  await context.setOffline(true);
  // In the app: the texts from the offline copy, the address follows.
  await chooseLanguage(page, 'ru');
  assert.match(await page.textContent('.phc-title'), /Проверьте/);
  assert.equal(new URL(page.url()).pathname, '/ru/');
  // A reload offline opens the Russian page, and the app takes it over in Russian.
  await page.reload();
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  await ready(page);
  assert.equal(await page.getAttribute('.phc', 'lang'), 'ru');
  // Each language's page, offline.
  for (const lang of LANGS) {
    await page.goto(`${URL_BASE}/${lang}/`);
    await ready(page);
    assert.equal(await page.getAttribute('.phc', 'lang'), lang, `/${lang}/ offline`);
    assert.equal(await page.$('.phc-crash'), null, `/${lang}/ started offline`);
  }
  await page.click('.phc-button-start');
  await page.waitForSelector('.phc[data-screen="question:service"]');
  await context.setOffline(false);
  await assertClean(page, problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)));
  await context.close();
});

for (const lang of LANGS) {
  test(`[${lang}] the prerendered page passes axe before the app has arrived`, async () => {
    const { context, page, release } = await heldPage({ locale: LOCALES[lang] });
    await page.goto(`${URL_BASE}/${lang}/`);
    await page.waitForSelector('.phc-button-start');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    assert.ok(result.passes.length > 10, 'axe ran its rules');
    release();
    await context.close();
  });
}

test('with JavaScript off the prerendered page reads, without buttons that would do nothing', async () => {
  const context = await browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${URL_BASE}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.ok(await page.isVisible('.phc-start h1'), 'the start page is there');
  assert.equal(await page.isVisible('.phc-button-start'), false);
  assert.equal(await page.isVisible('.phc-lang'), false);
  assert.match(await page.textContent('#phc-app noscript'), /JavaScript/);
  await context.close();
});
