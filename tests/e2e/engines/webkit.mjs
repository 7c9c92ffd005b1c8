// WebKitGTK (Debian's webkit2gtk-driver: WebKitWebDriver and its MiniBrowser) through
// selenium-webdriver: the driver interface of driver.mjs.
//
// - A display: MiniBrowser has no headless mode here, so it runs under an Xvfb of this run.
// - Each page is a WebDriver session of its own: automation sessions are ephemeral, so each starts with
//   empty storage and no service worker.
// - The clock: classic WebDriver has no script that runs before the page's own, so the whole browser
//   runs under libfaketime (Debian's faketime), started at `at` (the wall clock only: timers keep the
//   real monotonic clock).
// - The probe (driver.mjs PROBE) is installed right after each load: what happens while a page loads
//   is not seen here (Chromium and Firefox see it, on the same files under the same policy); what the
//   page shows afterwards is checked in every engine.
// - Console messages are not readable through classic WebDriver: `errors()` is always empty here.
// - Downloads are saved, without a dialog, into the browser's home folder (a folder of this run).
// - The page load strategy is "none": WebKitWebDriver's own wait for a navigation after a command
//   is not used (a same-document navigation, the app's pushState, could leave it waiting for a load
//   that never comes: WebKit bug 323447 loses such waits). `goto` and `reload` wait for the new
//   document themselves, and every step polls for what it expects (driver.mjs `until`).
import { Builder } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROBE, expression, elementExpression, until, within, freePort } from './driver.mjs';

const firstExisting = (candidates, what) => {
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`${what} not found (tried ${candidates.join(', ')}); cargo xtask setup installs it`);
  return found;
};
const multiarch = () => fs.readdirSync('/usr/lib').filter((d) => /-linux-gnu/.test(d)).map((d) => `/usr/lib/${d}`);
const minibrowser = () => firstExisting(multiarch().map((d) => `${d}/webkit2gtk-4.1/MiniBrowser`), 'MiniBrowser (webkit2gtk-driver)');
const faketime = () => firstExisting(multiarch().map((d) => `${d}/faketime/libfaketimeMT.so.1`), 'libfaketime (faketime)');

/** An Xvfb on a display number it picks itself (-displayfd). */
async function xvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) resolve(`:${out.trim()}`); });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err}`)));
    setTimeout(() => reject(new Error(`Xvfb gave no display: ${err}`)), 10000);
  });
  return { display, stop: () => child.kill('SIGTERM') };
}

/** `2026-03-10T10:00:00+05:00` as libfaketime's absolute start in UTC: `@2026-03-10 05:00:00`. */
const fakeStart = (at) => `@${new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')}`;

export async function launch({ at }) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'phc-webkit-home-'));
  const x = await xvfb();
  const env = {
    ...process.env, DISPLAY: x.display, HOME: home, TZ: 'UTC',
    LD_PRELOAD: faketime(), FAKETIME: fakeStart(at), FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
  let driverLog = '';
  // WebKitWebDriver in a process group of its own, so that it goes with the MiniBrowser it started.
  async function startDriver() {
    const port = await freePort();
    const child = spawn('WebKitWebDriver', [`--port=${port}`], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    child.stderr.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
    const url = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${url}/status`)).ok, `WebKitWebDriver on ${url}`, { timeout: 20000 });
    return { child, url };
  }
  async function stopDriver(d) {
    if (d.child.exitCode !== null) return;
    const gone = new Promise((r) => d.child.once('exit', r));
    try { process.kill(-d.child.pid, 'SIGKILL'); } catch { /* already gone */ }
    await gone;
  }
  let driver = await startDriver();
  const capabilities = {
    browserName: 'MiniBrowser',
    pageLoadStrategy: 'none',
    'webkitgtk:browserOptions': { binary: minibrowser(), args: ['--automation'] },
  };
  // A new browser session, sized, with a script timeout. Under load WebKitWebDriver sometimes never
  // answers a new session (seen about once in ten runs of the whole set, while other builds shared
  // the two cores): the browser's launch, not the app under test, so after 30 s the driver (with its
  // browser) is started again and the session asked for once more. It is said on standard error.
  async function session(viewport) {
    const start = async () => {
      const wd = await new Builder().usingServer(driver.url).withCapabilities(capabilities).build();
      if (viewport) await wd.manage().window().setRect(viewport);
      // A script that hangs fails the step after 20 s, instead of the test's whole time.
      await wd.manage().setTimeouts({ script: 20000 });
      return wd;
    };
    for (let attempt = 1; ; attempt++) {
      const starting = start();
      try {
        return await within(starting, 30000, 'no new session after 30 s');
      } catch (e) {
        starting.catch(() => {});
        if (attempt === 2) throw new Error(`WebKitWebDriver: ${e.message}; its log: ${driverLog.slice(-1500)}`);
        console.error(`webkit: ${e.message}; starting WebKitWebDriver again`);
        await stopDriver(driver);
        driver = await startDriver();
      }
    }
  }
  const probe = await session();
  const version = (await probe.getCapabilities()).get('browserVersion');
  await probe.quit();
  const open = new Set();
  return {
    name: 'webkit',
    version,
    async newPage({ viewport = { width: 1000, height: 900 } } = {}) {
      const wd = await session({ width: viewport.width, height: viewport.height });
      open.add(wd);
      const element = (sel) => wd.executeScript(`return ${elementExpression(sel)}`);
      // The document before a navigation is marked; the new one is loaded once it is unmarked and
      // complete. Then the probe is installed in it.
      const navigate = async (go) => {
        await wd.executeScript('document.__phcLeaving = true;').catch(() => {});
        await go();
        const loaded = () => wd.executeScript("return !document.__phcLeaving && document.readyState === 'complete'");
        try {
          await until(loaded, 'the new document loaded', { timeout: 12000 });
        } catch (e) {
          // Under load WebKit now and then never starts a navigation: the page stays as it was,
          // still marked (seen on a fresh page, about:blank, in a full test run). Asked once more.
          console.error(`webkit: ${e.message}; navigating again`);
          await go();
          await until(loaded, 'the new document loaded', { timeout: 25000 });
        }
        await wd.executeScript(PROBE);
      };
      return {
        goto: (url) => navigate(() => wd.get(url)),
        reload: () => navigate(() => wd.navigate().refresh()),
        url: () => wd.getCurrentUrl(),
        // The probe again first (it is idempotent): a page that replaced itself after it loaded
        // (`/` opening `/en/`) gets it too.
        run: (fn, ...args) => wd.executeScript(`${PROBE} return ${expression(fn, args)}`),
        click: async (sel) => (await element(sel)).click(),
        async type(sel, text) {
          const el = await element(sel);
          await el.clear();
          await el.sendKeys(text);
        },
        async download(sel) {
          const before = new Set(fs.readdirSync(home));
          await this.click(sel);
          const name = await until(() => fs.readdirSync(home).find((f) => !before.has(f) && !f.startsWith('.') && !/\.(download|part)$/.test(f)
            && fs.statSync(path.join(home, f)).isFile()),
            `a file in ${home}`);
          const file = path.join(home, name);
          const text = await until(() => fs.statSync(file).size > 0 && fs.readFileSync(file, 'utf8'), `${file} written`);
          fs.rmSync(file);
          return { name, text };
        },
        screenshot: async () => Buffer.from(await wd.takeScreenshot(), 'base64'),
        errors: () => [],
        async close() { open.delete(wd); await wd.quit(); },
      };
    },
    async close() {
      for (const wd of open) await wd.quit().catch(() => {});
      await stopDriver(driver);
      x.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
    log: () => driverLog,
  };
}
