// The cross-engine browser tests as data: each test is a list of steps, described once here and
// driven in Chromium, Firefox and WebKit alike (engines/steps.mjs interprets the steps through the
// driver interface of engines/driver.mjs; engines/suite.mjs makes them tests).
//
// A journey's answers are keyed by question id and given to whatever question the page shows
// (`.phc[data-screen="question:<id>"]`), so the app may ask in any order. The answers and the request
// phc-check answers the same situation for are those of scenarios.mjs: one description of each
// situation for every browser test.
import { SCENARIOS, LANGS } from './scenarios.mjs';
import { AT } from './lib.mjs';

export { AT, LANGS };

/** One journey per service: the first eligible scenario of each. */
export const SERVICES = ['attachment', 'home_visit', 'complaint'];
export const SITUATIONS = Object.fromEntries(SERVICES.map((service) => {
  const s = SCENARIOS.find((x) => x.request.service === service && x.verdict === 'eligible');
  if (!s) throw new Error(`scenarios.mjs has no eligible ${service} scenario`);
  return [service, s];
}));

// Steps (engines/steps.mjs):
//   { open: path | 'share link', server: 'own'?, widgets: [hosts]? }  a new page (fresh storage; the previous one closes), the app or widgets ready
//   { language, in? }              the language switch
//   { answer: service, in?, preset? }  Start, then each question shown answered from the situation, to the result
//   { result: service, lang, in? } the result says what phc-check says: verdict, documents, dates, language
//   { screen, in? }                the screen shown
//   { recordEvents: true }         the widget events on the host page, from now on
//   { resultEvent: service, in }   the phc-result event carried phc-check's decision (without texts)
//   { hostileCss: true }           the host page's own stylesheet turns hostile to everything
//   { unharmed: host }             the widget still shows its start button in its own colours
//   { serviceWorker: 'controls' }  the offline copy is made and serves the page
//   { network: 'off' }             the server of this page stops
//   { reload: true }
//   { share: true }                the share link: made, in the fragment only
//   { fragment }                   the address's fragment now
//   { calendar: service, lang }    the calendar file the browser saves: its name and dates
//   { api: [[service, lang]...] }  check() of the module and of the element against phc-check; an invalid request
//   { clean: true | { allow } }    no CSP violation, page error or unhandled rejection
export const JOURNEYS = [
  ...SERVICES.flatMap((service) => LANGS.map((lang) => ({
    name: `journey [${lang}] ${SITUATIONS[service].name}`,
    steps: [
      { open: '/' },
      { language: lang },
      { answer: service },
      { result: service, lang },
      { clean: true },
    ],
  }))),
  {
    name: 'widget twice on a foreign host page under the strict CSP, with hostile CSS',
    steps: [
      { open: '/demo.html', widgets: ['#main-widget', '#second-widget'] },
      { recordEvents: true },
      { hostileCss: true },
      { unharmed: '#main-widget' },
      { language: 'en', in: '#main-widget' },
      { answer: 'attachment', in: '#main-widget', preset: ['service'] },
      { result: 'attachment', lang: 'en', in: '#main-widget' },
      { resultEvent: 'attachment', in: '#main-widget' },
      { screen: 'start', in: '#second-widget' },
      { answer: 'home_visit', in: '#second-widget', preset: ['service'] },
      { result: 'home_visit', lang: 'kk', in: '#second-widget' },
      { resultEvent: 'home_visit', in: '#second-widget' },
      { screen: 'result', in: '#main-widget' },
      { clean: true },
    ],
  },
  {
    name: 'after one visit the app reloads and answers with the server gone (service worker)',
    steps: [
      { open: '/', server: 'own' },
      { serviceWorker: 'controls' },
      { network: 'off' },
      { reload: true },
      { language: 'ru' },
      { answer: 'complaint' },
      { result: 'complaint', lang: 'ru' },
      // The page's own requests fail while the server is gone: that is the point of the test.
      { clean: { allow: /ERR_CONNECTION_REFUSED|NetworkError|Failed to load resource|net::ERR_/ } },
    ],
  },
  {
    name: 'a share link carries the answers in the fragment and opens the same result elsewhere',
    steps: [
      { open: '/' },
      { language: 'en' },
      { answer: 'attachment' },
      { share: true },
      { clean: true },
      { open: 'share link' },
      { language: 'en' },
      { result: 'attachment', lang: 'en' },
      { fragment: '' },
      { clean: true },
    ],
  },
  {
    name: '"Add to calendar" saves an .ics file with the dates',
    steps: [
      { open: '/' },
      { language: 'kk' },
      { answer: 'complaint' },
      { calendar: 'complaint', lang: 'kk' },
      { clean: true },
    ],
  },
  {
    name: '"Prepare the complaint" opens the paper\'s form, which downloads the paper with what was typed (issue 27)',
    steps: [
      { open: '/' },
      { language: 'kk' },
      { answer: 'complaint' },
      { paper: 'Шағым дайындау', title: 'ШАҒЫМ' },
      { clean: true },
    ],
  },
  {
    name: 'widget: its start screen first, without the checker; a press on it carried out once the checker is in (issue 26)',
    steps: [
      { open: '/demo.html', widgets: ['#main-widget'] },
      { facade: 'en' },
      { clean: true },
    ],
  },
  {
    name: 'check() of the JavaScript API answers as phc-check does, in every language',
    steps: [
      { open: '/demo.html', widgets: ['#main-widget'] },
      { api: SERVICES.flatMap((s) => LANGS.map((l) => [s, l])) },
      { clean: true },
    ],
  },
];
