// The standalone page's own script, run in <head> before the page is painted (1.3 KB brotli, fetched
// beside the stylesheet). Plain ES5, checked by the test command: every browser runs it, also
// one too old for the app. Two things:
//
// 1. If the app cannot start (the wasm fails to load or to compile, an old browser, a blocked file),
//    the page says so in the three languages, with a link to the service on the portal, instead of
//    staying as it is. These few strings cannot come from the message tables: they are shown exactly
//    when the app that holds the tables did not load.
//
// 2. The prerendered start page before the app is there (issue 18). xtask writes the start page into
//    each page (`/`, `/kk/`, `/ru/`, `/en/`); the wasm takes it over once loaded, replacing it with its
//    own first render, element for element the same (app/src/ui/mod.rs, `start`). Until then:
//     - `/` is in the language the server fitted to the browser (deploy/nginx.conf); a language chosen
//       on this device before wins, as in the app: the page in that language is opened instead;
//     - Start, pressed early, is not lost: the page is marked `data-phc-begin`, the button says that
//       it waits, and once the app's first render is in, its own Start is pressed: on to the first
//       question; nor is a press that began on the page's button and ends on the app's;
//     - a language button opens that language's page (from the offline copy when there is no network);
//     - the focus stays on the same element when the app takes over.
//    Nothing of this acts once the app has taken the page over (`data-phc-ready`). Beside the app, the
//    address says the page's language.
(function () {
  'use strict';
  var html = document.documentElement;
  function appRoot() { return document.getElementById('phc-app'); }

  // 1. -------------------------------------------------------------------------------------------
  var failed = false;
  function fail() {
    var root = appRoot();
    if (!root) {
      document.addEventListener('DOMContentLoaded', fail);
      return;
    }
    if (failed || root.hasAttribute('data-phc-ready')) return;
    failed = true;
    root.innerHTML =
      '<div class="phc-crash" role="alert">' +
      '<p lang="kk">Тексеру құралы ашылмады. Бетті қайта жүктеңіз немесе қызметті <a href="https://www.gov.kz/services/3176?lang=kk">eGov порталында</a> пайдаланыңыз.</p>' +
      '<p lang="ru">Не удалось открыть проверку. Обновите страницу или воспользуйтесь услугой <a href="https://www.gov.kz/services/3176?lang=ru">на портале eGov</a>.</p>' +
      '<p lang="en">The checker could not start. Reload the page, or use the service <a href="https://www.gov.kz/services/3176?lang=en">on the eGov portal</a>.</p>' +
      '</div>';
  }
  // A file that fails to load fires "error" on its element; the loader module's failure (its
  // top-level await of the wasm rejects) is reported on the window itself. Either way, before the
  // app has said it is ready, the app did not start.
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t === window || (t && (t.tagName === 'SCRIPT' || t.tagName === 'LINK'))) fail();
  }, true);
  window.addEventListener('unhandledrejection', function () { fail(); });
  // The loader's own mark (xtask adds it to trunk's loader), and the app's when its texts cannot load.
  window.addEventListener('phc-boot-failed', fail);
  if (typeof WebAssembly !== 'object') fail();
  // A slow phone on a slow network may take a while; after this the page must say something.
  setTimeout(fail, 20000);

  // 2. -------------------------------------------------------------------------------------------
  var KEY = 'phc.lang';
  var LANGS = ['kk', 'ru', 'en'];
  function known(tag) {
    var l = String(tag || '').slice(0, 2).toLowerCase();
    return LANGS.indexOf(l) >= 0 ? l : null;
  }
  function closest(e, selector) {
    return e.target && e.target.closest ? e.target.closest(selector) : null;
  }
  function open(lang) {
    location.replace('/' + lang + '/' + location.search + location.hash);
  }

  // The app's own order: the stored choice, the browser's language, Kazakh.
  if (location.pathname === '/') {
    var stored = null;
    try { stored = known(localStorage.getItem(KEY)); } catch (e) { /* no storage: the browser's */ }
    var want = stored || known(navigator.language) || 'kk';
    if (want !== html.lang) {
      open(want);
      return;
    }
  }
  if (!window.MutationObserver) return;

  // The address follows the page's language (the app sets `<html lang>` when the citizen switches):
  // `/ru/` becomes `/en/`, without a new history entry and keeping the entry's state (the app's
  // screen depth), so a reload or a bookmark opens the page in the chosen language.
  var shown = html.lang;
  new MutationObserver(function () {
    var lang = known(html.lang);
    if (!lang || lang === shown) return;
    shown = lang;
    if (/^\/((kk|ru|en)\/)?$/.test(location.pathname)) history.replaceState(history.state, '', '/' + lang + '/' + location.search + location.hash);
  }).observe(html, { attributes: true, attributeFilter: ['lang'] });

  var begin = false;
  var focused = -1;
  var watching = null;

  // The prerendered page's root, if `node` is in it and the app has not taken it over.
  function prerendered(node) {
    var root = appRoot();
    return root && root.contains(node) && !root.hasAttribute('data-phc-ready') && !failed ? root : null;
  }

  // What the citizen did, handed to the app's first render once it is in (a mutation observer's
  // callback runs before the page is painted again).
  function handOver(root) {
    if (watching) return;
    watching = new MutationObserver(function () {
      var app = root.hasAttribute('data-phc-ready') && root.querySelector('.phc');
      if (!app) return;
      watching.disconnect();
      if (begin) {
        var start = app.getAttribute('data-screen') === 'start' && app.querySelector('.phc-button-start');
        root.removeAttribute('data-phc-begin');
        if (start) start.click();
      } else if (focused >= 0) {
        var el = app.querySelectorAll('*')[focused];
        if (el && el.focus) el.focus();
      }
    });
    watching.observe(root, { childList: true });
  }

  document.addEventListener('click', function (e) {
    var button = closest(e, 'button');
    var root = button && prerendered(button);
    if (!root) return;
    if (button.classList.contains('phc-button-start')) {
      begin = true;
      root.setAttribute('data-phc-begin', '');
      button.setAttribute('aria-disabled', 'true');
      var app = root.querySelector('.phc');
      if (app) app.setAttribute('aria-busy', 'true');
      handOver(root);
    } else if (button.closest('.phc-lang') && known(button.getAttribute('lang'))) {
      var lang = known(button.getAttribute('lang'));
      try { localStorage.setItem(KEY, lang); } catch (err) { /* private mode: the page alone says it */ }
      if (lang !== html.lang) open(lang);
    }
  }, true);

  // A press that spans the take-over, down on the page's Start and up on the app's, is a press: the
  // browser sends no click (the two buttons are different elements), so it is given to the app here.
  // Up anywhere else, the press is cancelled, as any press is. Space presses a button on its way up.
  var downOn = null;
  function down(e) {
    var button = closest(e, '.phc-button-start');
    downOn = button && prerendered(button) ? button : null;
  }
  function up(e) {
    // The page's button gone: the app has taken over, and this is its button.
    var button = downOn && !downOn.isConnected && closest(e, '.phc-button-start');
    downOn = null;
    if (button) button.click();
  }
  document.addEventListener('pointerdown', down, true);
  document.addEventListener('pointerup', up, true);
  document.addEventListener('keydown', function (e) { if (e.key === ' ') down(e); }, true);
  document.addEventListener('keyup', function (e) { if (e.key === ' ') up(e); }, true);

  // The focused element's place in the prerendered app (`.phc`, not the <noscript> beside it).
  document.addEventListener('focusin', function (e) {
    var root = prerendered(e.target);
    var app = root && root.querySelector('.phc');
    if (!app) return;
    focused = Array.prototype.indexOf.call(app.querySelectorAll('*'), e.target);
    handOver(root);
  }, true);
  // Focus moved out of the page (not the page taken away from under it).
  document.addEventListener('focusout', function (e) {
    if (prerendered(e.target) && e.target.isConnected) focused = -1;
  }, true);
})();
