// The scan page's service worker: keeps the web app's own files (the page, its scripts, styles, icons) so that
// the scan page opens and works with no link at all. API answers are never cached: queued scans live in the
// page's IndexedDB and are synced when the link returns. Network first for pages (a new release shows at
// once), cache first for hashed assets (they never change under one name).
const CACHE = 'sallyport-scan-v1';
const SHELL = ['/index.html', '/scan.webmanifest', '/scan-icon.svg'];

self.addEventListener('install', (event) => {
  // The page, and the scripts and styles it names (hashed file names), so the first visit is enough to work offline.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    const html = await (await cache.match('/index.html')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    await cache.addAll(assets);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (/^\/(api|healthz|readyz)(\/|$)/.test(url.pathname)) return;
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).then((res) => {
      const copy = res.clone();
      if (res.ok) void caches.open(CACHE).then((c) => c.put('/index.html', copy));
      return res;
    }).catch(() => caches.match('/index.html')));
    return;
  }
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => {
    if (res.ok && url.pathname.startsWith('/assets/')) {
      const copy = res.clone();
      void caches.open(CACHE).then((c) => c.put(req, copy));
    }
    return res;
  })));
});
