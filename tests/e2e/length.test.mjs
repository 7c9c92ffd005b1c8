// Issue 23: the answer fits a phone, as a budget the test command gates, like the size gate for bytes.
// Every journey the browser tests walk (scenarios.mjs and the citizens' journeys of citizens.mjs), in
// Kazakh and Russian, on a 390 × 844 phone with the page's own fonts, as the result is first shown
// (everything but the answer collapsed):
// - the answer before "Why we say this" at most 1,700 px from the top of the page;
// - the whole page at most 2,600 px;
// - the answer and the sentence saying what to do now on the first screen (844 px).
// Each walk prints its figures (`# length …`), so the margin is seen before it runs out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, chooseLanguage, assertClean } from './lib.mjs';
import { SCENARIOS } from './scenarios.mjs';
import { JOURNEYS, walkCounting } from './citizens.mjs';

export const BUDGET = { beforeWhy: 1700, whole: 2600, screen: 844 };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const WALKS = [
  ...SCENARIOS.map((s) => ({ name: s.name, answers: s.answers })),
  ...JOURNEYS.map((j) => ({ name: j.who, answers: j.answers, at: j.at })),
];

/** Where the result's parts are, in px from the top of the page. */
async function measure(page) {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const at = (sel, edge) => {
      const e = document.querySelector(sel);
      return e ? Math.round(e.getBoundingClientRect()[edge] + window.scrollY) : null;
    };
    return {
      why: at('.phc-why', 'top'),
      whole: document.documentElement.scrollHeight,
      answer: at('.phc-panel', 'bottom'),
      take: at('.phc-take', 'top'),
      openDetails: document.querySelectorAll('.phc-result details[open]').length,
    };
  });
}

for (const lang of ['kk', 'ru']) {
  for (const w of WALKS) {
    test(`[${lang}] ${w.name}: the result fits a phone`, async () => {
      const { context, page, problems } = await openPage(browser, { at: w.at });
      await chooseLanguage(page, lang);
      await walkCounting(page, w.answers);
      const m = await measure(page);
      console.log(`# length [${lang}] ${w.name}: answer ends at ${m.answer} px, take-along at ${m.take} px, "why" at ${m.why} px, whole ${m.whole} px`);
      assert.equal(m.openDetails, 0, 'as first shown, everything but the answer is collapsed');
      assert.ok(m.why !== null, 'the result has its "Why we say this"');
      assert.ok(m.answer <= BUDGET.screen, `the answer and what to do now end at ${m.answer} px: past the first screen (${BUDGET.screen} px)`);
      assert.ok(m.why <= BUDGET.beforeWhy, `the answer before "Why" runs to ${m.why} px (budget ${BUDGET.beforeWhy} px)`);
      assert.ok(m.whole <= BUDGET.whole, `the whole page is ${m.whole} px (budget ${BUDGET.whole} px)`);
      await assertClean(page, problems);
      await context.close();
    });
  }
}

// The same budget inside a host page: the widget on the demo portal page (service preset), measured
// from the widget's own top, for the pensioner changing clinic.
for (const lang of ['kk', 'ru']) {
  test(`[${lang}] in the widget, a pensioner's result fits a phone`, async () => {
    const { context, page, problems } = await openPage(browser, { path: '/demo.html' });
    const w = '#main-widget';
    await page.waitForSelector(`${w} >> .phc .phc-title`);
    await page.click(`${w} >> .phc-lang button[lang=${lang}]`);
    await page.waitForSelector(`${w} >> .phc[lang=${lang}]`);
    await page.click(`${w} >> .phc-button-start`);
    const answers = JOURNEYS[0].answers;
    for (let i = 0; i < 20; i++) {
      const s = await page.getAttribute(`${w} >> .phc`, 'data-screen');
      if (s === 'check') {
        await page.click(`${w} >> .phc-check-page .phc-button`);
        break;
      }
      const id = s.replace('question:', '');
      // The preset service leaves "for whom" to its own question.
      const v = id === 'applicant' ? 'self' : answers[id];
      assert.ok(v !== undefined, `the widget asked ${id}`);
      if (Array.isArray(v) && v.length === 0) await page.check(`${w} >> input[value="none"]`);
      for (const one of Array.isArray(v) ? v : [v]) await page.check(`${w} >> input[value="${one}"]`);
      await page.click(`${w} >> button[type=submit]`);
      await page.waitForFunction(([sel, prev]) => document.querySelector(sel).shadowRoot.querySelector('.phc').getAttribute('data-screen') !== prev, [w, s]);
    }
    await page.waitForSelector(`${w} >> .phc-result`);
    await page.evaluate(() => document.fonts.ready);
    const m = await page.$eval(w, (host) => {
      const top = host.getBoundingClientRect().top;
      const at = (sel, edge) => Math.round(host.shadowRoot.querySelector(sel).getBoundingClientRect()[edge] - top);
      return { answer: at('.phc-panel', 'bottom'), why: at('.phc-why', 'top'), whole: Math.round(host.getBoundingClientRect().height) };
    });
    console.log(`# length [${lang}] widget, pensioner: answer ends at ${m.answer} px, "why" at ${m.why} px, whole ${m.whole} px (from the widget's top)`);
    assert.ok(m.answer <= BUDGET.screen, `the answer ends at ${m.answer} px of the widget`);
    assert.ok(m.why <= BUDGET.beforeWhy, `"Why" at ${m.why} px of the widget`);
    assert.ok(m.whole <= BUDGET.whole, `the widget is ${m.whole} px`);
    await assertClean(page, problems);
    await context.close();
  });
}
