// Starts the app. A file of its own (not an inline script) so that the page works under a
// strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from './flowmap.js';

// The default view's files download while the WebAssembly compiles; the app takes these
// downloads (src/load.rs) instead of starting its own. `?data=` datasets are checked by the
// app before anything is fetched, so they are not started here.
const early = { 'atlas.json': fetch('atlas.json') };
if (!new URLSearchParams(location.search).has('data')) early['data/flows.json'] = fetch('data/flows.json');
window.flowmapPrefetch = early;

init({ module_or_path: new URL('./flowmap_bg.wasm', import.meta.url) });
