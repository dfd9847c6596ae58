// Starts the app. A file of its own (not an inline script) so that the page works under a
// strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from './flowmap.js';

init({ module_or_path: new URL('./flowmap_bg.wasm', import.meta.url) });
