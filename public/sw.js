// Candor's service worker: the app opens, and files reports into the outbox,
// with the network or the server down (SPEC §7). Plain JavaScript on purpose:
// nothing here counts against the app's wasm budget.
//
// - The build's files are precached in a cache named after the build, so a
//   new deployment never mixes with the old one. scripts/sw-stamp.mjs (a
//   Trunk post_build hook) writes BUILD below: the version (a hash of the
//   build's files) and the list of files, relative to this script.
// - Names with a content hash (Trunk's candor-<hash>.js, _bg.wasm, main-<hash>.css)
//   never change: cache first. Everything else (index.html, candor.json, the
//   manifest, the language catalogs lang/<code>.<domain>.txt…) can change in
//   place: network first, the cache when offline.
//   Navigations fall back to the cached index.html, which routes itself.
// - The sync API (/api/) is never touched: the outbox owns retries, and a
//   cached answer would lie about what the server has.
// - A new version waits until the employee agrees (register-sw.js shows the
//   prompt and posts "skip-waiting"): a silent reload could lose a form.
const BUILD = { version: 'unstamped', files: [] };

const CACHE = `candor-${BUILD.version}`;
const SCOPE = new URL('./', self.location).href;
const INDEX = new URL('index.html', SCOPE).href;
// Network first gives up after this long and answers from the cache: a VPN
// that drops packets should not leave the employee looking at a blank tab.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  if (BUILD.version === 'unstamped') {
    // Built without the hook: install nothing rather than cache a wrong list.
    event.waitUntil(Promise.reject(new Error('sw.js was not stamped by scripts/sw-stamp.mjs')));
    return;
  }
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // 'no-cache' revalidates files that change in place; hashed ones may
      // come from the HTTP cache, they are already the right bytes.
      Promise.all(
        BUILD.files.map((file) => {
          const url = new URL(file, SCOPE);
          return cache.add(new Request(url, { cache: isHashed(url) ? 'default' : 'no-cache' }));
        }),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('candor-') && key !== CACHE).map((key) => caches.delete(key))))
      // The first version takes the tab that installed it, so it works
      // offline without a reload. register-sw.js reloads only on a click.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(SCOPE) || url.pathname.includes('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, INDEX, false));
  } else if (isHashed(url)) {
    event.respondWith(cacheFirst(request));
  } else {
    // candor.json is edited by the operator after a deployment: keep the
    // latest copy for offline use. Other files stay as this build shipped them.
    const keepLatest = url.pathname.endsWith('/candor.json');
    event.respondWith(networkFirst(request, request, keepLatest));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

async function networkFirst(request, fallback, keepLatest) {
  const network = fetch(request).then(async (response) => {
    if (keepLatest && response.ok) await (await caches.open(CACHE)).put(request.url.split('?')[0], response.clone());
    return response;
  });
  // The race below may leave this rejection unobserved.
  network.catch(() => {});
  const timeout = new Promise((done) => setTimeout(done, NETWORK_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // Offline or the server is down: the cache answers below.
  }
  const cached = await caches.match(fallback, { cacheName: CACHE, ignoreSearch: true });
  // Nothing cached (e.g. a file this build does not have): wait for the network after all.
  return cached ?? network;
}

/** Trunk's content-hashed names, as crates/server/src/static_files.rs tells them. */
function isHashed(url) {
  const name = url.pathname.split('/').pop().replace(/\.[^.]*$/, '').replace(/_bg$/, '');
  return /-[0-9a-f]{8,}$/.test(name);
}
