// The service worker: precaches the app and the wasm on install so that,
// after one visit, the page loads and decodes with the network off. Requests
// for the page's own files go to the network first (so a new build is picked
// up at once) and fall back to the cache; nothing else is ever fetched.
// The file list is written by scripts/build (pkg/precache.js).
importScripts("pkg/precache.js");
const CACHE = "newsdecode-v1";
const FILES = self.NEWSDECODE_PRECACHE;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw error;
    }
  })());
});
