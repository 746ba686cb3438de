// Review Together's service worker: after one visit the app opens and works
// with no network at all (issue 8). A new build installs in the background
// and waits for a safe moment to take over (issue 20).
//
// scripts/precache.mjs, run by the Trunk post-build hook, lists every file of the
// build in precache.json and stamps the build's version below. A new build
// therefore changes this file, which is what makes the browser install the
// new worker; it caches the new build whole and deletes the old cache.
//
// - The app's own files: from the cache first (they are exactly this build).
// - Pages (navigations): this build's cached index.html for the app's folder;
//   any other address in it (`/test/review/…`) is redirected to the folder
//   with the address after `#`, which the app puts back (index.html names its
//   files relative to itself, so it must be opened from its folder; see
//   src/browser/deployment.rs). Every address is the app's: its router shows
//   "Page not found" itself. A new build installs beside this one and takes
//   over only when it is safe (see below).
// - One build can be published in several folders of one origin (`/test/`,
//   `/live/`): each folder's worker keeps its own caches, named after the
//   folder, and never touches another's.
// - Anything on another origin is left alone: never cached, never answered.
'use strict';

const VERSION = '__PRECACHE_VERSION__';
// The app lives in the folder this script is served from.
const BASE = new URL('./', self.location.href);
const INDEX = new URL('index.html', BASE).href;
// This folder's caches: "review-together@/test/ " and the build's version.
// The space ends the folder, so /test/'s never match /test/sub/'s.
const FAMILY = `review-together@${BASE.pathname} `;
const CACHE = `${FAMILY}${VERSION}`;
// How builds before deployments had folders named their caches; they only
// ever worked at the root of an origin.
const LEGACY = 'review-together-';
// Trunk's content-hashed names: the stylesheet's, the JS glue's and the wasm's
// ("review-together-8706ebb99bf8c6a_bg.wasm": a 64-bit hash in hex, without
// leading zeros).
const HASHED = /-[0-9a-f]{8,16}(?:_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // Straight from the server: a stale list from the HTTP cache would be
      // kept for the whole life of this build.
      const response = await fetch(new URL('precache.json', BASE), { cache: 'no-store' });
      if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
      const list = await response.json();
      // A list from another build (the server changed while we installed):
      // give up; the browser tries again on a later visit.
      if (list.version !== VERSION) throw new Error('precache.json is from another build');
      const cache = await caches.open(CACHE);
      // A file whose name carries its content's hash (Trunk names the wasm,
      // its JS and the stylesheet so) cannot be stale: take the copy the
      // page has just downloaded, if the browser kept one, rather than
      // download the largest files of a first visit twice. Every other file
      // is checked with the server ('no-cache': a small "not modified" when
      // it is the same), for the same reason as the list.
      await cache.addAll(list.files.map((url) => new Request(url, { cache: HASHED.test(url) ? 'force-cache' : 'no-cache' })));
      // Then wait: a new build never takes over a meeting. It takes over
      // when every page of the old one is closed, or when the worker chooses
      // "Update now" on the home screen (the message below). The first
      // install has nothing to wait for.
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'apply-update') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const older = name.startsWith(FAMILY) || (BASE.pathname === '/' && name.startsWith(LEGACY));
        if (older && name !== CACHE) await caches.delete(name);
      }
      // Control the page that registered us too, not only the next one.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Only our own origin: anything else goes on as if there were no worker.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});

/**
 * A page: this build's index.html, from its cache, for the app's folder; any
 * other address in it is sent to the folder with the address after `#` (see
 * the top of this file). Never the network first: a reload in the middle of a meeting keeps the build the
 * meeting began with, and a weak connection never holds a page up. A new
 * build is fetched by the browser's own update check of this script, and
 * waits (see 'install'). Before this build has finished installing, the page
 * comes from the network, as it would with no worker.
 */
async function page(request) {
  const url = new URL(request.url);
  if (url.pathname !== BASE.pathname && url.href.split(/[?#]/)[0] !== INDEX) {
    return Response.redirect(new URL(`#${url.pathname}${url.search}`, BASE).href, 302);
  }
  return (await cachedIndex()) ?? fetch(request);
}

/** The cached index.html, fit to answer a navigation to any path. */
async function cachedIndex() {
  const index = await caches.match(INDEX, { cacheName: CACHE });
  // A response that came through a redirect cannot answer a navigation
  // (a host may redirect /index.html to /): copy it into a plain one.
  if (index?.redirected) {
    return new Response(await index.blob(), { status: index.status, statusText: index.statusText, headers: index.headers });
  }
  return index;
}

/** Any other file of ours: this build's copy, else the network. */
async function file(request) {
  return (await caches.match(request, { cacheName: CACHE })) ?? fetch(request);
}
