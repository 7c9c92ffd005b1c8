// Issue 14 and 23: the journeys of real people, in their words, as data (the answers each would give,
// keyed by question id, and what the result must say), and the walk that counts their screens.
// citizens.test.mjs walks them in English and checks the answer; length.test.mjs walks them in Kazakh
// and Russian and measures the result against the length budget.
import assert from 'node:assert/strict';
import { answerQuestion } from './lib.mjs';

export const JOURNEYS = [
  {
    who: 'a pensioner who wants to leave a rude clinic',
    answers: { service: 'attachment_self', 'person.residency': 'citizen', reason: 'free_choice',
      'current_attachment.free_changes_this_year': '0', target_unit: 'same', 'person.categories': ['pensioner'] },
    first: 'You can attach to the clinic you want.',
    next: { documents: /Pension certificate/, how: /written application to the head/ },
  },
  {
    who: 'a mother with a newborn',
    // "My baby was born" settles who applies and the ground (issue 23).
    answers: { service: 'attachment_child', 'person.birth_date': ['20', '2', '2026'], 'person.residency': 'citizen',
      reason: 'baby_born', target_unit: 'same', 'person.categories': [] },
    first: 'Your child can be attached to the clinic you want.',
    why: /Children under five are attached by where they actually live/,
  },
  {
    who: 'a student from Shymkent studying in Astana',
    answers: { service: 'attachment_self', 'person.residency': 'citizen', reason: 'relocation',
      'relocation.moved_on': ['1', '9', '2025'], 'relocation.leaves_unit': 'yes_over_a_month',
      target_unit: 'same', 'person.categories': ['student'] },
    first: 'You can attach to the clinic you want.',
    next: { documents: /rector.*only if your institution/s },
  },
  {
    who: 'someone who moved two weeks ago',
    answers: { service: 'attachment_self', 'person.residency': 'citizen', reason: 'relocation',
      'relocation.moved_on': ['24', '2', '2026'], 'relocation.leaves_unit': 'no', target_unit: 'same', 'person.categories': [] },
    first: 'You can attach to the clinic you want.',
    others: /free choice|campaign/i,
  },
  {
    who: 'a Russian citizen working in Kazakhstan',
    // Nine screens: the insurance contract and its end are two questions of their own.
    maxScreens: 9,
    answers: { service: 'attachment_self', 'person.residency': 'eaeu_worker', reason: 'free_choice',
      'current_attachment.free_changes_this_year': '0', 'person.insurance': 'voluntary', 'person.insurance_until': ['31', '12', '2026'],
      target_unit: 'same', 'person.categories': [] },
    first: 'You can attach to the clinic you want.',
    next: { how: /written application to the head/, documents: /Medical insurance contract/, noPortal: true },
  },
  {
    who: 'someone not sure what their situation is',
    answers: { service: 'attachment_self', 'person.residency': 'citizen', reason: '',
      'current_attachment.free_changes_this_year': '0', target_unit: 'same', 'person.categories': [] },
    first: 'You can attach to the clinic you want.',
    best: /free choice/i,
  },
  {
    who: 'someone refused on 20 November',
    answers: { service: 'complaint', refusal_received_on: ['20', '11', '2025'] },
    first: 'You can complain about the refusal.',
    next: { how: /head of the clinic that refused you/ },
  },
  {
    who: 'someone sick at home',
    answers: { service: 'home_visit', applicant: 'self', 'current_attachment.attached': 'yes', 'current_attachment.at_target_clinic': 'yes' },
    first: 'You can call a doctor from this clinic to your home.',
    emergency: true,
    // The clinic's own hours, and 103 at any hour: no "within 10 minutes" at any hour (issue 23).
    next: { how: /during its working hours.*103.*within 10 minutes, in the clinic's hours/s },
  },
  {
    who: 'a man leaving for three weeks of shift work',
    answers: { service: 'attachment_self', reason: 'temporary_absence', 'relocation.away_over_a_month': 'no' },
    first: "You don't need to change clinic.",
    now: /nearest medical organisation.*103/s,
    neutral: true,
  },
  {
    who: 'a man who changed clinic in the autumn campaign, ill on 15 December',
    at: '2026-12-15T10:00:00+05:00',
    answers: { service: 'home_visit', applicant: 'self', 'current_attachment.attached': 'yes', 'current_attachment.at_target_clinic': 'yes',
      'current_attachment.attached_in_campaign': 'yes' },
    first: 'Call your previous clinic until 31 December 2026; from 1 January 2027, your new one.',
    emergency: true,
  },
  {
    who: 'a woman visiting her sister in another town, asking the clinic there for a doctor',
    answers: { service: 'home_visit', applicant: 'self', 'current_attachment.attached': 'yes', 'current_attachment.at_target_clinic': 'no',
      away_from_home: 'yes' },
    now: /nearest medical organisation.*103/s,
    emergency: true,
  },
  {
    who: 'a daughter whose father needs a doctor',
    answers: { service: 'home_visit', applicant: 'family_member', 'current_attachment.attached': 'yes', 'current_attachment.at_target_clinic': 'yes' },
    first: 'You can call a doctor from this clinic to your home.',
    emergency: true,
    next: { how: /working hours/ },
  },
];

/** Start, then answer each question shown; returns the screens it took (questions and the check page). */
export async function walkCounting(page, answers) {
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

