// The citizen app end to end, in Debian's Chromium, against dist/ served by nginx with the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, freshPage, assertClean, walk, reference, texts, screen, chooseLanguage, answerQuestion, ready, URL_BASE } from './lib.mjs';
import { SCENARIOS, LANGS } from './scenarios.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const lang of LANGS) {
  for (const s of SCENARIOS) {
    test(`[${lang}] ${s.name}`, async () => {
      const { context, page, problems } = await openPage(browser);
      await chooseLanguage(page, lang);
      await walk(page, s.answers);
      const ref = reference(s.request, lang);
      assert.equal(ref.verdict, s.verdict, 'the engine agrees with the scenario');
      // Another ground is the best way open (issue 23): the answer is that way's, its papers and dates.
      const best = ref.routes[0] && ref.routes[0].reason !== s.request.reason ? ref.routes[0] : null;
      if (best) {
        assert.equal(await page.getAttribute('.phc-panel', 'data-verdict'), best.verdict, 'the best way\'s verdict');
        assert.equal((await page.textContent('.phc-best-route')).trim(), best.text, 'the best way, named');
        assert.deepEqual(await texts(page, '.phc-checklist li'), best.documents.map((d) => d.text), 'its documents');
      } else if (s.request.service === 'attachment' && s.request.applicant !== 'self' && ref.verdict.startsWith('eligible')) {
        // Someone applying for another person reads the answer about that person (issue 23).
        assert.equal(await page.getAttribute('.phc-panel', 'data-verdict'), ref.verdict, 'the verdict');
        assert.match(await page.textContent('.phc-result h1'), lang === 'en' ? /^Your child can be attached/ : /ребёнка|Балаңызды/);
      } else {
        // The verdict sentence; a refusal and its why are the title and the line under it.
        const headline = (await page.textContent('.phc-result h1')).trim();
        assert.ok(ref.text.verdict.startsWith(headline), `the verdict sentence: ${headline}`);
        const panel = (await page.textContent('.phc-panel')).replace(/\s+/g, '');
        assert.ok(panel.startsWith(ref.text.verdict.replace(/\s+/g, '')), 'the whole verdict in the answer');
      }
      if (ref.verdict !== 'not_eligible' && !best) {
        assert.deepEqual(await texts(page, '.phc-checklist li'), ref.documents.map((d) => d.text), 'the documents');
      }
      if ((ref.verdict !== 'not_eligible' || ref.service === 'home_visit') && !best) {
        // The campaign's dates only on the campaign's way (issue 23).
        const dates = ref.text.dates.filter((d) => s.request.reason === 'campaign' || !d.key.startsWith('campaign_'));
        assert.deepEqual(await texts(page, '.phc-timeline li'), dates.map((d) => d.text), 'the dates');
      }
      const reasonTexts = await texts(page, '.phc-reason-text');
      for (const r of ref.reasons.filter((r) => r.outcome !== 'info')) {
        assert.ok(reasonTexts.includes(r.text), `reason shown: ${r.text}`);
      }
      assert.equal(await page.getAttribute('html', 'lang'), lang, 'the page says its language');
      await assertClean(page, problems);
      await context.close();
    });
  }
}

test('back keeps answers, and Change returns to "check your answers"', async () => {
  const { context, page, problems } = await openPage(browser);
  await chooseLanguage(page, 'en');
  await page.click('.phc-button-start');
  await answerQuestion(page, 'attachment_self');
  // What happened comes first (issue 23); "for myself" was part of the first answer.
  assert.equal(await screen(page), 'question:reason');
  await answerQuestion(page, 'campaign');
  assert.equal(await screen(page), 'question:person.residency');
  await page.click('.phc-back');
  assert.equal(await screen(page), 'question:reason');
  assert.ok(await page.isChecked('input[value="campaign"]'), 'the answer is still there');
  await page.click('.phc-back');
  assert.ok(await page.isChecked('input[value="attachment_self"]'), 'shown as it was chosen');
  await page.click('button[type=submit]');
  await page.click('button[type=submit]');
  for (const v of ['citizen', 'same']) await answerQuestion(page, v);
  await answerQuestion(page, []);
  assert.equal(await screen(page), 'check');
  const rows = await texts(page, '.phc-summary-row dt');
  assert.equal(rows.length, 6, `every answer listed: ${rows}`);
  // Change the reason: a new question follows (free changes), then back to the check page.
  await page.click('.phc-summary-row:has(dd:text("The autumn attachment campaign")) .phc-link');
  assert.equal(await screen(page), 'question:reason');
  assert.ok(await page.isChecked('input[value="campaign"]'));
  await answerQuestion(page, 'free_choice');
  assert.equal(await screen(page), 'question:current_attachment.free_changes_this_year');
  await answerQuestion(page, '1');
  assert.equal(await screen(page), 'check');
  await page.click('.phc-check-page .phc-button');
  assert.equal((await page.textContent('.phc-result h1')).trim(), 'You can attach to the clinic you want.');
  await page.click('.phc-result .phc-back');
  assert.equal(await screen(page), 'check', 'from the result, back to the answers');
  await assertClean(page, problems);
  await context.close();
});

/** Presses Tab until `pred(activeElement)` holds. */
async function tabTo(page, pred, what) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(pred)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

test('a citizen can finish with the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser);
  await tabTo(page, () => document.activeElement?.getAttribute('lang') === 'en', 'the English button');
  await page.keyboard.press('Enter');
  await tabTo(page, () => document.activeElement?.classList.contains('phc-button-start'), 'Start');
  await page.keyboard.press('Enter');
  const plan = { service: 'home_visit', applicant: 'self', 'current_attachment.attached': 'yes', 'current_attachment.at_target_clinic': 'yes' };
  for (let i = 0; i < 6; i++) {
    const s = await screen(page);
    if (s === 'check') break;
    const want = plan[s.replace('question:', '')];
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus is on the new question');
    await tabTo(page, () => document.activeElement?.type === 'radio', 'the first option');
    for (let k = 0; k < 12 && (await page.evaluate(() => document.activeElement.value)) !== want; k++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Space');
    await tabTo(page, () => document.activeElement?.type === 'submit', 'Continue');
    await page.keyboard.press('Enter');
    await page.waitForFunction((prev) => document.querySelector('.phc').getAttribute('data-screen') !== prev, s);
  }
  assert.equal(await screen(page), 'check');
  await tabTo(page, () => document.activeElement?.classList.contains('phc-button') && !document.activeElement.closest('.phc-summary'), 'See the result');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.phc-result');
  assert.equal((await page.textContent('.phc-result h1')).trim(), 'You can call a doctor from this clinic to your home.');
  await assertClean(page, problems);
  await context.close();
});

test('the language comes from the browser, then from the choice, which survives a reload', async () => {
  const { context, page } = await openPage(browser, { locale: 'ru-RU' });
  await page.waitForSelector('.phc[lang=ru]');
  await chooseLanguage(page, 'en');
  await page.reload();
  await ready(page);
  await page.waitForSelector('.phc[lang=en]');
  await context.close();
  const other = await openPage(browser, { locale: 'de-DE' });
  await other.page.waitForSelector('.phc[lang=kk]', { timeout: 10000 });
  await other.context.close();
});

test('if the wasm cannot load, the page says so with a link to the portal', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(URL_BASE + '/');
  // At once, not after the 20-second safety timer of page.js.
  await page.waitForSelector('.phc-crash', { timeout: 8000 });
  const links = await page.$$eval('.phc-crash a', (as) => as.map((a) => a.href));
  assert.ok(links.some((h) => h.startsWith('https://www.gov.kz/services/3176?lang=')), `links to the portal: ${links}`);
  await context.close();
});

test('usable at 320 px wide: nothing scrolls sideways', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 320, height: 640 } });
  await chooseLanguage(page, 'kk');
  await page.click('.phc-button-start');
  await answerQuestion(page, 'attachment');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await context.close();
});

test('respects reduced motion: the stylesheet stops every transition and animation in the app', async () => {
  const { context, page } = await openPage(browser);
  await page.click('.phc-button-start');
  await page.waitForSelector('.phc[data-screen^="question:"]');
  const moving = () => page.evaluate(() => [...document.querySelectorAll('.phc, .phc *')]
    .map((el) => getComputedStyle(el))
    .filter((s) => s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0))
    .length);
  // app.css has no motion today, so a probe adds some, as a later rule might: a transition and an
  // animation on the question's controls (through the CSSOM: the CSP refuses a <style> element).
  await page.evaluate(() => {
    // The app's stylesheet, inline in the page's head (issue 18).
    const sheet = [...document.styleSheets].find((s) => s.ownerNode?.tagName === 'STYLE' && [...s.cssRules].some((r) => r.selectorText?.startsWith('.phc')));
    sheet.insertRule('@keyframes phc-probe { to { opacity: 0.9; } }', sheet.cssRules.length);
    sheet.insertRule('.phc button, .phc input, .phc label { transition: color 0.3s; animation: phc-probe 1s infinite; }', sheet.cssRules.length);
  });
  assert.ok(await moving() > 0, 'without the preference the probe moves (else this test could not fail)');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await moving(), 0, 'elements still moving under prefers-reduced-motion');
  await context.close();
});

test('text at 200 %: every screen still fits the width and the button stays reachable', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 640, height: 800 } });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await fits() <= 0, 'start page fits');
  await page.click('.phc-button-start');
  await page.waitForSelector('.phc[data-screen^="question:"]');
  assert.ok(await fits() <= 0, 'question fits');
  await page.locator('button[type=submit]').scrollIntoViewIfNeeded();
  assert.ok(await page.isVisible('button[type=submit]'), 'the Continue button can be reached');
  await context.close();
});

test("a first visit loads the screens' texts only; the result's come once Start is pressed, and a result waits for them (issue 26)", async () => {
  // No offline copy: its worker would fetch every file of the build after the first screen.
  const { context, page, problems } = await freshPage(browser, { locale: 'ru-RU', serviceWorkers: 'block' });
  const texts = [];
  page.on('request', (r) => { if (/\/messages-/.test(r.url())) texts.push(new URL(r.url()).pathname.replace(/[0-9a-f]{16}/, 'H')); });
  await page.goto(URL_BASE + '/ru/');
  await ready(page);
  await page.waitForTimeout(500);
  assert.deepEqual(texts, ['/messages-ru-H.txt'], "the page's first visit: the screens' texts alone");
  // No network for the result's texts: the check page says so and keeps the answers; then again.
  await page.route('**/messages-*-result.txt', (route) => route.abort());
  const scenario = SCENARIOS.find((s) => s.name.startsWith('attachment: eligible (free choice'));
  await page.click('.phc-button-start');
  for (let i = 0; i < 30 && (await screen(page)) !== 'check'; i++) {
    const s = await screen(page);
    await answerQuestion(page, scenario.answers[s.replace('question:', '')]);
    await page.waitForFunction((prev) => document.querySelector('.phc').getAttribute('data-screen') !== prev, s);
  }
  assert.deepEqual(texts, ['/messages-ru-H.txt', '/messages-ru-H-result.txt'], 'the result\'s asked for once Start was pressed');
  await page.click('.phc-check-page .phc-button');
  await page.waitForSelector('.phc-check-page .phc-error-summary[role=alert]');
  assert.equal(await screen(page), 'check');
  assert.match(await page.textContent('.phc-error-summary'), /соединени/);
  await page.unroute('**/messages-*-result.txt');
  await page.click('.phc-check-page .phc-button');
  await page.waitForSelector('.phc[data-screen=result] .phc-result');
  await assertClean(page, problems.filter((p) => !/messages-ru-[0-9a-f]+-result\.txt|ERR_FAILED/.test(p)));
  await context.close();
});
