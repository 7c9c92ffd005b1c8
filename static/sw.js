// The offline app: after one visit every file of this build is in the cache, and the app loads and
// answers with no network. `cargo xtask` fills in the build's version and files. A new deployment has
// new hashed files, hence a new version: the new worker caches them, and keeps the previous build's
// cache (older ones go): a tab still open on that build loads what it has not loaded yet, a language's
// texts, from there until it reloads, though the server no longer has its files (issue 25).
// Registered only by the standalone app (never by the widget on a host's origin).
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `phc-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      // In the order they were made: every older build's but the last one before this.
      .then((keys) => keys.filter((k) => k.startsWith('phc-') && k !== CACHE).slice(0, -1))
      .then((old) => Promise.all(old.map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The offline copy of a page: the one asked for (`/`, or a language's own, `/ru/`), else `/`. */
function offlinePage(request) {
  return caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || caches.match('/', { ignoreVary: true }));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first (a new version shows at once), the offline copy when the
    // network fails or a server answers with an error of its own (a proxy's 502, a 404 while the
    // site is being deployed: issue 25), if there is one.
    event.respondWith(fetch(request).then(
      (response) => (response.status >= 500 || response.status === 404 ? offlinePage(request).then((hit) => hit || response) : response),
      () => offlinePage(request),
    ));
    return;
  }
  // Hashed files never change: the cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
