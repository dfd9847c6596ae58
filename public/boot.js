// Starts the app. A file of its own (not an inline script) so that the page works under a
// strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
// The app's module is imported below, after the error handlers are in place, so that a
// failure to load it (a file missing from the published folder) is said too.
let showStopped = null;

// What the map needs: the app (flowmap.js, flowmap_bg.wasm) and its data, downloaded together
// once the page's first frame is on the screen (below), the data while the WebAssembly
// compiles; the app takes these downloads (src/load.rs) instead of starting its own. The
// bundled dataset comes with the bundled geometry; with `?data=` the app fetches that dataset
// itself, after checking the address, with the index of the world's outlines, which says
// which geometry the dataset needs. A download that succeeds is handed over as bytes (read
// while the WebAssembly compiles), one that fails as its response or, without one, as null,
// for the app to report (never as a rejected promise, which nobody may take).
const early = (url) => fetch(url).then((r) => (r.ok ? r.arrayBuffer() : r)).catch(() => null);
const own = new URLSearchParams(location.search).has('data');
const prefetch = () => {
  window.flowmapPrefetch = Object.fromEntries(
    (own ? ['world/index.txt'] : ['atlas.json', 'data/flows.json']).map((url) => [url, early(url)]),
  );
};

// The page's first frame (index.html: the bundled view drawn at build time, or a skeleton)
// goes when the app has put its own first frame (or a message) in the page: a
// MutationObserver's callback runs before the next paint, so no frame shows both or neither.
// The app mounts its map a part per task (src/components/map.rs), its frame marked
// `drawing` until the last part is in; until then the frame stays, and the app's page stays
// hidden (style.css). A message (a load error, a panic) replaces the page's content, and with
// it what was being drawn. Its tooltip goes with it, and first-frame.js's listeners
// (flowmapFrameGone).
const firstFrame = document.querySelector('.first-frame');
const frameGone = () => {
  firstFrame?.remove();
  window.flowmapFrameGone?.();
};
if (firstFrame) {
  new MutationObserver((_, observer) => {
    if (document.querySelector('main.flowmap > :not(.status)') && !document.querySelector('main.flowmap .drawing')) {
      frameGone();
      observer.disconnect();
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
}

// An error that escapes the app without a Rust panic (a browser API throwing through the
// WebAssembly, a trap, the WebAssembly failing to start) must not leave a blank or frozen
// map: the app's own message replaces it (src/panic_message.rs), in the page's language; if
// the app cannot run at all, a plain English one. Panics show the same message from their
// hook. Events without an error object (a ResizeObserver loop notice) are not errors.
function stopped(error) {
  console.error('flowmap:', error);
  frameGone();
  try {
    if (!showStopped) throw error;
    showStopped(String(error && error.stack ? error.stack : error));
  } catch {
    if (document.querySelector('.stopped')) return;
    const panel = document.createElement('div');
    panel.className = 'load-error stopped';
    panel.setAttribute('role', 'alert');
    const title = document.createElement('h2');
    title.textContent = 'The map stopped working';
    const text = document.createElement('p');
    text.textContent = "Reload the page to try again. If it stops again, the details for the newsroom are in the browser's console.";
    panel.append(title, text);
    const main = document.querySelector('main.flowmap');
    if (main) main.replaceChildren(panel);
    else document.body.prepend(panel);
  }
}
window.addEventListener('error', (e) => { if (e.error) stopped(e.error); });
window.addEventListener('unhandledrejection', (e) => stopped(e.reason));

// The app is downloaded and started once the page's first frame is on the screen, so that it
// shows at once even when everything arrives together (a fast connection, a cache): starting
// the WebAssembly keeps the main thread busy for a while, and the browser would paint only
// after it. Not before, either (no preload in index.html): what downloads before the first
// paint competes with what the paint needs, and Lighthouse (issue 18) charges every download
// that ended before the largest paint to it, so that the first frame's paint would count as
// waiting for the whole 440 KB of WebAssembly (LCP 3.7 s instead of 1.1 s). On a slow
// connection the app is ready 0.6-0.9 s later for it (BENCH.md, Slow 4G: time to
// interactive); the first frame shows and answers the pointer (first-frame.js) as soon as
// before.
// With the bundled picture, "on the screen" is its first contentful paint as the browser
// reports it: a title replaced before it was shown is not the page's largest contentful
// paint, and the app's own, the same size but later (seconds later on a slow connection),
// would be. A skeleton (`?data=`) has no text: its first paint. Without paint timing, after
// the first frame. A page that paints no frames (a background tab) starts after 200 ms; a
// visible one that has not painted after 3 s.
const shown = (paint, resolve) => {
  try {
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return false;
    new PerformanceObserver((list, observer) => {
      // Safari and Firefox report no 'first-paint': a skeleton waits for either.
      if (!paint.some((name) => list.getEntriesByName(name).length)) return;
      observer.disconnect();
      setTimeout(resolve);
    }).observe({ type: 'paint', buffered: true });
    return true;
  } catch {
    return false;
  }
};
new Promise((resolve) => {
  const picture = firstFrame && !document.documentElement.classList.contains('ff-skeleton');
  const paint = picture ? ['first-contentful-paint'] : ['first-paint', 'first-contentful-paint'];
  if (!shown(paint, resolve)) {
    requestAnimationFrame(() => setTimeout(resolve));
  }
  setTimeout(resolve, document.visibilityState === 'hidden' ? 200 : 3000);
})
  .then(() => {
    prefetch();
    // The WebAssembly's download starts with the module's, not after it (a round trip
    // sooner); a failed one is the app's start failing (caught below), not a rejection of
    // its own.
    const wasm = fetch(new URL('./flowmap_bg.wasm', import.meta.url));
    wasm.catch(() => {});
    return import('./flowmap.js').then((app) => {
      showStopped = app.showStopped;
      return app.default({ module_or_path: wasm });
    });
  })
  .catch(stopped);
