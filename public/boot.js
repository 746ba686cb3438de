// Starts the app. Trunk writes the hashed file names into this script tag's
// data attributes; a static module is needed because the Content-Security-
// Policy forbids inline scripts.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
