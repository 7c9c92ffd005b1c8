// Chromium (Debian's, /usr/bin/chromium) through playwright-core: the driver interface of driver.mjs.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { PROBE, clockScript, commonPage } from './driver.mjs';

export async function launch({ at }) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage({ viewport = { width: 1000, height: 900 } } = {}) {
      const context = await browser.newContext({ locale: 'en-GB', viewport, acceptDownloads: true });
      await context.addInitScript(clockScript(at));
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      const common = commonPage(page);
      return {
        ...common,
        type: async (sel, text) => (await common.element(sel)).fill(text),
        async download(sel) {
          const [d] = await Promise.all([page.waitForEvent('download'), this.click(sel)]);
          return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
