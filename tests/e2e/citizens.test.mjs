// Issue 14: the journeys of real people, in their words. Each is walked in Chromium from the start
// page; the test checks the first sentence of the result, what it says to do now (the best route),
// and the screens it took (questions and "check your answers"; the aim is 8 or fewer), and prints
// the count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, chooseLanguage, texts } from './lib.mjs';
import { JOURNEYS, walkCounting } from './citizens.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const j of JOURNEYS) {
  test(`${j.who}: the answer, what to do now, and the screens it took`, async () => {
    const { context, page, problems } = await openPage(browser, { at: j.at });
    await chooseLanguage(page, 'en');
    const screens = await walkCounting(page, j.answers);
    console.log(`# screens: ${screens.length} (${j.who}): ${screens.join(', ')}`);
    // At most 8 (issue 23), unless the journey says why it takes more.
    assert.ok(screens.length <= (j.maxScreens ?? 8), `${screens.length} screens`);
    if (j.first) assert.equal((await page.textContent('.phc-result .phc-title')).trim(), j.first, 'the first sentence');
    // What to do now, in one sentence under the answer (issue 23).
    if (j.now) assert.match(await page.textContent('.phc-result .phc-now-line'), j.now);
    if (j.neutral) assert.equal(await page.getAttribute('.phc-panel', 'data-verdict'), 'no_change', 'nothing to change is no refusal');
    // The next step comes before the reasons, which are collapsed under "Why we say this".
    const order = await page.$$eval('.phc-result > *', (els) => els.map((e) => e.className || e.tagName));
    assert.ok(order.findIndex((c) => /phc-why/.test(c)) > order.findIndex((c) => /phc-checklist|phc-list/.test(c)), `next step before why: ${order}`);
    assert.equal(await page.$eval('.phc-why', (d) => d.open), false);
    const result = await page.textContent('.phc-result');
    if (j.next?.documents) assert.match((await texts(page, '.phc-checklist li')).join('\n'), j.next.documents);
    if (j.next?.how) assert.match(result, j.next.how);
    if (j.never) assert.doesNotMatch(result, j.never);
    if (j.next?.noPortal) assert.equal(await page.$$eval('.phc-link-portal', (l) => l.length), 0, 'no portal for them');
    if (j.best) assert.match(await page.textContent('.phc-best-route'), j.best);
    if (j.others) assert.match(await page.textContent('.phc-routes'), j.others);
    if (j.why) {
      await page.click('.phc-why summary');
      assert.match(await page.textContent('.phc-why'), j.why);
    }
    if (j.emergency) {
      const first = await page.$eval('.phc-result', (r) => [...r.children].filter((c) => !c.classList.contains('phc-back')).slice(0, 3).map((c) => c.textContent).join(' '));
      assert.match(first, /103/, 'the emergency number comes first: in the answer, or right under it');
    }
    await assertClean(page, problems);
    await context.close();
  });
}
