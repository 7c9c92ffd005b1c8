// Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi: the driver interface
// of driver.mjs. Each page is a browser context of its own (fresh storage); downloads go, without a
// dialog, to a folder of this run.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROBE, clockScript, commonPage, until } from './driver.mjs';

export async function launch({ at }) {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'phc-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/calendar',
    },
  });
  return {
    name: 'firefox',
    version: (await browser.version()).replace(/^firefox\//, ''),
    async newPage({ viewport = { width: 1000, height: 900 } } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      await page.evaluateOnNewDocument(clockScript(at));
      await page.evaluateOnNewDocument(PROBE);
      const common = commonPage(page);
      return {
        ...common,
        async type(sel, text) {
          const el = await common.element(sel);
          await el.evaluate((e) => { e.value = ''; });
          await el.type(text);
        },
        async download(sel) {
          const before = new Set(fs.readdirSync(downloads));
          await this.click(sel);
          const name = await until(() => fs.readdirSync(downloads).find((f) => !before.has(f) && !f.endsWith('.part')),
            `a file in ${downloads}`);
          const file = path.join(downloads, name);
          const text = await until(() => fs.statSync(file).size > 0 && fs.readFileSync(file, 'utf8'), `${file} written`);
          fs.rmSync(file);
          return { name, text };
        },
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}
