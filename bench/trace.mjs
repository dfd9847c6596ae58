// Where a page's time goes until the first-draw mark: a Chrome trace (CDP Tracing, with the
// V8 sampling profiler) of one fresh page, printed as its main-thread tasks of over MIN ms,
// each with what it did (script, frame callbacks, canvas raster at commit, style and layout)
// and its busiest functions.
//
//   node bench/trace.mjs DIST [path, e.g. "?data=data/flows-10000.json"] [min ms=20] [width=1280]
//
// Function names need a wasm with its name section, which the release build strips; for a
// trace, make one beside the build (same code, names kept):
//   cp -r dist /tmp/dist-named && wasm-opt -Oz -g \
//     $CARGO_TARGET_DIR/flowmap-split/release/bindgen/flowmap_bg.wasm -o /tmp/dist-named/flowmap_bg.wasm
// Tracing slows the page (the mark comes later than in bench/run.mjs); compare shares, not
// totals, and trace on a quiet machine.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [DIR, PAGE = '', MIN = '20', WIDTH = '1280'] = process.argv.slice(2);
if (!DIR) throw new Error('usage: node bench/trace.mjs DIST [path] [min ms] [width]');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const dir = path.resolve(DIR);
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost').pathname;
  const file = path.join(dir, url.endsWith('/') ? `${url}index.html` : decodeURIComponent(url));
  if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const context = await browser.newContext({ viewport: { width: Number(WIDTH), height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const ev = [];
cdp.on('Tracing.dataCollected', (e) => ev.push(...e.value));
const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'cc',
  'disabled-by-default-v8.cpu_profiler'] } });
await page.goto(`http://127.0.0.1:${server.address().port}/${PAGE}`, { waitUntil: 'commit' });
await page.waitForFunction(() => performance.getEntriesByName('flowmap:map-drawn').length > 0, null, { polling: 50, timeout: 120000 });
await cdp.send('Tracing.end');
await complete;
await browser.close();
server.close();

// The page's main thread: the renderer's busiest CrRendererMain.
const names = {};
for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names[`${e.pid}:${e.tid}`] = e.args.name;
const counts = {};
for (const e of ev) { const k = `${e.pid}:${e.tid}`; if (names[k] === 'CrRendererMain') counts[k] = (counts[k] ?? 0) + 1; }
const main = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
const onMain = (e) => `${e.pid}:${e.tid}` === main;
const t0 = (ev.find((e) => e.name === 'navigationStart' && onMain(e)) ?? ev.find((e) => e.name === 'navigationStart')).ts;
const ms = (us) => (us / 1000).toFixed(0);
const mark = ev.find((e) => e.name === 'flowmap:map-drawn' && onMain(e));
// CPU profile samples on the page's main thread.
const nodes = new Map(), parent = new Map(), samples = [];
let clock = null;
for (const e of ev.filter((x) => String(x.pid) === main.split(':')[0] && (x.name === 'Profile' || x.name === 'ProfileChunk')).sort((a, b) => a.ts - b.ts)) {
  if (e.name === 'Profile') { clock = e.args.data.startTime; continue; }
  const d = e.args.data;
  for (const n of d.cpuProfile?.nodes ?? []) { nodes.set(n.id, n); if (n.parent) parent.set(n.id, n.parent); }
  (d.cpuProfile?.samples ?? []).forEach((s, i) => { clock += d.timeDeltas[i]; samples.push([clock, s]); });
}
const demangle = (f) => f.replace(/^_ZN/, '').replace(/17h[0-9a-f]{16}E$/, '').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>')
  .replace(/\$u7b\$\$u7b\$closure\$u7d\$\$u7d\$/g, '{closure}').replace(/\$u20\$/g, ' ').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\d+([a-z_<{])/g, '$1');
const fname = (id) => demangle(nodes.get(id)?.callFrame?.functionName || '(anonymous)');
const ours = (n) => /flowmap|__wbg_|serde_json|dlmalloc/.test(n);

const events = ev.filter((e) => onMain(e) && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const tops = [];
let end = 0;
for (const e of events) if ((e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts >= end) { tops.push(e); end = e.ts + e.dur; }
const PARTS = { FireAnimationFrame: 'frame callbacks', 'LayerTreeHost::DoUpdateLayers': 'commit (canvas raster)', FunctionCall: 'script',
  'LocalFrameView::UpdateStyleAndLayout': 'style+layout', 'v8.wasm.compileConsume': 'wasm compile', ParseHTML: 'HTML', MinorGC: 'GC', MajorGC: 'GC' };
console.log(`first-draw mark at ${mark ? ms(mark.ts - t0) : '—'} ms (traced)\n`);
console.log('   at ms   ms  what');
let si = 0;
for (const t of tops) {
  if (mark && t.ts > mark.ts) break;
  if (t.dur < Number(MIN) * 1000) continue;
  const parts = {};
  for (const e of events) if (e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && PARTS[e.name]) parts[PARTS[e.name]] = (parts[PARTS[e.name]] ?? 0) + e.dur;
  const inside = [];
  while (si < samples.length && samples[si][0] < t.ts) si++;
  for (let k = si; k < samples.length && samples[k][0] <= t.ts + t.dur; k++) inside.push(samples[k][1]);
  const incl = {};
  for (const id of inside) { const seen = new Set(); for (let x = id; x !== undefined; x = parent.get(x)) { const n = fname(x); if (ours(n) && !seen.has(n)) { seen.add(n); incl[n] = (incl[n] ?? 0) + 1; } } }
  const per = t.dur / 1000 / Math.max(1, inside.length);
  const busiest = Object.entries(incl).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, c]) => `${(c * per).toFixed(0)} ${n.slice(0, 60)}`).join('; ');
  const what = Object.entries(parts).sort((a, b) => b[1] - a[1]).map(([n, d]) => `${n} ${ms(d)}`).join(', ');
  console.log(`${ms(t.ts - t0).padStart(8)} ${ms(t.dur).padStart(4)}  ${what}${busiest ? `\n                ${busiest}` : ''}`);
}
