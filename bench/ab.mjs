// Compares the first draw of two builds of the app, for changes smaller than the run-to-run
// noise of `bash scripts/bench.sh` (about ±30 ms on the bundled data):
//
//   node bench/ab.mjs DIST_A DIST_B [runs=20] [path, e.g. "?data=data/flows-1000.json"]
//
// Each run opens each build once in a fresh browser context (empty cache), alternating which
// goes first, and reads the `flowmap:map-drawn` mark (and a canvas map's `flowmap:map-shown`);
// it prints both medians and the median
// and mean of the paired differences (B − A; negative: B is sooner). Make DIST_B with
// `scripts/build.sh`, DIST_A by copying dist/ aside before the change.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [A, B] = process.argv.slice(2, 4);
if (!A || !B) throw new Error('usage: node bench/ab.mjs DIST_A DIST_B [runs] [path]');
const RUNS = Number(process.argv[4] ?? 20);
const PAGE = process.argv[5] ?? '';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves `dir` on a free loopback port, without caching. */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost').pathname;
    const file = path.join(dir, url.endsWith('/') ? `${url}index.html` : decodeURIComponent(url));
    if (!file.startsWith(path.resolve(dir))) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

const [a, b] = await Promise.all([serve(path.resolve(A)), serve(path.resolve(B))]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
/** The first-draw mark of one fresh page, and a canvas map's map-shown mark (its countries
 * and places, the flows being painted; the first-draw mark on other maps). */
async function firstDraw(origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/${PAGE}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('flowmap:map-drawn').length > 0, null, { polling: 50, timeout: 120000 });
  const t = await page.evaluate(() => ['flowmap:map-drawn', 'flowmap:map-shown', 'flowmap:map-drawn']
    .map((m) => performance.getEntriesByName(m)[0]?.startTime));
  await context.close();
  return [t[0], t[1] ?? t[2]];
}
const [ta, tb] = [[], []];
for (let i = 0; i < RUNS; i++) {
  if (i % 2) { tb.push(await firstDraw(b.origin)); ta.push(await firstDraw(a.origin)); }
  else { ta.push(await firstDraw(a.origin)); tb.push(await firstDraw(b.origin)); }
}
const median = (v) => { const s = [...v].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [k, what] of [[0, 'first-draw mark'], [1, 'map shown']]) {
  const [xa, xb] = [ta.map((t) => t[k]), tb.map((t) => t[k])];
  const diffs = xa.map((t, i) => xb[i] - t);
  console.log(`${what}: A median ${median(xa).toFixed(0)} ms, B median ${median(xb).toFixed(0)} ms; B − A: median ${median(diffs).toFixed(0)} ms, mean ${(diffs.reduce((s, d) => s + d, 0) / RUNS).toFixed(0)} ms (${RUNS} pairs)`);
}
await browser.close();
a.server.close();
b.server.close();
