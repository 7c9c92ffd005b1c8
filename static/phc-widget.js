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
function ready() {
  // The message files of each language sit beside this module; each is loaded when first shown.
  loading ??= init({ module_or_path: new URL('__WASM__', base) }).then(() => set_asset_base(base.href));
  return loading;
}

const ATTRIBUTES = ['lang', 'service', 'at', 'portal-url', 'compact', 'heading-level', 'lang-switch'];
const widgets = new Set();

function emit(el, name, detail) {
  el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

// "Print" inside the widget prints the widget's result alone: a hidden frame holds a copy of it with
// the widget's stylesheet, prints, and goes (the host page is neither printed nor changed).
function printResult(container, css) {
  const app = container.querySelector('.phc');
  if (!app) return;
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.className = 'phc-print-frame';
  Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0', right: '0', bottom: '0' });
  const lang = app.getAttribute('lang') ?? 'kk';
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="stylesheet" href="${css}"></head>`
    + `<body>${app.outerHTML.replaceAll('<details', '<details open')}</body></html>`;
  frame.addEventListener('load', () => {
    frame.contentWindow.print();
    setTimeout(() => frame.remove(), 1000);
  }, { once: true });
  document.body.append(frame);
}

class PhcEligibility extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  #handle = null;
  #container = null;

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
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL('__CSS__', base).href;
    this.#container = document.createElement('div');
    this.#container.className = 'phc-host';
    root.replaceChildren(sheet, this.#container);
    this.addEventListener('phc-print', () => printResult(this.#container, sheet.href));
    try {
      await ready();
      await ensure_language(widget_lang(this.#attributes()));
    } catch (e) {
      this.#container.innerHTML = '';
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = 'The checker could not start · Тексеру құралы ашылмады · Не удалось открыть проверку';
      // The host's own content of the element (a link to the service, say) shows below the message.
      this.#container.append(p, document.createElement('slot'));
      emit(this, 'phc-error', { message: `the checker could not start: ${e}` });
      return;
    }
    if (!this.isConnected || this.#handle) return;
    this.#handle = mount(this.#container, this, this.#attributes());
    widgets.add(this);
    emit(this, 'phc-ready', { version: engineVersion() });
  }

  disconnectedCallback() {
    widgets.delete(this);
    this.#handle?.destroy();
    this.#handle?.free();
    this.#handle = null;
    this.#container = null;
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
  get version() { return loading ? engineVersion() : null; }
}

/** The engine alone: resolves with the decision, rejects with a TypeError naming the field. */
export async function check(request, { lang } = {}) {
  await ready();
  if (typeof lang === 'string') await ensure_language(lang);
  return engineCheck(request, lang ?? null);
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
