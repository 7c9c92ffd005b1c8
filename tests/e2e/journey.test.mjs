// Issue 14 items 5-7: the standalone app's Back and reload behave as a person expects, its page title
// says the screen (with "Error:" while the form has one); the widget is polite to its host page (no
// focus or scroll on load, its headings at the host's level, no second language switch when asked,
// "Print" prints the widget's result alone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, answerQuestion, chooseLanguage, ready, walkWidgetComplaint } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A fresh standalone page in English, on the complaint's date question. */
async function onComplaintDate() {
  const opened = await openPage(browser);
  const { page } = opened;
  await chooseLanguage(page, 'en');
  await page.click('.phc-button-start');
  await page.waitForSelector('.phc[data-screen="question:service"]');
  await answerQuestion(page, 'complaint');
  await page.waitForSelector('.phc[data-screen="question:refusal_received_on"]');
  return opened;
}

test('standalone: every screen is a history entry; the browser Back returns to the previous question', async () => {
  const { context, page, problems } = await onComplaintDate();
  await page.goBack();
  await page.waitForSelector('.phc[data-screen="question:service"]');
  assert.ok(await page.isChecked('input[value="complaint"]'), 'the answer is kept');
  await page.goBack();
  await page.waitForSelector('.phc[data-screen="start"]');
  // The app's own Back link is the browser's Back (the answer given is kept: Start goes on from it).
  await page.click('.phc-button-start');
  await page.waitForSelector('.phc[data-screen="question:refusal_received_on"]');
  await page.click('.phc-back');
  await page.waitForSelector('.phc[data-screen="start"]');
  assert.ok(page.url().startsWith('http://127.0.0.1'), 'still in the app');
  await assertClean(page, problems);
  await context.close();
});

test('standalone: a reload keeps the place and the answers, in the tab only', async () => {
  const { context, page, problems } = await onComplaintDate();
  for (const [i, v] of ['2', '2', '2026'].entries()) await page.fill(`#phc-field-${i}`, v);
  await page.click('button[type=submit]');
  await page.waitForSelector('.phc[data-screen="check"]');
  await page.reload();
  await page.waitForSelector('.phc[data-screen="check"]');
  assert.match(await page.textContent('.phc-check-page'), /2 February 2026/);
  const kept = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
  assert.deepEqual(kept, { session: ['phc.journey'], local: ['phc.lang'] });
  // Back after the reload still goes to the previous question.
  await page.goBack();
  await page.waitForSelector('.phc[data-screen="question:refusal_received_on"]');
  // A new tab starts afresh: the journey belongs to the tab.
  const other = await context.newPage();
  await other.goto(page.url());
  await ready(other);
  await other.waitForSelector('.phc[data-screen="start"]');
  await assertClean(page, problems);
  await context.close();
});

test('standalone: the page title names the screen, with "Error:" while the form shows one', async () => {
  const { context, page, problems } = await openPage(browser);
  await chooseLanguage(page, 'en');
  assert.equal(await page.title(), 'Check if you can attach to a clinic, call a doctor home, or complain – Primary health care: can I attach to a clinic?');
  await page.click('.phc-button-start');
  await page.waitForSelector('.phc[data-screen="question:service"]');
  assert.equal(await page.title(), 'What do you want to do? – Primary health care: can I attach to a clinic?');
  await page.click('button[type=submit]');
  await page.waitForSelector('.phc-error-summary');
  assert.equal(await page.title(), 'Error: What do you want to do? – Primary health care: can I attach to a clinic?');
  await chooseLanguage(page, 'ru');
  assert.match(await page.title(), /^Ошибка: /);
  await assertClean(page, problems);
  await context.close();
});

async function host(markup, { viewport = { width: 1000, height: 700 } } = {}) {
  const opened = await openPage(browser, { path: '/demo.html', viewport });
  const { page } = opened;
  await page.waitForSelector('#main-widget >> .phc .phc-title');
  await page.evaluate((m) => {
    // Far down the page, as on a long portal page, with the focus on the host's own search field.
    const spacer = document.createElement('div');
    spacer.style.height = '2000px';
    const input = document.createElement('input');
    input.id = 'host-search';
    document.querySelector('main').prepend(input, spacer);
    window.scrollTo(0, 0);
    input.focus();
    const holder = document.createElement('div');
    holder.innerHTML = m;
    document.querySelector('main').append(...holder.children);
  }, markup);
  return opened;
}

test('widget: no focus move and no scroll until the citizen acts; titles at the host\'s level', async () => {
  const { context, page, problems } = await host('<phc-eligibility id="polite" lang="en" heading-level="3"></phc-eligibility>');
  await page.waitForSelector('#polite >> .phc .phc-title');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'host-search', 'the host keeps its focus');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
  assert.equal(await page.evaluate(() => document.querySelectorAll('h1').length), 1, 'no second h1 on the page');
  assert.equal(await page.$eval('#polite >> .phc-title', (h) => h.tagName), 'H3');
  // Once the citizen acts, the new screen's title takes the focus (inside the widget).
  await page.click('#polite >> .phc-button-start');
  await page.waitForSelector('#polite >> .phc[data-screen="question:service"]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'polite');
  assert.equal(await page.$eval('#polite >> .phc-title', (h) => h.tagName), 'H3');
  assert.equal(await page.evaluate(() => document.querySelector('#polite').shadowRoot.activeElement?.className), 'phc-title');
  // Embedded without heading-level: h2.
  assert.equal(await page.$eval('#main-widget >> .phc-title', (h) => h.tagName), 'H2');
  await assertClean(page, problems);
  await context.close();
});

test('widget: lang-switch="off" hides its language switch; the home-visit widget is titled for home visits', async () => {
  const { context, page, problems } = await host('<phc-eligibility id="quiet" lang="ru" lang-switch="off" service="home_visit"></phc-eligibility>');
  await page.waitForSelector('#quiet >> .phc .phc-title');
  assert.equal(await page.$$eval('#quiet >> .phc-lang', (n) => n.length), 0);
  assert.equal((await page.textContent('#quiet >> .phc-brand')).trim(), 'ПМСП: вызов врача на дом');
  assert.equal(await page.$$eval('#main-widget >> .phc-lang', (n) => n.length), 1, 'shown by default');
  await assertClean(page, problems);
  await context.close();
});

test('widget: "Print" prints the widget\'s result alone, not the host page', async () => {
  const { context, page, problems } = await host('<phc-eligibility id="printer" lang="en" service="complaint" at="2026-04-20T10:00:00+05:00"></phc-eligibility>');
  await page.evaluate(() => {
    window.__frames = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.tagName === 'IFRAME') window.__frames.push(n);
    }).observe(document.body, { childList: true });
  });
  const w = '#printer';
  await walkWidgetComplaint(page, w);
  await page.click(`${w} >> .phc-action-print`);
  // The frame's document is built of nodes (no HTML text: a Trusted Types host allows that too).
  await page.waitForFunction(() => window.__frames.length === 1 && window.__frames[0].contentDocument?.querySelector('.phc-result'));
  const doc = await page.evaluate(() => window.__frames[0].contentDocument.documentElement.outerHTML);
  assert.ok(await page.evaluate(() => [...window.__frames[0].contentDocument.querySelectorAll('details')].every((d) => d.open)), 'the reasons open');
  assert.match(doc, /class="phc-result"/, 'the result is printed');
  assert.doesNotMatch(doc, /portal-header|eGov\.kz/, 'the host page is not');
  assert.match(doc, /<link rel="stylesheet" href="[^"]+\.css">/, 'with the widget\'s stylesheet');
  await page.waitForFunction(() => !document.querySelector('iframe.phc-print-frame'), null, { timeout: 5000 });
  await assertClean(page, problems);
  await context.close();
});
