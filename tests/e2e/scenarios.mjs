// Each scenario: the answers a citizen gives (by question id) and the same request for phc-check.
// The app asks neither the way to apply nor the data-access consent: the result gives every way open
// and lists the consent among what can refuse an application.
export const SCENARIOS = [
  {
    name: 'attachment: eligible (free choice, citizen)',
    verdict: 'eligible',
    answers: {
      service: 'attachment', applicant: 'self', 'person.residency': 'citizen', reason: 'free_choice',
      'current_attachment.free_changes_this_year': '0', target_unit: 'same', 'person.categories': ['pensioner'],
    },
    request: {
      service: 'attachment', applicant: 'self',
      person: { residency: 'citizen', categories: ['pensioner'] },
      reason: 'free_choice', current_attachment: { free_changes_this_year: 0 }, target_unit: 'same',
    },
  },
  {
    name: 'attachment: eligible later (both free changes used)',
    verdict: 'eligible_later',
    answers: {
      service: 'attachment', applicant: 'self', 'person.residency': 'kandas', reason: 'free_choice',
      'current_attachment.free_changes_this_year': '2', target_unit: 'same', 'person.categories': [],
    },
    request: {
      service: 'attachment', applicant: 'self',
      person: { residency: 'kandas', categories: [] },
      reason: 'free_choice', current_attachment: { free_changes_this_year: 2 }, target_unit: 'same',
    },
  },
  {
    name: 'attachment: not eligible (temporary visitor)',
    verdict: 'not_eligible',
    answers: {
      service: 'attachment', applicant: 'self', reason: 'free_choice', 'person.residency': 'temporary_visitor', 'person.categories': [],
    },
    request: {
      service: 'attachment', applicant: 'self', reason: 'free_choice',
      person: { residency: 'temporary_visitor', categories: [] },
    },
  },
  {
    name: 'attachment: eligible after a move, with a date question',
    verdict: 'eligible',
    answers: {
      service: 'attachment', applicant: 'parent', 'person.birth_date': ['1', '6', '2015'],
      'person.residency': 'residence_permit', reason: 'relocation',
      'relocation.moved_on': ['15', '2', '2026'], 'relocation.leaves_unit': 'yes_over_a_month',
      target_unit: 'neighbouring', border_territory: 'yes', 'person.categories': [],
    },
    request: {
      service: 'attachment', applicant: 'parent',
      person: { residency: 'residence_permit', birth_date: '2015-06-01', categories: [] },
      reason: 'relocation', relocation: { moved_on: '2026-02-15', leaves_unit: true, away_over_a_month: true },
      target_unit: 'neighbouring', border_territory: true,
    },
  },
  {
    name: 'home visit: eligible',
    verdict: 'eligible',
    answers: { service: 'home_visit', applicant: 'self', 'current_attachment.attached': 'yes', 'current_attachment.at_target_clinic': 'yes' },
    request: { service: 'home_visit', applicant: 'self', current_attachment: { attached: true, at_target_clinic: true } },
  },
  {
    name: 'home visit: not eligible (not attached)',
    verdict: 'not_eligible',
    // Once "not attached" is answered nothing else matters: neither the way to call nor the sign-in is asked.
    answers: { service: 'home_visit', applicant: 'self', 'current_attachment.attached': 'no' },
    request: { service: 'home_visit', applicant: 'self', current_attachment: { attached: false } },
  },
  {
    name: 'complaint: eligible, in time',
    verdict: 'eligible',
    answers: { service: 'complaint', refusal_received_on: ['2', '2', '2026'] },
    request: { service: 'complaint', refusal_received_on: '2026-02-02' },
  },
  {
    name: 'complaint: deadline missed, still possible',
    verdict: 'eligible',
    answers: { service: 'complaint', refusal_received_on: ['5', '11', '2025'] },
    request: { service: 'complaint', refusal_received_on: '2025-11-05' },
  },
];

export const LANGS = ['kk', 'ru', 'en'];
