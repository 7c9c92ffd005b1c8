// <phc-eligibility>: the PHC checker as a custom element, for any host page (docs/widget.md).
//
//   <script type="module" src="https://…/phc-widget.js"></script>
//   <phc-eligibility lang="ru" service="attachment"></phc-eligibility>
//
// The app renders into an open shadow root: the host's CSS cannot reach it except through the
// documented --phc-* custom properties and ::part() names, and it touches nothing of the host page.
// The wasm module is loaded once for every widget on the page. `cargo xtask` writes the hashed file
// names below when it builds dist/.
import init, {
  mount, check as engineCheck, version as engineVersion, ensure_language, language_ready, widget_lang, set_asset_base,
} from './__BINDGEN_JS__';

const base = new URL('.', import.meta.url);
let loading = null;
let loaded = false;
function ready() {
  // The message files of each language sit beside this module; each is loaded when first shown. A
  // load that failed (the network, a server error) is tried again by the next call, not kept failed
  // for the page's life.
  loading ??= init({ module_or_path: new URL('__WASM__', base) }).then(() => {
    set_asset_base(base.href);
    loaded = true;
  }, (e) => {
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
  static get observedAttributes() { return ATTRIBUTES; }

  #handle = null;
  #container = null;
  #sheet = null;
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

  async connectedCallback() {
    if (this.#container) return;
    const connection = ++this.#connection;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#sheet = document.createElement('link');
    this.#sheet.rel = 'stylesheet';
    this.#sheet.href = new URL('__CSS__', base).href;
    this.#container = document.createElement('div');
    this.#container.className = 'phc-host';
    root.replaceChildren(this.#sheet, this.#container);
    try {
      await ready();
      await ensure_language(widget_lang(this.#attributes()));
    } catch (e) {
      if (connection !== this.#connection) return;
      // Nodes, not HTML text: this must work on a Trusted Types host too (issue 25).
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = 'The checker could not start · Тексеру құралы ашылмады · Не удалось открыть проверку';
      // The host's own content of the element (a link to the service, say) shows below the message.
      this.#container.replaceChildren(p, document.createElement('slot'));
      await afterLoad();
      emit(this, 'phc-error', { message: `the checker could not start: ${e?.message ?? e}` });
      return;
    }
    if (connection !== this.#connection || !this.isConnected || this.#handle) return;
    const parked = spare.pop();
    if (parked) {
      this.#container.replaceWith(parked.container);
      this.#container = parked.container;
      this.#handle = parked.handle;
      this.#handle.adopt(this, this.#attributes());
    } else {
      this.#handle = mount(this.#container, this, this.#attributes());
    }
    widgets.add(this);
    emit(this, 'phc-ready', { version: engineVersion() });
  }

  disconnectedCallback() {
    this.#connection++;
    widgets.delete(this);
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

  attributeChangedCallback() {
    if (!this.#handle) return;
    const attributes = this.#attributes();
    const lang = widget_lang(attributes);
    if (language_ready(lang)) {
      this.#handle.update(attributes);
      return;
    }
    ensure_language(lang).then(
      () => this.#handle?.update(this.#attributes()),
      (e) => emit(this, 'phc-error', { message: `${e.message ?? e}` }),
    );
  }

  /** The decision for a request of contract version 1, with the engine alone (no UI). */
  check(request, options) { return check(request, options); }

  /** Back to the start page; every answer forgotten. */
  reset() { this.#handle?.reset(); }

  /** `{ app, editions, current_edition }` once loaded. */
  get version() { return loaded ? engineVersion() : null; }
}

/**
 * The engine alone: resolves with the decision, rejects with a TypeError naming the field, or the
 * argument (`request`, `options`, `lang`) when it is not what the wasm can be given.
 */
export async function check(request, options) {
  const text = requestText(request);
  const lang = langOption(options);
  await ready();
  if (lang !== null) await ensure_language(lang);
  return engineCheck(text, lang);
}

/** Resolves with `{ app, editions, current_edition }`. */
export async function version() {
  await ready();
  return engineVersion();
}

// A crash of the app is reported on every widget (each shows its own message).
window.addEventListener('phc-crash', () => {
  for (const w of widgets) emit(w, 'phc-error', { message: 'the checker stopped working' });
});

if (!customElements.get('phc-eligibility')) customElements.define('phc-eligibility', PhcEligibility);
