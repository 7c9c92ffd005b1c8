// The driver interface of the cross-engine browser tests: one small surface that Chromium
// (playwright-core), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK (selenium-webdriver
// over WebKitWebDriver) each implement, so that every journey of journeys.mjs is described once and
// driven in all three (steps.mjs interprets it).
//
//   const engine = await launchEngine('firefox', { at });   // at: the moment the page's clock starts at
//   engine.name, engine.version
//   const page = await engine.newPage({ viewport });         // fresh storage, no service worker
//   await page.goto(url); await page.reload(); await page.url()
//   await page.run(fn, ...args)      // fn({ q, qa }, ...args) runs in the page; JSON in, JSON out;
//                                    // q(sel) / qa(sel) find elements, `host >> inner` inside open shadow roots
//   await page.click(sel)            // a real click (the driver's input, not element.click())
//   await page.type(sel, text)       // real key presses into an empty field
//   await page.download(sel)         // clicks; resolves with { name, text } of the file the browser saved
//   page.errors()                    // uncaught page errors and console errors the driver saw
//   await page.screenshot()          // a PNG of the viewport, as a Buffer (for a failed step's record)
//   await page.close(); await engine.close()
//
// Every page also records, from before its first script where the engine allows it, every
// Content-Security-Policy violation, uncaught error and unhandled rejection (PROBE below), read by
// steps.mjs `clean`. WebKit's classic WebDriver has no preload script: there the probe and the clock
// come another way (see webkit.mjs).

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export async function launchEngine(name, options) {
  switch (name) {
    case 'chromium': return (await import('./chromium.mjs')).launch(options);
    case 'firefox': return (await import('./firefox.mjs')).launch(options);
    case 'webkit': return (await import('./webkit.mjs')).launch(options);
    default: throw new Error(`unknown engine ${name}: one of ${ENGINES.join(', ')}`);
  }
}

/** Finds one element by a selector whose ` >> ` steps go into the open shadow root of the element before. */
export function q(sel) {
  let el = null;
  for (const part of sel.split(' >> ')) {
    const root = el ? el.shadowRoot : document;
    if (!root) return null;
    el = root.querySelector(part);
    if (!el) return null;
  }
  return el;
}

/** Every element the last step of such a selector matches. */
export function qa(sel) {
  const parts = sel.split(' >> ');
  const last = parts.pop();
  const host = parts.length ? q(parts.join(' >> ')) : null;
  const root = parts.length ? host?.shadowRoot : document;
  return root ? [...root.querySelectorAll(last)] : [];
}

/** A script expression that runs `fn({ q, qa }, ...args)` in the page (every driver evaluates it as it is). */
export function expression(fn, args) {
  return `(async () => { const q = ${q.toString()}; const qa = ${qa.toString()};
    return (${fn.toString()})({ q, qa }, ...${JSON.stringify(args)}); })()`;
}

/** An expression that yields the element itself (for the driver's native click and typing). */
export function elementExpression(sel) {
  return `(() => { const q = ${q.toString()}; const el = q(${JSON.stringify(sel)});
    if (!el) throw new Error('no element for ' + ${JSON.stringify(sel)}); return el; })()`;
}

/**
 * What the Playwright and Puppeteer drivers share, their page objects having the same API for these:
 * the page's errors and console errors collected, and going, reloading, reading the address, running
 * a function in the page and clicking an element (also inside a widget's shadow root).
 */
export function commonPage(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const element = async (sel) => (await page.evaluateHandle(elementExpression(sel))).asElement();
  return {
    element,
    goto: async (url) => { await page.goto(url); },
    reload: async () => { await page.reload(); },
    url: async () => page.url(),
    run: (fn, ...args) => page.evaluate(expression(fn, args)),
    click: async (sel) => (await element(sel)).click(),
    screenshot: async () => Buffer.from(await page.screenshot()),
    errors: () => errors,
  };
}

/**
 * Installed in every document before its scripts (Chromium, Firefox) or right after it loaded (WebKit):
 * records what must not happen. Idempotent. Keeps its records on a property of `document`, not a
 * global of the host page.
 */
export const PROBE = `(() => {
  if (document.__phcProbe) return;
  const seen = document.__phcProbe = [];
  document.addEventListener('securitypolicyviolation', (e) => seen.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI));
  addEventListener('error', (e) => { if (e.target === window) seen.push('error ' + e.message); });
  addEventListener('unhandledrejection', (e) => seen.push('unhandled rejection ' + (e.reason && e.reason.message || e.reason)));
})();`;

/**
 * The page's clock starts at `at` and runs on (Chromium, Firefox: a script before the page's own;
 * WebKit: the whole browser under libfaketime). The app reads the time only through `Date`.
 */
export function clockScript(at) {
  return `(() => {
  const Real = Date, offset = ${Date.parse(at)} - Real.now();
  class FixedDate extends Real {
    constructor(...a) { if (a.length) super(...a); else super(Real.now() + offset); }
    static now() { return Real.now() + offset; }
  }
  globalThis.Date = FixedDate;
})();`;
}

/** Polls `check` until it returns something truthy. */
export async function until(check, what, { timeout = 15000, every = 50 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * `promise`, or a rejection with `message` once `ms` have passed without it settling (the timer is
 * cleared either way: none outlives its promise).
 */
export async function within(promise, ms, message) {
  let timer;
  const late = new Promise((_, no) => { timer = setTimeout(() => no(new Error(message)), ms); });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A free TCP port on loopback. */
export async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}
