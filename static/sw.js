// The offline app: after one visit every file of this build is in the cache, and the app loads and
// answers with no network. `cargo xtask` fills in the build's version and files. A new deployment has
// new hashed files, hence a new version: the new worker caches them, then deletes the old cache.
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
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('phc-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first (a new version shows at once), the cache when offline: the
    // page asked for (`/`, or a language's own, `/ru/`), else `/`.
    event.respondWith(fetch(request).catch(() => caches.match(request, { ignoreSearch: true, ignoreVary: true })
      .then((hit) => hit || caches.match('/', { ignoreVary: true }))));
    return;
  }
  // Hashed files never change: the cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
