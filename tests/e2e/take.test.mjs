// Take it along: the calendar file, the printed page, the share link, offline use, and no network or
// storage after the first load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openPage, assertClean, walk, chooseLanguage, ready, underServiceWorker, URL_BASE, AT } from './lib.mjs';
import { SCENARIOS } from './scenarios.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const complaint = SCENARIOS.find((s) => s.name.startsWith('complaint: eligible, in time'));
const attachment = SCENARIOS[0];

/** With the network cut, a reload still loads the app, and it answers; then the network comes back. */
async function answersOffline(context, page, problems) {
  await context.setOffline(true);
  const before = await page.getAttribute('.phc', 'data-screen');
  await page.reload();
  await ready(page);
  // Offline too, a reload keeps the place (the journey is in the tab); then a new check.
  assert.equal(await page.getAttribute('.phc', 'data-screen'), before, 'the reload kept the place');
  if (before !== 'start') await page.click('.phc-result > .phc-button-secondary, .phc-button-start');
  await page.waitForSelector('.phc[data-screen="start"]');
  await chooseLanguage(page, 'en');
  await walk(page, attachment.answers);
  assert.equal((await page.textContent('.phc-result h1')).trim(), 'You can attach to the clinic you want.');
  await context.setOffline(false);
  await assertClean(page, problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)));
}

test('"Add to calendar" downloads an .ics with the dates, in the chosen language', async () => {
  const { context, page, problems } = await openPage(browser);
  await chooseLanguage(page, 'en');
  await walk(page, complaint.answers);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.phc-action-calendar')]);
  assert.equal(download.suggestedFilename(), 'phc-dates.ics');
  const ics = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
  const unfolded = ics.replace(/\r\n /g, '');
  assert.match(unfolded, /SUMMARY:Complain no later than 4 May 2026\r\n/);
  assert.match(unfolded, /DTSTART;VALUE=DATE:20260504\r\n/);
  assert.match(unfolded, /SUMMARY:Answer to the complaint due no later than 10 April 2026\r\n/);
  assert.equal((unfolded.match(/BEGIN:VALARM/g) ?? []).length, (unfolded.match(/BEGIN:VEVENT/g) ?? []).length);
  await assertClean(page, problems);
  await context.close();
});

test('the printed result is one clean page: verdict, reasons, checklist, dates, edition, date, version; no buttons', async () => {
  const { context, page } = await openPage(browser);
  await chooseLanguage(page, 'en');
  await walk(page, attachment.answers);
  // The reasons are collapsed on screen ("Why we say this") and opened for printing.
  assert.equal(await page.$eval('.phc-why', (d) => d.open), false, 'collapsed on screen');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.$$eval(sel, (els) => els.some((e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0));
  for (const sel of ['button', '.phc-lang', '.phc-take', 'a.phc-link-portal']) assert.equal(await shown(sel), false, `${sel} hidden in print`);
  for (const sel of ['.phc-result h1', '.phc-reasons', '.phc-checklist input[type=checkbox]', '.phc-timeline', '.phc-version']) assert.ok(await shown(sel), `${sel} printed`);
  assert.match(await page.textContent('.phc-result'), /Checked on 10 March 2026/);
  // The edition as its act in words, never its id (issue 23).
  assert.match(await page.textContent('.phc-version'), /Checker 0\.1\.0; rules: Rules of attachment approved by Order No\. ҚР ДСМ-194\/2020, as amended in 2025/);
  assert.doesNotMatch(await page.textContent('.phc-result'), /order-194/);
  // Printing opens what is collapsed: the other ways, the risks, why.
  assert.equal(await page.$$eval('.phc-result details:not([open])', (d) => d.length), 0, 'every details open for print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
  assert.ok(pdf.length > 10000, `a real page: ${pdf.length} bytes`);
  await context.close();
});

test('a share link carries the answers in the fragment and restores the result elsewhere', async () => {
  const { context, page, problems } = await openPage(browser);
  await chooseLanguage(page, 'en');
  await walk(page, attachment.answers);
  const verdict = (await page.textContent('.phc-result h1')).trim();
  await page.click('.phc-action-share');
  const link = await page.inputValue('#phc-share-link');
  const url = new URL(link);
  assert.equal(url.search, '', 'never the query string');
  assert.match(url.hash, /^#1\.a0\./, 'versioned and compact');
  assert.ok(link.length < 120, link);
  assert.equal(new URL(page.url()).hash, url.hash, 'the address holds it too');
  await assertClean(page, problems);
  await context.close();

  const other = await openPage(browser, { path: '/' + url.hash });
  await chooseLanguage(other.page, 'en');
  await other.page.waitForSelector('.phc-result h1');
  assert.equal((await other.page.textContent('.phc-result h1')).trim(), verdict);
  assert.equal(new URL(other.page.url()).hash, '', 'read once, then gone from the address');
  await other.page.click('.phc-result .phc-button-secondary');
  await other.page.waitForSelector('.phc[data-screen=start]');
  await assertClean(other.page, other.problems);
  await other.context.close();
});

test('a damaged, foreign, newer or oversized link shows a message and starts afresh', async () => {
  for (const [hash, key] of [['#2.a0.b1', 'newer'], ['#1.zz.a0', 'could not be read'], ['#' + 'x'.repeat(20000), 'could not be read'],
    ['#1.a0.q20260231', 'could not be read'], ['#%00%FF<script>', 'could not be read']]) {
    const { context, page, problems } = await openPage(browser, { path: '/' + hash });
    await chooseLanguage(page, 'en');
    const msg = await page.textContent('.phc-start [role=alert]');
    assert.match(msg, new RegExp(key), `${hash.slice(0, 30)}: ${msg}`);
    await page.click('.phc-button-start');
    assert.equal(await page.getAttribute('.phc', 'data-screen'), 'question:service', 'starts afresh');
    await assertClean(page, problems);
    await context.close();
  }
});

test('after one visit the app loads and answers offline, and makes no request after loading', async () => {
  const { context, page, problems } = await openPage(browser);
  await underServiceWorker(page);
  // Another language's texts are a file of this build, served from the offline copy: no request
  // leaves the page for it.
  const files = [];
  page.on('response', (r) => files.push([new URL(r.url()).pathname, r.fromServiceWorker()]));
  await chooseLanguage(page, 'ru');
  // The address follows the language (`/ru/`), and Chromium then asks for the page's icon again:
  // the browser's own request, answered by the offline copy too.
  const icon = files.findIndex(([f, sw]) => f === '/favicon.svg' && sw);
  if (icon >= 0) files.splice(icon, 1);
  // Both parts of its file (issue 26): the screens' texts, and the result's.
  assert.equal(files.length, 2, `the language's two files: ${JSON.stringify(files)}`);
  assert.deepEqual(files.map(([f]) => f.replace(/[0-9a-f]{16}/, 'H')).sort(), ['/messages-ru-H-result.txt', '/messages-ru-H.txt']);
  assert.ok(files.every(([, sw]) => sw), 'served by the service worker from the offline copy');
  // From here on: no request may leave the page, even online.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await walk(page, complaint.answers);
  assert.deepEqual(requests, [], 'no request while answering');
  const stored = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookies: document.cookie }));
  // The language on the device; the journey (for a reload) in the tab's own storage, gone with it.
  assert.deepEqual(stored, { local: ['phc.lang'], session: ['phc.journey'], cookies: '' }, 'only the language and the tab\'s journey are stored');
  await answersOffline(context, page, problems);
  await context.close();
});

test('a new deployment replaces the offline copy cleanly: the new worker takes over, the old cache goes', async () => {
  const DIST = new URL('../../dist/', import.meta.url);
  const sw = new URL('sw.js', DIST);
  const original = fs.readFileSync(sw, 'utf8');
  const compressed = ['sw.js.br', 'sw.js.gz'].map((f) => [new URL(f, DIST), fs.readFileSync(new URL(f, DIST))]);
  const { context, page, problems } = await openPage(browser);
  try {
    await underServiceWorker(page);
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1, `one cache after the first visit: ${before}`);
    // "Deploy" a new version: a worker with another version (nginx would send the old bytes from the
    // precompressed copies, so they go for the time of the test).
    // The script is minified: `const VERSION="…"`.
    const [declared, version] = original.match(/const VERSION ?= ?["']([0-9a-f]+)["']/);
    const next = version.split('').reverse().join('');
    fs.writeFileSync(sw, original.replace(declared, declared.replace(version, next)));
    for (const [file] of compressed) fs.rmSync(file);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      await reg.update();
      await changed;
    });
    await page.waitForFunction((want) => caches.keys().then((k) => k.length === 1 && k[0] === want), `phc-${next}`);
    // The new copy works with no network.
    await answersOffline(context, page, problems);
  } finally {
    fs.writeFileSync(sw, original);
    for (const [file, bytes] of compressed) fs.writeFileSync(file, bytes);
    await context.close();
  }
});

test('the widget never registers a service worker on its host', async () => {
  const { context, page } = await openPage(browser, { path: '/demo.html' });
  await page.waitForSelector('#main-widget >> .phc .phc-title');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await context.close();
});

test('installable: the page links a manifest with a name, a start URL, standalone display and icons that load', async () => {
  const { context, page } = await openPage(browser);
  const href = await page.getAttribute('link[rel=manifest]', 'href');
  const res = await page.request.get(new URL(href, URL_BASE + '/').href);
  assert.equal(res.status(), 200);
  const manifest = await res.json();
  assert.ok(manifest.name && manifest.short_name, 'a name');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.start_url, 'a start URL');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, `a ${size} PNG icon`);
    const img = await page.request.get(new URL(icon.src, URL_BASE + '/').href);
    assert.equal(img.status(), 200, icon.src);
    const bytes = await img.body();
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], `${icon.src} is a PNG`);
    assert.equal(bytes.readUInt32BE(16), Number(size.split('x')[0]), `${icon.src} is ${size}`);
  }
  await context.close();
});
