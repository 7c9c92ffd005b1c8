// axe-core on every kind of page state, in all three languages: no violations of WCAG 2.2 A/AA rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openPage, chooseLanguage, answerQuestion, walk } from './lib.mjs';
import { SCENARIOS, LANGS } from './scenarios.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function axe(page, state) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const v = result.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(v, [], `axe violations on ${state}`);
  return result.passes.length;
}

for (const lang of LANGS) {
  test(`[${lang}] start, questions, errors, dates, check and result pass axe`, async () => {
    const { context, page } = await openPage(browser);
    await chooseLanguage(page, lang);
    let checked = await axe(page, 'start');
    await page.click('.phc-button-start');
    checked += await axe(page, 'radio question');
    await page.click('button[type=submit]');
    await page.waitForSelector('.phc-error-summary');
    checked += await axe(page, 'question with an error');
    await answerQuestion(page, 'complaint');
    checked += await axe(page, 'date question');
    await page.fill('#phc-field-0', '31');
    await page.fill('#phc-field-1', '2');
    await page.fill('#phc-field-2', '2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('.phc-error-summary');
    checked += await axe(page, 'date question with an error');
    await page.fill('#phc-field-0', '2');
    await page.click('button[type=submit]');
    await page.waitForSelector('.phc-check-page');
    checked += await axe(page, 'check your answers');
    await page.click('.phc-check-page .phc-button');
    checked += await axe(page, 'complaint result');
    assert.ok(checked > 50, 'axe ran its rules');
    await context.close();
  });

  for (const s of SCENARIOS.filter((s) => s.answers.service === 'attachment').slice(0, 3)) {
    test(`[${lang}] result page passes axe: ${s.name}`, async () => {
      const { context, page } = await openPage(browser);
      await chooseLanguage(page, lang);
      await walk(page, s.answers);
      await axe(page, `result ${s.verdict}`);
      await context.close();
    });
  }

  test(`[${lang}] the check-boxes question passes axe`, async () => {
    const { context, page } = await openPage(browser);
    await chooseLanguage(page, lang);
    await page.click('.phc-button-start');
    for (const v of ['attachment_self', 'free_choice', 'temporary_visitor']) await answerQuestion(page, v);
    await page.waitForSelector('input[type=checkbox]');
    await axe(page, 'check boxes');
    await context.close();
  });
}
