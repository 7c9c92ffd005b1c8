// How nginx (deploy/nginx.conf) serves dist/: the security headers on every file, hashed files cached
// for a year and the page revalidated, and brotli sent where the browser accepts it, so that what a
// visitor downloads is exactly what the size report of `cargo xtask test` measures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URL_BASE, launch } from './lib.mjs';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function get(pathname, encoding, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(URL_BASE + pathname, { headers: { ...(encoding ? { 'accept-encoding': encoding } : {}), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

// Content-hashed names, as deploy/nginx.conf recognises them: trunk writes its hash without leading
// zeros, so it can be shorter than 16 digits.
const hashed = fs.readdirSync(DIST).filter((f) => /-[0-9a-f]{1,16}(_bg|-result|-paper)?\.(js|wasm|css|txt)$/.test(f));
const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy'];

test('every file carries the security headers; hashed files are immutable, the page is revalidated', async () => {
  assert.ok(hashed.some((f) => f.endsWith('.wasm')) && hashed.some((f) => f.endsWith('.css')), `hashed files in dist/: ${hashed}`);
  for (const file of ['/', '/phc-widget.js', '/sw.js', ...hashed.map((f) => '/' + f)]) {
    const r = await get(file);
    assert.equal(r.status, 200, file);
    for (const h of SECURITY) assert.ok(r.headers[h], `${file} has ${h}`);
    assert.match(r.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/, file);
    assert.doesNotMatch(r.headers['content-security-policy'], /unsafe-inline/, file);
    const immutable = /immutable/.test(r.headers['cache-control'] ?? '');
    assert.equal(immutable, hashed.includes(file.slice(1)), `${file}: cache-control ${r.headers['cache-control']}`);
  }
});

test('the prerendered language pages (issue 18) are served as the page is: the headers, revalidated, brotli; `/` fits the browser', async () => {
  for (const lang of ['kk', 'ru', 'en']) {
    const r = await get(`/${lang}/`, 'gzip, deflate, br');
    assert.equal(r.status, 200, `/${lang}/`);
    for (const h of SECURITY) assert.ok(r.headers[h], `/${lang}/ has ${h}`);
    assert.doesNotMatch(r.headers['content-security-policy'], /unsafe-inline/);
    assert.equal(r.headers['cache-control'], 'no-cache', `/${lang}/ is revalidated`);
    assert.match(r.headers['content-type'], /^text\/html/);
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(r.body.length, fs.statSync(path.join(DIST, lang, 'index.html.br')).size, 'the precompressed page, byte for byte');
  }
  for (const [accept, lang] of [['ru-RU,ru;q=0.9,en;q=0.8', 'ru'], ['en-US,en;q=0.9', 'en'], ['kk-KZ,kk;q=0.9,ru;q=0.8', 'kk'], ['de-DE,de;q=0.9', 'kk'], [undefined, 'kk']]) {
    const r = await get('/', 'br', accept ? { 'accept-language': accept } : {});
    assert.equal(r.status, 200);
    for (const h of SECURITY) assert.ok(r.headers[h], `/ (${accept}) has ${h}`);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.match(r.headers.vary ?? '', /Accept-Language/, 'caches keep one page per language');
    assert.equal(r.headers['content-encoding'], 'br');
    assert.deepEqual(r.body, fs.readFileSync(path.join(DIST, lang, 'index.html.br')), `/ for ${accept}: the ${lang} page`);
  }
});

test('the pages carry their script and stylesheet inline, and the policy allows exactly those two by hash; nothing else may run inline', async () => {
  const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const directive = (csp, name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
  for (const page of ['/', '/index.html', '/kk/', '/ru/', '/en/', '/en/index.html']) {
    const r = await get(page);
    assert.equal(r.status, 200, page);
    const html = r.body.toString('utf8');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    assert.equal(scripts.length, 1, `${page}: the page script, inline`);
    assert.equal(styles.length, 1, `${page}: the stylesheet, inline`);
    assert.doesNotMatch(html, /<link rel="stylesheet"|<script src="\/page/, `${page}: neither is fetched`);
    const csp = r.headers['content-security-policy'];
    assert.equal(directive(csp, 'script-src'), `script-src 'self' 'wasm-unsafe-eval' ${sha256(scripts[0])}`, `${page}: script-src`);
    assert.equal(directive(csp, 'style-src'), `style-src 'self' ${sha256(styles[0])}`, `${page}: style-src`);
  }
  // The widget's host page and every other file: the portal's policy, with no hash.
  for (const file of ['/demo.html', '/phc-widget.js', '/sw.js', ...hashed.map((f) => '/' + f)]) {
    const csp = (await get(file)).headers['content-security-policy'];
    assert.equal(directive(csp, 'script-src'), "script-src 'self' 'wasm-unsafe-eval'", file);
    assert.equal(directive(csp, 'style-src'), "style-src 'self'", file);
  }
});

test('brotli where accepted (the very bytes the size report counts), gzip otherwise, the right types', async () => {
  const wasm = hashed.find((f) => f.endsWith('.wasm'));
  const br = await get('/' + wasm, 'gzip, deflate, br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.body.length, fs.statSync(path.join(DIST, wasm + '.br')).size, 'the precompressed file, byte for byte');
  const gz = await get('/' + wasm, 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  const plain = await get('/' + wasm);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.length, fs.statSync(path.join(DIST, wasm)).size);
  const page = await get('/', 'br');
  assert.equal(page.headers['content-encoding'], 'br');
  assert.match(page.headers['content-type'], /^text\/html/);
});

test('the minified stylesheet means exactly what static/app.css says (Chromium parses both)', async () => {
  const source = fs.readFileSync(path.join(DIST, '../static/app.css'), 'utf8');
  const served = fs.readFileSync(path.join(DIST, hashed.find((f) => f.endsWith('.css'))), 'utf8');
  assert.ok(served.length < source.length * 0.9, `minified: ${served.length} of ${source.length} bytes`);
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    const rules = (css) => page.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return [...sheet.cssRules].map((r) => r.cssText);
    }, css);
    // A custom property keeps its value as written (a token list): `a, b` and `a,b` are the same list.
    const tokens = (texts) => texts.map((t) => t.replace(/(--[\w-]+:[^;]*)/g, (d) => d.replace(/,\s*/g, ',')));
    const [a, b] = [tokens(await rules(source)), tokens(await rules(served))];
    assert.ok(a.length > 50, `${a.length} rules`);
    assert.deepEqual(b, a);
  } finally {
    await browser.close();
  }
});

test('a missing hashed-looking file is not cached (issue 25): its 404 is revalidated, never immutable for a year', async () => {
  for (const file of ['/phc-app-0123456789abcdef_bg.wasm', '/phc-app-abc.js', '/app-0123abcd.css', '/messages-en-deadbeef.txt', '/messages-en-deadbeef-result.txt', '/sub/dir/x-1.js']) {
    const r = await get(file);
    assert.equal(r.status, 404, file);
    const cache = r.headers['cache-control'] ?? '';
    assert.doesNotMatch(cache, /immutable|max-age=[1-9]/, `${file}: a 404 sent with cache-control ${cache}`);
    assert.match(cache, /no-cache|no-store/, `${file}: ${cache}`);
    for (const h of SECURITY) assert.ok(r.headers[h], `${file}'s 404 has ${h}`);
  }
  // A hashed file that is there keeps its year, asked again too (304).
  const css = '/' + hashed.find((f) => f.endsWith('.css'));
  const first = await get(css);
  assert.match(first.headers['cache-control'], /immutable/);
  const again = await get(css, undefined, { 'if-none-match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.match(again.headers['cache-control'], /immutable/);
});

// The files a host page on another origin loads to run the widget: the module, what it imports, the
// wasm, the stylesheet and the texts of each language; and the paper's module, its texts and its two
// stylesheets (issue 27).
const widgetFiles = () => ['/phc-widget.js', '/paper.css', '/paper-form.css',
  ...hashed.filter((f) => /^(phc-app|phc-paper|messages|app)-/.test(f) || /\.(wasm|css)$/.test(f)).map((f) => '/' + f)];

test('the widget\'s files may be loaded from another origin (issue 25): Access-Control-Allow-Origin on the module, the wasm, the stylesheet and the texts', async () => {
  const files = widgetFiles();
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => /messages-ru-/.test(f)) && files.some((f) => /phc-app-.*\.js$/.test(f)), files.join(' '));
  assert.ok(files.some((f) => /phc-paper-.*_bg\.wasm$/.test(f)) && files.some((f) => /messages-kk-.*-paper\.txt$/.test(f)), files.join(' '));
  for (const file of files) {
    const r = await get(file, 'br', { origin: 'https://portal.example' });
    assert.equal(r.status, 200, file);
    assert.equal(r.headers['access-control-allow-origin'], '*', `${file}: access-control-allow-origin`);
    assert.equal(r.headers['cross-origin-resource-policy'], 'cross-origin', `${file}: cross-origin-resource-policy`);
  }
  // Only the widget's files: the app's pages are not for other origins to read.
  for (const page of ['/', '/en/']) assert.equal((await get(page)).headers['access-control-allow-origin'], undefined, page);
});

test('a host page on another origin that follows docs/widget.md gets a working widget from this server (issue 25)', async () => {
  const checker = new URL(URL_BASE).origin;
  // The host's own server, on another port of this machine (another origin; a page that a route of
  // the test answered would count as public, and Chromium keeps public pages from loopback servers).
  const host = http.createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // The policy docs/widget.md gives a host that loads the checker from another origin.
      'content-security-policy': `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${checker}; style-src 'self' ${checker}; connect-src 'self' ${checker}`,
    });
    res.end(`<!doctype html><html lang="ru"><head><title>Portal</title>
      <script type="module" src="${checker}/phc-widget.js"></script></head>
      <body><phc-eligibility id="w" lang="ru" service="attachment" at="2026-03-10T10:00:00+05:00"></phc-eligibility></body></html>`);
  });
  await new Promise((done) => host.listen(0, '127.0.0.1', done));
  const HOST = `http://127.0.0.1:${host.address().port}`;
  assert.notEqual(HOST, checker);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.addInitScript(() => {
      window.__events = [];
      for (const n of ['phc-ready', 'phc-error']) document.addEventListener(n, (e) => window.__events.push(n));
      document.addEventListener('securitypolicyviolation', (e) => window.__events.push(`csp ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${HOST}/services/attachment`);
    await page.waitForFunction(() => window.__events.length > 0, null, { timeout: 20000 }).catch(() => {});
    assert.deepEqual(await page.evaluate(() => window.__events), ['phc-ready'], problems.join('\n'));
    await page.waitForSelector('#w >> .phc .phc-title');
    assert.equal(await page.getAttribute('#w >> .phc', 'lang'), 'ru');
    // Another language's texts, fetched from the checker's origin.
    await page.click('#w >> .phc-lang button[lang=kk]');
    await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.phc')?.getAttribute('lang') === 'kk');
    const verdict = await page.evaluate(() => document.querySelector('#w').check(
      { service: 'home_visit', at: '2026-03-10T10:00:00+05:00', current_attachment: { attached: true, at_target_clinic: true } }, { lang: 'en' },
    ).then((d) => d.verdict));
    assert.equal(verdict, 'eligible');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    host.close();
  }
});

test('`/` reads Accept-Language as browsers write it (issue 25): later tags count, q=0 refuses a language', async () => {
  const cases = [
    ['de-DE,de;q=0.9,ru;q=0.8', 'ru'], ['fr-FR, fr;q=0.9, EN-us;q=0.7', 'en'], ['uz,kk-KZ;q=0.5', 'kk'],
    ['ru;q=0,en;q=0.5', 'en'], ['en-GB;q=0, kk;q=0.3', 'kk'], ['ru;q=0.0,  kk ;q=0.5', 'kk'], ['en;q=0.000,ru', 'ru'],
    ['ru-RU,ru;q=0.9,kk;q=0.8', 'ru'], ['enx,rux', 'kk'], ['*', 'kk'], ['ru;q=0', 'kk'],
  ];
  for (const [accept, lang] of cases) {
    const r = await get('/', 'br', { 'accept-language': accept });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, fs.readFileSync(path.join(DIST, lang, 'index.html.br')), `/ for ${accept}: the ${lang} page`);
  }
});
