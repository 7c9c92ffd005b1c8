// The paper in hand (issue 27). "Prepare the application" (or "… the complaint") on a result fetches
// the paper's module, which no first visit carries, and opens its form over the page in a modal
// dialog (inside a widget's shadow root); an IIN is checked as it is typed, its message on its
// field; "Print" prints the paper alone from a hidden frame (its stylesheet allowed by the page's
// strict policy), "Download" gives it as a file; and nothing typed leaves the page or outlives the
// form: not in the share link, the address, sessionStorage, localStorage, cookies, a request or an
// event to the widget's host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openPage, freshPage, assertClean, walk, chooseLanguage, ready, walkWidgetComplaint, URL_BASE } from './lib.mjs';
import { SCENARIOS } from './scenarios.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The pensioner of the scenarios (free choice, a citizen, a pensioner): a result that offers the
// written application.
const pensioner = SCENARIOS[0];

/**
 * An IIN for a birth date `yymmdd`, the century-and-sex digit and a 4-digit serial: app/src/iin.rs's
 * algorithm (the first 11 digits weighted 1..11 modulo 11; on 10, weighted 3..11, 1, 2; on 10 again,
 * no IIN).
 */
function makeIin(yymmdd, century, serial) {
  const d = `${yymmdd}${century}${serial}`.split('').map(Number);
  const sum = (w) => d.reduce((s, x, i) => s + x * w[i], 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  if (c === 10) throw new Error('no IIN has these 11 digits');
  return d.join('') + c;
}

// Born 2 April 1958, a woman of the 1900s (4), serial 0041.
const IIN = makeIin('580402', '4', '0041');
// One digit off: the check digit no longer agrees.
const WRONG_IIN = IIN.slice(0, 11) + String((Number(IIN[11]) + 1) % 10);
const NAME = 'Ахметова Гүлнар Серікқызы';
const ADDRESS = 'Кенесары көшесі 40-12';
const PHONE = '+7 701 234 56 78';
const SECRETS = [NAME, IIN, WRONG_IIN, ADDRESS, PHONE, 'Ахметова', 'Кенесары'];

/** What of the paper's own files a URL is (its module, its texts, its stylesheets), if any. */
const PAPER_FILE = /\/(phc-paper-[0-9a-f]+(_bg\.wasm|\.js)|messages-[a-z]{2}-[0-9a-f]+-paper\.txt|paper(-form)?\.css)$/;

/** Whether `text` carries anything typed, as typed or percent-encoded. */
function leaks(text) {
  if (!text) return [];
  const forms = [text];
  try { forms.push(decodeURIComponent(text)); } catch { /* not encoded */ }
  return SECRETS.filter((s) => forms.some((f) => f.includes(s) || f.includes(encodeURIComponent(s))));
}

/**
 * In every frame the page attaches from now on (the paper's print frame): `print` recorded instead
 * of opening a dialog, with what the frame shows, whether its stylesheet applied, and any policy
 * violation inside it, on the top window.
 */
async function stubFramePrint(page) {
  await page.addInitScript(() => {
    if (window === window.top) return;
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.top.__cspViolations ||= []).push(`frame: ${e.violatedDirective} ${e.blockedURI}`);
    });
    window.print = () => {
      const privacy = document.querySelector('.privacy');
      (window.top.__printed ||= []).push({
        text: document.body.innerText,
        // #fff7bf: the paper's own stylesheet (static/paper.css) applied in the frame.
        privacyBackground: privacy ? getComputedStyle(privacy).backgroundColor : null,
        font: getComputedStyle(document.body).fontFamily,
      });
    };
  });
}

/** axe-core on the page as it is: no violation of the WCAG 2.2 A/AA rules (as tests/e2e/a11y.test.mjs). */
async function axe(page, state) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const v = result.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(v, [], `axe violations on ${state}`);
}

/** Records every iframe added in the paper's dialog (in a widget's shadow root when `host` is given). */
async function watchFrames(page, host) {
  await page.evaluate((host) => {
    window.__frames = [];
    const root = host ? document.querySelector(host).shadowRoot : document;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.tagName === 'IFRAME') window.__frames.push({ srcdoc: n.srcdoc, cls: n.className, inDialog: !!n.closest('dialog') });
    }).observe(root, { childList: true, subtree: true });
  }, host ?? null);
}

const DIALOG = 'dialog.phc-paper-dialog';

/** The pages a paper (its downloaded page, styles inside) takes printed on A4 by Chromium. */
async function pagesWhenPrinted(html) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await context.close();
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('the application: the paper\'s module fetched when asked for, the IIN checked as typed, the paper printed alone and downloaded, nothing typed kept or sent', async () => {
  const { context, page, problems } = await freshPage(browser);
  await stubFramePrint(page);
  // Every request the page makes, from its first.
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
  await page.goto(URL_BASE + '/');
  await ready(page);
  await chooseLanguage(page, 'en');
  await walk(page, pensioner.answers);
  const journeyAtResult = await page.evaluate(() => sessionStorage.getItem('phc.journey'));
  assert.ok(journeyAtResult, 'the journey is kept in the tab');
  assert.deepEqual(requests.filter((r) => PAPER_FILE.test(new URL(r.url).pathname)).map((r) => r.url), [],
    'nothing of the paper before it is asked for');
  const sw = await (await fetch(`${URL_BASE}/sw.js`)).text();
  assert.doesNotMatch(sw, /phc-paper|-paper\.txt|paper\.css|paper-form\.css/, 'nor does the offline copy take it');

  // The button is in the take-along row, beside calendar, print and share.
  const button = '.phc-take .phc-actions .phc-action-paper';
  assert.equal((await page.textContent(button)).trim(), 'Prepare the application');
  assert.equal(await page.$$eval('.phc-result input:not([type=checkbox]), .phc-result textarea', (n) => n.length), 0, 'no form inside the result');
  const before = requests.length;
  // A double click, as people do: one form.
  await page.dblclick(button);
  await page.waitForSelector(`${DIALOG}[open] #phc-paper-title`);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelectorAll('dialog').length), 1, 'one form for a double click');
  const fetched = requests.slice(before).map((r) => new URL(r.url).pathname);
  assert.ok(fetched.some((p) => /^\/phc-paper-[0-9a-f]+_bg\.wasm$/.test(p)), `the paper's wasm is fetched now: ${fetched}`);
  assert.ok(fetched.some((p) => /^\/messages-en-[0-9a-f]+-paper\.txt$/.test(p)), 'with its English texts');
  await page.waitForFunction(() => document.activeElement?.id === 'phc-paper-title', null, { timeout: 2000 });
  assert.equal(await page.$eval(DIALOG, (d) => d.matches(':modal')), true, 'a modal dialog');
  assert.equal(await page.$eval(DIALOG, (d) => document.getElementById(d.getAttribute('aria-labelledby'))?.textContent), 'Prepare the application');
  assert.match(await page.textContent(`${DIALOG} .phc-privacy`), /stays in this page only/);
  // An English page writes the paper in Russian by default; Kazakh is the other choice.
  assert.ok(await page.isChecked('#phc-paper-lang-ru'));
  assert.ok(!(await page.isChecked('#phc-paper-lang-kk')));
  // Only what the paper needs: no field for a child or a refusal.
  assert.deepEqual(await page.$$eval('.phc-paper-field input', (n) => n.map((i) => i.id)),
    ['phc-paper-full-name', 'phc-paper-iin', 'phc-paper-address', 'phc-paper-phone', 'phc-paper-clinic']);
  for (const id of await page.$$eval('.phc-paper-field input', (n) => n.map((i) => i.id))) {
    assert.ok((await page.textContent(`label[for="${id}"]`)).trim().length > 0, `${id} is labelled`);
    assert.equal(await page.getAttribute(`#${id}`, 'autocomplete'), 'off', `${id} is not remembered by the browser`);
  }
  await axe(page, 'the paper\'s form');

  await page.fill('#phc-paper-full-name', NAME);
  await page.fill('#phc-paper-address', ADDRESS);
  await page.fill('#phc-paper-phone', PHONE);

  // An IIN still too short is not wrong while it is typed, nor when the field is left (a message
  // then would move Print between its press and its release); Print says so, on the field too, and
  // the one press that begins on Print right after typing is not lost.
  await page.fill('#phc-paper-iin', IIN.slice(0, 5));
  await page.press('#phc-paper-iin', 'Tab');
  await page.waitForTimeout(100);
  assert.equal(await page.$$eval('#phc-paper-iin-error', (n) => n.length), 0, 'no error while typing, nor on leaving');
  await page.fill('#phc-paper-iin', IIN.slice(0, 11));
  await page.click('.phc-paper-print');
  await page.waitForSelector(`${DIALOG} .phc-error-summary`);
  assert.match(await page.textContent('#phc-paper-iin-error'), /exactly 12 digits/);

  // A whole IIN with a typo: said at once, on that field only.
  await page.fill('#phc-paper-iin', WRONG_IIN);
  await page.waitForFunction(() => /typo/.test(document.querySelector('#phc-paper-iin-error')?.textContent ?? ''));
  assert.equal(await page.getAttribute('#phc-paper-iin', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#phc-paper-iin', 'aria-describedby'), 'phc-paper-iin-error');
  assert.equal(await page.getAttribute('#phc-paper-full-name', 'aria-invalid'), null);
  assert.equal(await page.$$eval('.phc-paper-field[data-error]', (n) => n.length), 1);

  // Print with a wrong IIN: the error summary, focused, linking to the field; nothing printed.
  await watchFrames(page);
  await page.click('.phc-paper-print');
  await page.waitForSelector(`${DIALOG} .phc-error-summary`);
  await page.waitForFunction(() => document.activeElement?.classList.contains('phc-error-summary'), null, { timeout: 2000 });
  await axe(page, 'the paper\'s form with an error');
  await page.click('.phc-error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'phc-paper-iin');
  assert.deepEqual(await page.evaluate(() => window.__frames), [], 'nothing printed with a wrong IIN');

  // Put right: the error goes.
  await page.fill('#phc-paper-iin', IIN);
  await page.waitForFunction(() => !document.querySelector('.phc-error-summary') && !document.querySelector('#phc-paper-iin-error'));
  assert.equal(await page.getAttribute('#phc-paper-iin', 'aria-invalid'), null);

  // Print: the paper alone, from a hidden frame inside the dialog, its stylesheet allowed by the policy.
  await page.click('.phc-paper-print');
  await page.waitForFunction(() => window.__frames.length === 1);
  const [frame] = await page.evaluate(() => window.__frames);
  assert.deepEqual([frame.cls, frame.inDialog], ['phc-paper-frame', true]);
  assert.ok(frame.srcdoc.includes(NAME) && frame.srcdoc.includes(IIN), 'the frame holds the typed paper');
  assert.match(frame.srcdoc, /<link rel="stylesheet" href="http:\/\/[^"]+\/paper\.css">/);
  assert.doesNotMatch(frame.srcdoc, /<style|<script|style=/, 'no inline style or script: the page\'s policy allows neither');
  assert.match(frame.srcdoc, /ЗАЯВЛЕНИЕ/, 'in Russian');
  assert.doesNotMatch(frame.srcdoc, /Prepare the application|phc-take|phc-header/, 'the paper alone, not the page');
  await page.waitForFunction(() => (window.__printed ?? []).length === 1, null, { timeout: 5000 });
  const [printed] = await page.evaluate(() => window.__printed);
  assert.ok(printed.text.includes(NAME) && printed.text.includes(IIN));
  assert.equal(printed.privacyBackground, 'rgb(255, 247, 191)', 'static/paper.css applied in the frame');
  assert.match(printed.font, /Times|Liberation Serif|serif/);
  await page.waitForFunction(() => !document.querySelector('iframe.phc-paper-frame'), null, { timeout: 5000 });

  // In Kazakh: the paper's language is the form's choice, not the page's.
  await page.check('#phc-paper-lang-kk');
  await page.click('.phc-paper-print');
  await page.waitForFunction(() => window.__frames.length === 2);
  assert.match((await page.evaluate(() => window.__frames[1].srcdoc)), /ӨТІНІШ/);
  await page.waitForFunction(() => !document.querySelector('iframe.phc-paper-frame'), null, { timeout: 5000 });
  await page.check('#phc-paper-lang-ru');

  // Download: the text and the page, with what was typed, dated the day of the result.
  const [text] = await Promise.all([page.waitForEvent('download'), page.click('.phc-paper-download-text')]);
  assert.equal(text.suggestedFilename(), 'application-ru-2026-03-10.txt');
  const txt = fs.readFileSync(await text.path(), 'utf8');
  assert.ok(txt.includes(NAME) && txt.includes(`ИИН: ${IIN}`) && txt.includes(ADDRESS), txt);
  const [htmlFile] = await Promise.all([page.waitForEvent('download'), page.click('.phc-paper-download')]);
  assert.equal(htmlFile.suggestedFilename(), 'application-ru-2026-03-10.html');
  const html = fs.readFileSync(await htmlFile.path(), 'utf8');
  assert.ok(html.startsWith('<!DOCTYPE html>') && html.includes('<style>') && html.includes(NAME));
  assert.equal(await pagesWhenPrinted(html), 1, 'one A4 page');

  // Nothing typed is kept or sent: the tab's journey is the result's, storage and cookies hold none
  // of it, and no request carries it; the only requests since the button were the paper's own files.
  const stored = await page.evaluate(() => ({
    session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
    local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    cookies: document.cookie,
  }));
  assert.equal(stored.session['phc.journey'], journeyAtResult, 'with the form open the journey is the result\'s');
  assert.deepEqual(Object.keys(stored.session), ['phc.journey']);
  assert.deepEqual(Object.keys(stored.local), ['phc.lang']);
  assert.deepEqual(leaks(JSON.stringify(stored)), [], 'nothing typed in storage or cookies');
  assert.deepEqual(leaks(page.url()), [], 'nor in the address');
  for (const r of requests) assert.deepEqual(leaks(r.url + r.body), [], `nor in a request: ${r.url}`);
  const others = requests.slice(before).filter((r) => !r.url.startsWith('blob:') && !PAPER_FILE.test(new URL(r.url).pathname)
    && !/\/messages-(en|ru|kk)-[0-9a-f]+(-result)?\.txt$/.test(new URL(r.url).pathname));
  assert.deepEqual(others.map((r) => r.url), [], 'no request but the paper\'s files and the texts of the page\'s and the paper\'s languages');

  // Escape closes the form: the result, the same one, the focus back on the button; what was typed
  // is gone with the form.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog'));
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('phc-action-paper')), true, 'the focus is back on the button');
  assert.equal((await page.textContent('.phc-result h1')).trim(), 'You can attach to the clinic you want.');
  await page.click('.phc-action-share');
  const link = await page.inputValue('#phc-share-link');
  assert.deepEqual(leaks(link), [], 'the share link carries no typed detail');
  assert.deepEqual(leaks(await page.content()), [], 'nor does the page any more');
  await page.click('.phc-action-paper');
  await page.waitForSelector(`${DIALOG}[open] #phc-paper-title`);
  assert.equal(await page.inputValue('#phc-paper-full-name'), '', 'forgotten with the form');

  // Close, then the browser's Back with the form open: the form goes with the result.
  await page.click('.phc-paper-close');
  await page.waitForFunction(() => !document.querySelector('dialog'));
  await page.click('.phc-action-paper');
  await page.waitForSelector(`${DIALOG}[open] #phc-paper-title`);
  await page.fill('#phc-paper-full-name', NAME);
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('dialog') && document.querySelector('.phc')?.getAttribute('data-screen') !== 'result');

  // A reload: nothing typed anywhere.
  await page.reload();
  await ready(page);
  assert.deepEqual(leaks(await page.content()), []);
  assert.deepEqual(leaks(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage))), []);

  await assertClean(page, problems);
  await context.close();
});

test('a complaint too late: the form asks why the deadline was missed, and the paper asks to restore it', async () => {
  const { context, page, problems } = await openPage(browser);
  await stubFramePrint(page);
  await chooseLanguage(page, 'ru');
  await walk(page, SCENARIOS.find((s) => s.name === 'complaint: deadline missed, still possible').answers);
  assert.equal((await page.textContent('.phc-action-paper')).trim(), 'Подготовить жалобу');
  await page.click('.phc-action-paper');
  await page.waitForSelector(`${DIALOG}[open] #phc-paper-title`);
  assert.equal((await page.textContent('#phc-paper-title')).trim(), 'Подготовить жалобу');
  assert.ok(await page.isChecked('#phc-paper-lang-ru'), 'a Russian page writes a Russian paper');
  const ids = await page.$$eval('.phc-paper-field input', (n) => n.map((i) => i.id));
  assert.ok(ids.includes('phc-paper-refusal-said') && ids.includes('phc-paper-late-reason'), ids.join());
  await page.fill('#phc-paper-full-name', NAME);
  await page.fill('#phc-paper-refusal-said', 'Нет прописки');
  await page.fill('#phc-paper-late-reason', 'болезнь');
  await watchFrames(page);
  await page.click('.phc-paper-print');
  await page.waitForFunction(() => window.__frames.length === 1);
  const srcdoc = await page.evaluate(() => window.__frames[0].srcdoc);
  assert.match(srcdoc, /ЖАЛОБА/);
  assert.match(srcdoc, /Нет прописки/);
  assert.match(srcdoc, /восстановить пропущенный срок/i);
  assert.match(srcdoc, /болезнь/);
  // The longest paper, a late complaint with its grounds, on one A4 page.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('.phc-paper-download')]);
  assert.equal(await pagesWhenPrinted(fs.readFileSync(await file.path(), 'utf8')), 1, 'one A4 page');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog'));
  await assertClean(page, problems);
  await context.close();
});

test('the paper\'s module cannot be fetched: the browser\'s alert says so in the page\'s language, and the result stays as it was', async () => {
  // Without the service worker: its fetches are not the page's to hold back.
  const { context, page, problems } = await freshPage(browser, { serviceWorkers: 'block' });
  await page.goto(URL_BASE + '/');
  await ready(page);
  await chooseLanguage(page, 'kk');
  await walk(page, pensioner.answers);
  await page.route(/\/phc-paper-[0-9a-f]+\.js$/, (route) => route.abort('internetdisconnected'));
  const [dialog] = await Promise.all([page.waitForEvent('dialog'), page.click('.phc-action-paper')]);
  assert.equal(dialog.type(), 'alert');
  assert.equal(dialog.message(), 'Форманы ашу мүмкін болмады. Интернетке қосылуды тексеріп, қайталап көріңіз.');
  await dialog.dismiss();
  assert.equal(await page.$$eval('dialog', (n) => n.length), 0);
  assert.equal(await page.$eval('.phc', (e) => e.getAttribute('data-screen')), 'result');
  // Once the network is back, the same press opens the form.
  await page.unroute(/\/phc-paper-[0-9a-f]+\.js$/);
  await page.click('.phc-action-paper');
  await page.waitForSelector(`${DIALOG}[open] #phc-paper-title`);
  assert.equal((await page.textContent('#phc-paper-title')).trim(), 'Өтініш дайындау');
  // The aborted request is a console error of the browser's own, not the page's.
  await assertClean(page, problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/.test(p)));
  await context.close();
});

test('widget: the complaint is prepared and printed alone inside the widget; the host\'s document is left alone; no event to the host carries what was typed', async () => {
  const { context, page, problems } = await openPage(browser, { path: '/demo.html', viewport: { width: 1000, height: 700 } });
  await stubFramePrint(page);
  await page.waitForSelector('#main-widget >> .phc .phc-title');
  await page.evaluate(() => {
    window.__events = [];
    const holder = document.createElement('div');
    holder.innerHTML = '<phc-eligibility id="papers" lang="en" loading="eager" service="complaint" at="2026-04-20T10:00:00+05:00"></phc-eligibility>';
    document.querySelector('main').append(...holder.children);
    const w = document.querySelector('#papers');
    for (const n of ['phc-ready', 'phc-step', 'phc-result', 'phc-error', 'phc-print']) {
      w.addEventListener(n, (e) => window.__events.push({ name: n, detail: JSON.stringify(e.detail ?? null) }));
    }
    window.__hostNodes = 0;
    new MutationObserver((records) => {
      for (const r of records) window.__hostNodes += r.addedNodes.length;
    }).observe(document.body, { childList: true });
    // Any event on the host's document or window from the paper (a click in the shadow root reaches
    // them retargeted to the element, as every click does; nothing else may).
    window.__hostPaperEvents = [];
    for (const t of [window, document]) t.addEventListener('phc-paper', (e) => window.__hostPaperEvents.push(e.type));
  });
  const w = '#papers';
  await page.locator(w).scrollIntoViewIfNeeded();
  await walkWidgetComplaint(page, w);
  await watchFrames(page, w);
  assert.equal((await page.textContent(`${w} >> .phc-action-paper`)).trim(), 'Prepare the complaint');
  await page.click(`${w} >> .phc-action-paper`);
  await page.waitForSelector(`${w} >> ${DIALOG}[open] #phc-paper-title`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('dialog').length), 0, 'the dialog is in the widget\'s shadow root, not the host\'s document');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'papers', 'the focus is inside the widget');
  assert.ok(await page.$(`${w} >> #phc-paper-refusal-said`), 'the complaint asks what the refusal said');
  await page.fill(`${w} >> #phc-paper-full-name`, NAME);
  await page.fill(`${w} >> #phc-paper-iin`, IIN);
  await page.fill(`${w} >> #phc-paper-refusal-said`, 'Нет прописки');
  await page.click(`${w} >> .phc-paper-print`);
  await page.waitForFunction(() => window.__frames.length === 1);
  const [frame] = await page.evaluate(() => window.__frames);
  assert.ok(frame.inDialog);
  assert.ok(frame.srcdoc.includes(NAME) && frame.srcdoc.includes('ЖАЛОБА'), 'the complaint, in Russian by default');
  assert.match(frame.srcdoc, /<link rel="stylesheet" href="http:\/\/[^"]+\/paper\.css">/);
  await page.waitForFunction(() => (window.__printed ?? []).length === 1, null, { timeout: 5000 });
  assert.equal((await page.evaluate(() => window.__printed[0].privacyBackground)), 'rgb(255, 247, 191)', 'styled under the host\'s policy');
  assert.equal(await page.evaluate(() => window.__hostNodes), 0, 'the host\'s document is left alone');

  await page.click(`${w} >> .phc-paper-close`);
  await page.waitForFunction(() => !document.querySelector('#papers').shadowRoot.querySelector('dialog'));
  const events = await page.evaluate(() => window.__events);
  assert.equal(events.filter((e) => e.name === 'phc-result').length, 1, 'the decision once');
  assert.equal(events.filter((e) => e.name === 'phc-print').length, 0, 'the paper is not handed to the host to print');
  assert.deepEqual(events.filter((e) => e.name === 'phc-step').map((e) => JSON.parse(e.detail).step).slice(-1), ['result'], 'the form is no step of the widget');
  for (const e of events) assert.deepEqual(leaks(e.detail), [], `${e.name} carries nothing typed`);
  assert.deepEqual(await page.evaluate(() => window.__hostPaperEvents), []);
  assert.deepEqual(leaks(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie)), []);
  await assertClean(page, problems);
  await context.close();
});
