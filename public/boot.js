// Starts the app. Trunk writes the hashed file names into this script tag's
// data attributes; a static module is needed because the Content-Security-
// Policy forbids inline scripts.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });

// Once the app runs, a service worker (sw.js) keeps a copy of this build so
// that the app opens with no network next time. It lives next to this script
// (Trunk's public URL). Where the browser has no service workers (or not
// here: plain http from another host), the app works as before, online only.
if ('serviceWorker' in navigator) {
  const base = new URL('./', import.meta.url);
  navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname }).catch((error) => {
    // A warning, not an error: the app itself is unaffected.
    console.warn(`Review Together could not be set up to work offline: ${error.message}`);
  });
}
