// <phc-eligibility>: the PHC checker as a custom element, for any host page (docs/widget.md).
//
//   <script type="module" src="https://…/phc-widget.js"></script>
//   <phc-eligibility lang="ru" service="attachment"></phc-eligibility>
//
// The app renders into an open shadow root: the host's CSS cannot reach it except through the
// documented --phc-* custom properties and ::part() names, and it touches nothing of the host page.
//
// A facade first (issue 26): on connection the element shows its start screen at once, built here
// from the start view's texts (xtask writes them below, from `app/src/start_view.rs` and the message
// tables, as it writes the prerendered pages), with no wasm. The wasm, its bindings and the language's
// texts are loaded once for every widget on the page; each element goes live when it comes within
// about one screen of the viewport, is pressed, or is asked to `check()` (or at once with
// `loading="eager"`, or when the tab kept its journey); then the app takes the start screen over,
// element for element the same, so nothing moves, the focus stays where it was, and a press made
// meanwhile is carried out. `cargo xtask` writes the hashed file names below when it builds dist/.
const base = new URL('.', import.meta.url);
const START = __START_VIEWS__;

let bindings = null;
let loading = null;
function ready() {
  // The message files of each language sit beside this module; each is loaded when first shown. A
  // load that failed (the network, a server error) is tried again by the next call, not kept failed
  // for the page's life.
  loading ??= import('./__BINDGEN_JS__').then(async (m) => {
    await m.default({ module_or_path: new URL('__WASM__', base) });
    m.set_asset_base(base.href);
    bindings = m;
    return m;
  }).catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

// What check() accepts, checked here, before anything is copied into the wasm's memory (issue 25: a
// `lang` that is not a string trapped the wasm, `{ length: 1.5e9 }` made it reserve 1.5 GB, and a
// 100 MB request was copied in whole before its size was refused).
const MAX_REQUEST = 64 * 1024;
const MAX_LANG = 35;

function kind(v) {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

/** The request as JSON text of at most 64 KiB, or a TypeError naming `request`. */
function requestText(request) {
  if (request === null || request === undefined) throw new TypeError('request: missing; expected one object as in contract version 1');
  let text = request;
  if (typeof request === 'object') {
    try {
      text = JSON.stringify(request);
    } catch {
      throw new TypeError('request: cannot be read as JSON (a cyclic object?); expected one object as in contract version 1');
    }
  } else if (typeof request !== 'string') {
    throw new TypeError(`request: expected an object, got ${kind(request)}`);
  }
  if (typeof text !== 'string') throw new TypeError('request: cannot be read as JSON; expected one object as in contract version 1');
  // UTF-8 takes at least one byte per UTF-16 unit: count the bytes only when it can matter.
  if (text.length > MAX_REQUEST || (text.length > MAX_REQUEST / 3 && new TextEncoder().encode(text).length > MAX_REQUEST)) {
    throw new TypeError('request: larger than 64 KiB; expected one request of contract version 1');
  }
  return text;
}

/** The `lang` of check()'s options: a short string or none, else a TypeError naming it. */
function langOption(options) {
  if (options === undefined || options === null) return null;
  if (typeof options !== 'object') throw new TypeError(`options: expected an object such as { lang: "kk" }, got ${kind(options)}`);
  const lang = options.lang; // read once: a getter could answer differently the second time
  if (lang === undefined || lang === null || lang === '') return null;
  if (typeof lang !== 'string') throw new TypeError(`lang: expected a language code (kk, ru or en), got ${kind(lang)}`);
  if (lang.length > MAX_LANG) throw new TypeError(`lang: unknown language of ${lang.length} characters; expected one of kk, ru, en`);
  return lang;
}

const ATTRIBUTES = ['lang', 'service', 'at', 'portal-url', 'compact', 'heading-level', 'lang-switch'];
const widgets = new Set();

// The facade ---------------------------------------------------------------------------------------

/**
 * `ru-RU` → `ru`; a tag of no language the checker speaks → null. Exactly as `lang_of` in the app
 * (its first two bytes, ASCII-lowercased), so the start view is in the language the app will show.
 */
function langOf(tag) {
  const l = /^[A-Za-z]{2}/.exec(String(tag ?? ''))?.[0].toLowerCase();
  return l && Object.hasOwn(START.views, l) ? l : null;
}

/** The language the app will show for these attributes (`widget_lang`): its own, the page's, the browser's. */
function languageOf(a) {
  return langOf(a.lang) ?? langOf(document.documentElement.getAttribute('lang')) ?? langOf(navigator.language) ?? 'kk';
}

/** `heading-level` as the app reads it (1 to 6, else 2). */
function headingLevel(value) {
  const h = String(value ?? '').trim();
  const n = /^\+?\d{1,3}$/.test(h) ? Number(h) : 0;
  return n >= 1 && n <= 6 ? n : 2;
}

function node(tag, attributes, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/**
 * The start screen as the app renders it inside the widget (app/src/ui/mod.rs, embedded, and
 * ui/start.rs from app/src/start_view.rs), for these attributes: nodes, never HTML text (a Trusted
 * Types host refuses HTML text).
 */
function startView(a) {
  const lang = languageOf(a);
  const v = START.views[lang];
  const header = node('header', { class: 'phc-header', part: 'header' },
    node('p', { class: 'phc-brand' }, a.service === 'home_visit' ? v.brand_home_visit : v.brand));
  if (a['lang-switch'] !== 'off') {
    const items = START.langs.map(([l, name]) => node('li', {}, node('button', { type: 'button', lang: l, 'aria-pressed': String(l === lang) }, name)));
    header.append(node('nav', { class: 'phc-lang', 'aria-label': v.lang_label }, node('ul', {}, ...items)));
  }
  const level = headingLevel(a['heading-level']);
  const blocks = v.blocks.map(([kind, text]) => {
    switch (kind) {
      case 'title': return node(`h${level}`, { class: 'phc-title', tabindex: '-1' }, text);
      case 'lead': return node('p', { class: 'phc-lead' }, text);
      case 'list': return node('ul', { class: 'phc-list' }, ...text.map((t) => node('li', {}, t)));
      case 'privacy': return node('p', { class: 'phc-privacy' }, text);
      case 'start': return node('button', { type: 'button', class: 'phc-button phc-button-start', part: 'button' }, text);
      default: return node('p', {}, text);
    }
  });
  const main = node('section', { class: 'phc-main', part: 'main', 'aria-label': v.brand }, node('div', { class: 'phc-start' }, ...blocks));
  return node('div', { class: a.compact ? 'phc phc-compact' : 'phc', lang, 'data-screen': 'start' }, header, main);
}

/** Where the app keeps this element's journey in the tab (`widget_key` in app/src/ui/platform.rs). */
function keptJourney(el) {
  const place = el.id || `#${Math.max(0, [...document.querySelectorAll(el.localName)].indexOf(el))}`;
  try {
    return sessionStorage.getItem(`phc.widget:${location.pathname}:${place}`) !== null;
  } catch {
    return false;
  }
}

/** An element's place among the elements of `root` (the facade and the app are the same shape). */
function indexIn(root, el) {
  return el ? [...root.querySelectorAll('*')].indexOf(el) : -1;
}

/** Calls `then(app)` once the app's first render is in `container` (Yew renders in a microtask). */
function whenRendered(container, then) {
  const app = container.querySelector('.phc');
  if (app) return then(app);
  const watch = new MutationObserver(() => {
    const rendered = container.querySelector('.phc');
    if (!rendered) return;
    watch.disconnect();
    then(rendered);
  });
  watch.observe(container, { childList: true, subtree: true });
}

// The widget comes "near" within one screen of the viewport: its wasm is fetched then, early
// enough that a citizen scrolling at reading speed finds it working (`cargo xtask loadbench`).
const NEAR = '100% 0px 100% 0px';

function emit(el, name, detail) {
  el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

// "Print" inside the widget prints the widget's result alone: a hidden frame holds a copy of it with
// the widget's stylesheet, prints, and goes (the host page is neither printed nor changed). The copy
// is made of nodes, not of HTML text, so a host page that enforces Trusted Types
// (`require-trusted-types-for 'script'`) prints too (issue 25: `srcdoc` is a sink it refuses).
function printResult(container, css) {
  const app = container.querySelector('.phc');
  if (!app) return;
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.className = 'phc-print-frame';
  Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0', right: '0', bottom: '0' });
  frame.addEventListener('load', () => {
    const doc = frame.contentDocument;
    if (!doc) return frame.remove();
    doc.documentElement.lang = app.getAttribute('lang') ?? 'kk';
    const sheet = doc.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = css;
    const copy = doc.importNode(app, true);
    for (const details of copy.querySelectorAll('details')) details.open = true;
    const print = () => {
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 1000);
    };
    sheet.addEventListener('load', print, { once: true });
    sheet.addEventListener('error', print, { once: true });
    doc.head.append(sheet);
    doc.body.replaceChildren(copy);
  }, { once: true });
  document.body.append(frame);
}

// The containers (and their handles) of removed widgets, for the next ones (WidgetHandle in
// app/src/widget.rs: a container's Yew root can never be freed, so it is used again). At most as
// many as were ever shown at once, up to this many.
const spare = [];
const MAX_SPARE = 16;

// After the host page's own scripts have run, so that a host listening as docs/widget.md shows
// hears the event even when the checker fails at once.
function afterLoad() {
  return document.readyState === 'complete' ? Promise.resolve() : new Promise((done) => window.addEventListener('load', done, { once: true }));
}

class PhcEligibility extends HTMLElement {
  static get observedAttributes() { return [...ATTRIBUTES, 'loading']; }

  #handle = null;
  #container = null;
  #sheet = null;
  // The start view shown until the app takes it over, and what the citizen did in it meanwhile.
  #facade = null;
  #chosenLang = null;
  #begin = false;
  #downOnStart = false;
  #observer = null;
  #live = false;
  #ready = null;
  #settle = null;
  // Counts connections: an await that resumes after the element was removed (and maybe added
  // again) must not mount into what is no longer its container.
  #connection = 0;

  constructor() {
    super();
    // Once per element, however often it is removed and added again (issue 25: a listener added on
    // every connection made one press open a print dialog for each).
    this.addEventListener('phc-print', () => {
      if (this.#container && this.#sheet) printResult(this.#container, this.#sheet.href);
    });
  }

  #attributes() {
    const a = {};
    for (const name of ATTRIBUTES) {
      if (name === 'compact') a.compact = this.hasAttribute('compact');
      else if (this.hasAttribute(name)) a[name] = this.getAttribute(name);
    }
    return a;
  }

  #root() {
    if (this.shadowRoot) return this.shadowRoot;
    const root = this.attachShadow({ mode: 'open' });
    // The result's "Prepare the application" (issue 27): the paper's module, fetched then, opens its
    // form inside this shadow root.
    root.addEventListener('click', __PAPER_LISTENER__);
    // A press on the facade is kept and carried out by the app (as static/page.js does on the app's
    // page); pressing begins the load at once, before the press is even over.
    root.addEventListener('pointerdown', (e) => {
      const button = this.#facadeButton(e);
      this.#downOnStart = !!button?.classList.contains('phc-button-start');
      if (button) ready().catch(() => {});
    }, true);
    root.addEventListener('click', (e) => {
      const button = this.#facadeButton(e);
      if (!button) return;
      const lang = button.closest('.phc-lang') && langOf(button.getAttribute('lang'));
      if (lang) {
        // The facade speaks every language: it switches at once, and the app starts in this one.
        this.#chosenLang = lang;
        this.#drawFacade();
        this.#facade.querySelector(`.phc-lang button[lang="${lang}"]`)?.focus({ preventScroll: true });
      } else if (button.classList.contains('phc-button-start')) {
        this.#begin = true;
        // Marked in place: the pressed button keeps the focus.
        button.setAttribute('aria-disabled', 'true');
        this.#facade.setAttribute('aria-busy', 'true');
      }
      this.#goLive();
    }, true);
    // A press that began on the facade's Start and ends on the app's (the take-over came between) is
    // a press: the browser sends no click, the two buttons being different elements.
    root.addEventListener('pointerup', (e) => {
      const down = this.#downOnStart;
      this.#downOnStart = false;
      if (!down || this.#facade || !this.#handle) return;
      const button = e.target?.closest?.('.phc-button-start');
      if (button && this.#container?.contains(button)) button.click();
    }, true);
    return root;
  }

  /** The start view for the attributes and what the citizen did in it (drawn again when either changes). */
  #drawFacade() {
    const a = this.#attributes();
    if (this.#chosenLang) a.lang = this.#chosenLang;
    const view = startView(a);
    if (this.#begin) {
      // Start pressed: it waits for the app, and says so (as on the app's page).
      view.setAttribute('aria-busy', 'true');
      view.querySelector('.phc-button-start')?.setAttribute('aria-disabled', 'true');
    }
    if (this.#facade) this.#facade.replaceWith(view);
    else this.#container.append(view);
    this.#facade = view;
  }

  /** The facade's button an event is on, if the facade is still shown. */
  #facadeButton(e) {
    const button = this.#facade && e.target?.closest?.('button');
    return button && this.#facade.contains(button) ? button : null;
  }

  connectedCallback() {
    if (this.#container) return;
    this.#connection++;
    const root = this.#root();
    this.#sheet = document.createElement('link');
    this.#sheet.rel = 'stylesheet';
    this.#sheet.href = new URL('__CSS__', base).href;
    this.#container = document.createElement('div');
    this.#container.className = 'phc-host';
    // Shown with its styles, not before: an unstyled view that then changes size would move the
    // host's page.
    this.#container.hidden = true;
    const show = () => { this.#container && (this.#container.hidden = false); };
    this.#sheet.addEventListener('load', show, { once: true });
    this.#sheet.addEventListener('error', show, { once: true });
    this.#drawFacade();
    root.replaceChildren(this.#sheet, this.#container);
    this.#ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
    // A host that never asks is not told of a failure twice (phc-error says it).
    this.#ready.catch(() => {});
    if (this.getAttribute('loading') === 'eager' || keptJourney(this) || typeof IntersectionObserver !== 'function') {
      this.#goLive();
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#goLive();
    }, { rootMargin: NEAR });
    this.#observer.observe(this);
  }

  /** Loads the app (once for the page) and lets it take this element's start view over. */
  async #goLive() {
    if (this.#live || !this.#container) return;
    this.#live = true;
    this.#observer?.disconnect();
    this.#observer = null;
    const connection = this.#connection;
    let m;
    try {
      m = await ready();
      await m.ensure_language(m.widget_lang(this.#attributes()));
      if (this.#chosenLang) await m.ensure_language(this.#chosenLang);
    } catch (e) {
      if (connection !== this.#connection) return;
      // Nodes, not HTML text: this must work on a Trusted Types host too (issue 25).
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = 'The checker could not start · Тексеру құралы ашылмады · Не удалось открыть проверку';
      // The host's own content of the element (a link to the service, say) shows below the message.
      this.#facade = null;
      this.#container.replaceChildren(p, document.createElement('slot'));
      this.#container.hidden = false;
      this.#settle.reject(e);
      await afterLoad();
      emit(this, 'phc-error', { message: `the checker could not start: ${e?.message ?? e}` });
      return;
    }
    if (connection !== this.#connection || !this.isConnected || this.#handle) return;
    // What the citizen did in the facade: the language chosen, Start pressed, the element focused.
    const focused = this.#facade ? indexIn(this.#facade, this.shadowRoot.activeElement) : -1;
    const [lang, begin] = [this.#chosenLang, this.#begin];
    this.#facade = null;
    this.#chosenLang = null;
    this.#begin = false;
    const parked = spare.pop();
    if (parked) {
      this.#container.replaceWith(parked.container);
      parked.container.hidden = this.#container.hidden;
      this.#container = parked.container;
      this.#handle = parked.handle;
      this.#handle.adopt(this, this.#attributes());
    } else {
      // The facade out and the app in within one task: no frame shows neither.
      this.#container.replaceChildren();
      this.#handle = m.mount(this.#container, this, this.#attributes());
    }
    const container = this.#container;
    whenRendered(container, (app) => {
      if (container !== this.#container || app.getAttribute('data-screen') !== 'start') return;
      // The language's texts are in: the switch is made before the next frame, as the press was.
      if (lang && app.getAttribute('lang') !== lang) app.querySelector(`.phc-lang button[lang="${lang}"]`)?.click();
      const start = begin && app.querySelector('.phc-button-start');
      if (start) start.click();
      else if (focused >= 0) app.querySelectorAll('*')[focused]?.focus({ preventScroll: true });
    });
    widgets.add(this);
    const version = m.version();
    this.#settle.resolve(version);
    emit(this, 'phc-ready', { version });
  }

  disconnectedCallback() {
    this.#connection++;
    widgets.delete(this);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#live = false;
    this.#facade = null;
    this.#chosenLang = null;
    this.#begin = false;
    if (this.#handle && spare.length < MAX_SPARE) {
      this.#handle.park();
      spare.push({ container: this.#container, handle: this.#handle });
    } else if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
    }
    this.#handle = null;
    this.#container = null;
    this.#sheet = null;
    this.shadowRoot?.replaceChildren();
  }

  attributeChangedCallback(name) {
    if (!this.#container) return;
    if (this.#facade) {
      this.#drawFacade();
      if (name === 'loading' && this.getAttribute('loading') === 'eager') this.#goLive();
      return;
    }
    if (!this.#handle || !bindings) return;
    const attributes = this.#attributes();
    const lang = bindings.widget_lang(attributes);
    if (bindings.language_ready(lang)) {
      this.#handle.update(attributes);
      return;
    }
    bindings.ensure_language(lang).then(
      () => this.#handle?.update(this.#attributes()),
      (e) => emit(this, 'phc-error', { message: `${e.message ?? e}` }),
    );
  }

  /** The decision for a request of contract version 1, with the engine alone (no UI). */
  check(request, options) {
    this.#goLive();
    return check(request, options);
  }

  /** Back to the start page; every answer forgotten. */
  reset() { this.#handle?.reset(); }

  /** `{ app, editions, current_edition }` once loaded. */
  get version() { return bindings ? bindings.version() : null; }

  /**
   * Resolves with the version once the app has taken this element over (as `phc-ready` says);
   * rejects if it cannot start (as `phc-error` says). A new promise for each connection.
   */
  get ready() {
    if (this.#ready) return this.#ready;
    const never = Promise.reject(new Error('the element is not in a document'));
    never.catch(() => {});
    return never;
  }
}

/**
 * The engine alone: resolves with the decision, rejects with a TypeError naming the field, or the
 * argument (`request`, `options`, `lang`) when it is not what the wasm can be given.
 */
export async function check(request, options) {
  const text = requestText(request);
  const lang = langOption(options);
  const m = await ready();
  if (lang !== null) await m.ensure_language(lang);
  return m.check(text, lang);
}

/** Resolves with `{ app, editions, current_edition }`. */
export async function version() {
  return (await ready()).version();
}

// A crash of the app is reported on every widget (each shows its own message).
window.addEventListener('phc-crash', () => {
  for (const w of widgets) emit(w, 'phc-error', { message: 'the checker stopped working' });
});

if (!customElements.get('phc-eligibility')) customElements.define('phc-eligibility', PhcEligibility);
