// Starts the app. Trunk writes the hashed file names into this script tag's
// data attributes; a static module is needed because the Content-Security-
// Policy forbids inline scripts.
const tag = document.querySelector('script[data-wasm]');
// Both are named relative to this script's folder (Trunk's public URL "./").
const { default: init } = await import(new URL(tag.dataset.js, import.meta.url).href);
await init({ module_or_path: new URL(tag.dataset.wasm, import.meta.url) });

// Once the app runs, a service worker (sw.js) keeps a copy of this build so
// that the app opens with no network next time. It lives next to this script
// (Trunk's public URL). Where the browser has no service workers (or not
// here: plain http from another host), the app works as before, online only.
//
// A new build installs in the background and waits (sw.js): it never takes
// over an open meeting. When one is waiting, this script keeps
// `window.reviewTogetherUpdate` (with `apply()`) and sends the window the
// event "review-together:update-ready"; the home screen offers "Update now",
// which lets the new build take over and reloads this page into it.
if ('serviceWorker' in navigator) {
  const base = new URL('./', import.meta.url);
  let applying = false;
  const offer = (worker) => {
    window.reviewTogetherUpdate = {
      apply() {
        applying = true;
        worker.postMessage({ type: 'apply-update' });
      },
    };
    window.dispatchEvent(new Event('review-together:update-ready'));
  };
  // Only an update waits: the first install has no page of an older build.
  const waits = (worker) => worker && navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applying) window.location.reload();
  });
  navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname }).then((registration) => {
    if (waits(registration.waiting)) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && waits(worker)) offer(worker);
      });
    });
    // A tablet keeps the app open for days: look for a new build whenever
    // it comes back into view (with no network this quietly fails).
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch((error) => {
    // A warning, not an error: the app itself is unaffected.
    console.warn(`Review Together could not be set up to work offline: ${error.message}`);
  });
}
