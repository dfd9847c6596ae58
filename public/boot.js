// Starts the app. A file of its own (not an inline script) so that the page works under a
// strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from './flowmap.js';

// The geometry and the bundled dataset download (preloaded by index.html) while the
// WebAssembly compiles; the app takes these downloads (src/load.rs) instead of starting its
// own. With `?data=` the app fetches that dataset itself, after checking the address, and
// leaves the bundled one unused (taken here all the same, so that the preload is not wasted
// with a console warning).
// A download that succeeds is handed over as text (read while the WebAssembly compiles), one
// that fails as its response or, without one, as null, for the app to report (never as a
// rejected promise, which nobody may take).
const early = (url) => fetch(url).then((r) => (r.ok ? r.text() : r)).catch(() => null);
window.flowmapPrefetch = { 'atlas.json': early('atlas.json'), 'data/flows.json': early('data/flows.json') };

init({ module_or_path: new URL('./flowmap_bg.wasm', import.meta.url) });
