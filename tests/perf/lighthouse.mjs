// Lighthouse on the start page and a result page (mobile settings, Lighthouse's own simulated
// throttling), against dist/ served by nginx with the production headers. A script that prints the
// scores, not a test: run it with `cargo xtask lighthouse`.
//
// The result page is reached the way a citizen comes back to it: a share link, whose fragment holds
// the answers. The link is made here by walking a scenario in the app and pressing "Share".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, walk, URL_BASE } from '../e2e/lib.mjs';
import { SCENARIOS } from '../e2e/scenarios.mjs';

const LIGHTHOUSE = process.env.LIGHTHOUSE;
const REPORTS = process.env.REPORTS ?? 'target/lighthouse';
if (!LIGHTHOUSE) throw new Error('LIGHTHOUSE (the lighthouse binary) is not set: run `cargo xtask lighthouse`');

async function resultLink() {
  const browser = await launch();
  try {
    const { page } = await openPage(browser);
    await walk(page, SCENARIOS[0].answers);
    await page.click('.phc-action-share');
    return await page.inputValue('#phc-share-link');
  } finally {
    await browser.close();
  }
}

const pages = [['start page', URL_BASE + '/'], ['result page', await resultLink()]];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows = [];
for (const [name, url] of pages) {
  const out = path.join(REPORTS, `${name.replace(/\W+/g, '-')}.json`);
  const r = spawnSync(LIGHTHOUSE, [
    url, '--quiet', '--output=json', `--output-path=${out}`, `--only-categories=${categories.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run',
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, encoding: 'utf8', timeout: 180000 });
  if (r.status !== 0) throw new Error(`lighthouse failed on the ${name}: ${r.stderr || r.error}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]));
  const audits = report.audits;
  rows.push({ name, scores, fcp: audits['first-contentful-paint']?.displayValue, lcp: audits['largest-contentful-paint']?.displayValue,
    tbt: audits['total-blocking-time']?.displayValue,
    failing: Object.values(audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary').map((a) => a.id) });
}
console.log('\nLighthouse (mobile, simulated slow 4G and 4x CPU)');
for (const r of rows) {
  console.log(`  ${r.name.padEnd(12)} performance ${r.scores.performance}, accessibility ${r.scores.accessibility}, best practices ${r.scores['best-practices']}, SEO ${r.scores.seo}; FCP ${r.fcp}, LCP ${r.lcp}, TBT ${r.tbt}`);
  if (r.failing.length) console.log(`    failing audits: ${r.failing.join(', ')}`);
}
console.log(`  reports: ${REPORTS}`);
