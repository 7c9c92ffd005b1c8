// If the app cannot start (the wasm fails to load or to compile, an old browser, a blocked file), the
// page says so in the three languages, with a link to the service on the portal, instead of staying
// blank. These few strings cannot come from the message tables: they are shown exactly when the app
// that holds the tables did not load.
(function () {
  "use strict";
  var root = document.getElementById("phc-app");
  if (!root) return;
  var shown = false;
  function fail() {
    if (shown || root.hasAttribute("data-phc-ready")) return;
    shown = true;
    root.innerHTML =
      '<div class="phc-crash" role="alert">' +
      '<p lang="kk">Тексеру құралы ашылмады. Бетті қайта жүктеңіз немесе қызметті <a href="https://www.gov.kz/services/3176?lang=kk">eGov порталында</a> пайдаланыңыз.</p>' +
      '<p lang="ru">Не удалось открыть проверку. Обновите страницу или воспользуйтесь услугой <a href="https://www.gov.kz/services/3176?lang=ru">на портале eGov</a>.</p>' +
      '<p lang="en">The checker could not start. Reload the page, or use the service <a href="https://www.gov.kz/services/3176?lang=en">on the eGov portal</a>.</p>' +
      "</div>";
  }
  // A file that fails to load fires "error" on its element; the loader module's failure (its
  // top-level await of the wasm rejects) is reported on the window itself. Either way, before the
  // app has said it is ready, the app did not start.
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t === window || (t && (t.tagName === "SCRIPT" || t.tagName === "LINK"))) fail();
  }, true);
  window.addEventListener("unhandledrejection", function () { fail(); });
  // The loader's own mark (xtask adds it to trunk's loader): set before this script ran, or later.
  if (root.hasAttribute("data-phc-failed")) fail();
  window.addEventListener("phc-boot-failed", fail);
  if (typeof WebAssembly !== "object") fail();
  // A slow phone on a slow network may take a while; after this the page must say something.
  setTimeout(fail, 20000);
})();
