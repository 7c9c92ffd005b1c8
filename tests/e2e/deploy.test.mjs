// Real deployments (issue 25): a new build replacing the one an open tab runs, and a server that
// answers with its own error page. A deployment is made for real on a copy of dist/ served by a small
// server of the test's own (the browser's update check of a service worker is not routed by
// Playwright): a new service worker whose files have other names, the old build's texts gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, freshPage, ready, underServiceWorker, assertClean, URL_BASE } from './lib.mjs';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

/** A copy of dist/ and a plain static server for it: the site as deployed, which the test redeploys. */
async function site() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phc-deploy-'));
  fs.cpSync(DIST, root, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) file = root;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not Found');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    root,
    close: () => { server.close(); fs.rmSync(root, { recursive: true, force: true }); },
  };
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** `base`/en/ once its service worker controls it: every file of the build in the offline copy. */
async function installed(base = URL_BASE) {
  const opened = await freshPage(browser);
  const { page } = opened;
  await page.goto(`${base}/en/`);
  await ready(page);
  await underServiceWorker(page);
  return opened;
}

test('a tab open across a new deployment still switches language when its build\'s texts are gone from the server', async () => {
  const deployed = await site();
  try {
    const { context, page, problems } = await installed(deployed.url);
    const [oldCache] = await page.evaluate(() => caches.keys());
    // The next build: a new worker (another version, the texts under other names), the old texts gone.
    const sw = path.join(deployed.root, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8')
      .replace(/const VERSION ?= ?(["'])([^"']*)\1/, 'const VERSION="$2-next"')
      .replace(/, ?["']\/messages-[a-z]+-[0-9a-f]+(-result)?\.txt["']/g, ''));
    for (const f of fs.readdirSync(deployed.root)) if (/^messages-/.test(f)) fs.rmSync(path.join(deployed.root, f));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const next = registration.installing ?? registration.waiting;
      if (next && next.state !== 'activated') await new Promise((done) => next.addEventListener('statechange', () => next.state === 'activated' && done()));
    });
    await page.waitForFunction((old) => navigator.serviceWorker.controller && caches.keys().then((keys) => keys.some((k) => k !== old)), oldCache);
    // Nor in the browser's HTTP cache (the first worker's install fetched every file once).
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    // The language switch of the open tab, still on the old build.
    await page.click('.phc-lang button[lang=ru]');
    await page.waitForSelector('.phc[lang=ru]', { timeout: 8000 });
    assert.equal(await page.$('.phc-crash'), null);
    assert.match(await page.textContent('.phc-title'), /Проверьте/);
    await assertClean(page, problems);
    await context.close();
  } finally {
    deployed.close();
  }
});

test('the offline copy of the page stands in for a server\'s 502 or 404, not the error page', async () => {
  const { context, page, problems } = await installed();
  for (const status of [502, 503, 404]) {
    await context.route(`${URL_BASE}/en/`, (route) => route.fulfill({ status, contentType: 'text/html', body: `<h1>${status} Bad Gateway</h1>` }));
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('.phc', 'lang'), 'en', `${status}: the app, from the offline copy`);
    assert.doesNotMatch(await page.textContent('body'), /Bad Gateway/);
    await context.unroute(`${URL_BASE}/en/`);
  }
  await assertClean(page, problems.filter((p) => !/the server responded with a status of/.test(p)));
  await context.close();
});
