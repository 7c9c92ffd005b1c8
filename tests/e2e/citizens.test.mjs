// Issue 14: the journeys of real people, in their words. Each is walked in Chromium from the start
// page; the test checks the first sentence of the result, what it says to do now (the best route),
// and the screens it took (questions and "check your answers"; the aim is 8 or fewer), and prints
// the count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, answerQuestion, chooseLanguage, texts } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const JOURNEYS = [
  {
    who: 'a pensioner who wants to leave a rude clinic',
    answers: { service: 'attachment', applicant: 'self', 'person.residency': 'citizen', reason: 'free_choice',
      'current_attachment.free_changes_this_year': '0', target_unit: 'same', 'person.categories': ['pensioner'] },
    first: 'You can attach to the clinic you want.',
    next: { documents: /Pension certificate/, how: /written application to the head/ },
  },
  {
    who: 'a mother with a newborn',
    answers: { service: 'attachment', applicant: 'parent', 'person.birth_date': ['20', '2', '2026'], 'person.residency': 'citizen',
      reason: 'first_attachment', 'current_attachment.attached': 'no', target_unit: 'same', 'person.categories': [] },
    first: 'You can attach to the clinic you want.',
    why: /Children under five are attached by where they actually live/,
  },
  {
    who: 'a student from Shymkent studying in Astana',
    answers: { service: 'attachment', applicant: 'self', 'person.residency': 'citizen', reason: 'relocation',
      'relocation.moved_on': ['1', '9', '2025'], 'relocation.leaves_unit': 'yes', 'relocation.away_over_a_month': 'yes',
      target_unit: 'same', 'person.categories': ['student'] },
    first: 'You can attach to the clinic you want.',
    next: { documents: /rector.*only if your institution/s },
  },
  {
    who: 'someone who moved two weeks ago',
    answers: { service: 'attachment', applicant: 'self', 'person.residency': 'citizen', reason: 'relocation',
      'relocation.moved_on': ['24', '2', '2026'], 'relocation.leaves_unit': 'no', target_unit: 'same', 'person.categories': [] },
    first: 'You can attach to the clinic you want.',
    others: /free choice|campaign/,
  },
  {
    who: 'a Russian citizen working in Kazakhstan',
    answers: { service: 'attachment', applicant: 'self', 'person.residency': 'eaeu_worker', reason: 'free_choice',
      'current_attachment.free_changes_this_year': '0', 'person.insurance': 'voluntary', 'person.insurance_until': ['31', '12', '2026'],
      target_unit: 'same', 'person.categories': [] },
    first: 'You can attach to the clinic you want.',
    next: { how: /written application to the head/, documents: /Medical insurance contract/, noPortal: true },
  },
  {
    who: 'someone not sure what their situation is',
    answers: { service: 'attachment', applicant: 'self', 'person.residency': 'citizen', reason: '',
      'current_attachment.free_changes_this_year': '0', target_unit: 'same', 'person.categories': [] },
    first: 'You can attach to the clinic you want.',
    best: /free choice/,
  },
  {
    who: 'someone refused on 20 November',
    answers: { service: 'complaint', refusal_received_on: ['20', '11', '2025'] },
    first: 'You can complain about the refusal.',
    next: { how: /head of the clinic that refused you/ },
  },
  {
    who: 'someone sick at home',
    answers: { service: 'home_visit', 'current_attachment.attached': 'yes', 'current_attachment.at_target_clinic': 'yes' },
    first: 'You can call a doctor from this clinic to your home.',
    emergency: true,
    next: { how: /within 10 minutes/ },
  },
];

/** Start, then answer each question shown; returns the screens it took (questions and the check page). */
async function walkCounting(page, answers) {
  await page.click('.phc-button-start');
  const screens = [];
  for (let i = 0; i < 20; i++) {
    await page.waitForFunction(() => (document.querySelector('.phc')?.getAttribute('data-screen') ?? 'start') !== 'start');
    const s = await page.getAttribute('.phc', 'data-screen');
    screens.push(s);
    if (s === 'check') {
      await page.click('.phc-check-page .phc-button');
      await page.waitForSelector('.phc-result');
      return screens;
    }
    const id = s.replace('question:', '');
    assert.ok(id in answers, `the app asked ${id}, which this person would answer how? (asked: ${screens})`);
    await answerQuestion(page, answers[id]);
    await page.waitForFunction((prev) => document.querySelector('.phc').getAttribute('data-screen') !== prev, s);
  }
  throw new Error('no result after 20 screens');
}

for (const j of JOURNEYS) {
  test(`${j.who}: the answer, what to do now, and the screens it took`, async () => {
    const { context, page, problems } = await openPage(browser);
    await chooseLanguage(page, 'en');
    const screens = await walkCounting(page, j.answers);
    console.log(`# screens: ${screens.length} (${j.who}): ${screens.join(', ')}`);
    // The aim is 8 or fewer; a move beyond one's district asks two more (when, and for how long).
    assert.ok(screens.length <= 10, `${screens.length} screens`);
    assert.equal((await page.textContent('.phc-result .phc-title')).trim(), j.first, 'the first sentence');
    // The next step comes before the reasons, which are collapsed under "Why we say this".
    const order = await page.$$eval('.phc-result > *', (els) => els.map((e) => e.className || e.tagName));
    assert.ok(order.indexOf('phc-why') > order.findIndex((c) => /phc-checklist|phc-list/.test(c)), `next step before why: ${order}`);
    assert.equal(await page.$eval('.phc-why', (d) => d.open), false);
    const result = await page.textContent('.phc-result');
    if (j.next?.documents) assert.match((await texts(page, '.phc-checklist li')).join('\n'), j.next.documents);
    if (j.next?.how) assert.match(result, j.next.how);
    if (j.next?.noPortal) assert.equal(await page.$$eval('.phc-link-portal', (l) => l.length), 0, 'no portal for them');
    if (j.best) assert.match(await page.textContent('.phc-best-route'), j.best);
    if (j.others) assert.match(await page.textContent('.phc-routes'), j.others);
    if (j.why) {
      await page.click('.phc-why summary');
      assert.match(await page.textContent('.phc-why'), j.why);
    }
    if (j.emergency) {
      const first = await page.$eval('.phc-result', (r) => [...r.children].find((c) => !c.classList.contains('phc-back'))?.textContent);
      assert.match(first, /103/, 'an emergency notice comes first');
    }
    await assertClean(page, problems);
    await context.close();
  });
}
