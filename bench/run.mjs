// Benchmarks the flow map (dist/) against a plain D3 SVG flow map (bench/peer/) on the same
// geometry and data, in headless Chromium, and writes BENCH.md.
//
//   bash scripts/bench.sh            (or: node bench/run.mjs)
//
// Environment: BENCH_SIZES=bundled,slow4g,1000,10000,100000 (the default; slow4g is the
// bundled dataset served gzipped over an emulated Slow 4G connection; airports is 5,000 counts
// of flights between 300 airports, issue 19, which the app alone reads), BENCH_RUNS=5 (fresh pages
// per map and dataset), BENCH_RUNS_BUNDLED=9 (runs on the bundled dataset, or BENCH_RUNS when
// that is set: short runs, and its first draw varies most), BENCH_RUNS_100K=3 (runs at 100,000 flows), BENCH_TIMEOUT_S=120 (cap of
// each phase of a run: load, interactive, pixels, memory, hover, filter; a run over it is
// recorded as a timeout and the remaining runs of that map and dataset are skipped), BENCH_MAPS=app,peer (to run one only), BENCH_OUT=BENCH.md,
// BENCH_LIGHTHOUSE_RUNS=3 (Lighthouse mobile on both maps, with slow4g; 0 skips it).
//
// Every run is a new browser context (empty cache) on a page of 1280×900 CSS px; files are
// served from this process over loopback with `cache-control: no-store`, so the timings are
// CPU time of parsing, laying out and drawing, not network time. What a reader downloads is
// reported separately, as bytes; and the "slow4g" runs show what those bytes cost a reader on
// a slow mobile connection (Chrome DevTools' Slow 4G preset: 562.5 ms per request, 1.44 Mbit/s
// down, 675 kbit/s up), with every file gzipped as a web server would send it.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as esbuild from 'esbuild';
import { writeDatasets, DATA_DIR } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const PEER_SRC = path.join(ROOT, 'bench/peer');
const PEER_DIST = path.join(ROOT, 'bench/peer/dist');
const VIEWPORT = { width: 1280, height: 900 };
const MARK = 'flowmap:map-drawn';
// A canvas map's first frame with its countries and places, its flows being painted.
const SHOWN = 'flowmap:map-shown';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const env = process.env;
const SIZES = (env.BENCH_SIZES ?? 'bundled,slow4g,1000,10000,100000').split(',').map((s) => s.trim()).filter(Boolean);
const RUNS = Math.max(1, Number(env.BENCH_RUNS ?? 5));
const RUNS_100K = Math.max(1, Math.min(RUNS, Number(env.BENCH_RUNS_100K ?? 3)));
const RUNS_BUNDLED = Math.max(1, Number(env.BENCH_RUNS_BUNDLED ?? (env.BENCH_RUNS ? RUNS : 9)));
const CAP_MS = Math.max(10, Number(env.BENCH_TIMEOUT_S ?? 120)) * 1000;
const ONLY = (env.BENCH_MAPS ?? 'app,peer').split(',').map((s) => s.trim());
const OUT = path.resolve(ROOT, env.BENCH_OUT ?? 'BENCH.md');
const log = (...a) => console.error('[bench]', ...a);

const MAPS = {
  app: {
    label: 'flowmap (app)',
    url: (data) => (data ? `/?data=${encodeURIComponent(data)}` : '/'),
    leg: 'svg.map g.flow path.line',
    checkbox: '.filters input[type=checkbox]',
    // Ctrl + wheel zooms the app; the peer has no zoom.
    zooms: true,
  },
  peer: {
    label: 'D3 peer',
    url: (data) => (data ? `/peer/?data=${encodeURIComponent(data)}` : '/peer/'),
    leg: 'svg.map path.leg',
    checkbox: '#filters input[type=checkbox]',
  },
};

// ---------------------------------------------------------------------------------------
// Build the peer and the datasets, serve everything.

async function buildPeer() {
  fs.rmSync(PEER_DIST, { recursive: true, force: true });
  fs.mkdirSync(PEER_DIST, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(PEER_SRC, 'main.js')],
    bundle: true, minify: true, format: 'esm', target: 'es2022',
    outfile: path.join(PEER_DIST, 'main.js'), logLevel: 'warning',
  });
  fs.copyFileSync(path.join(PEER_SRC, 'index.html'), path.join(PEER_DIST, 'index.html'));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** The file a URL path is served from: /peer/ → bench/peer/dist, /bench-data/ → bench/data,
 * everything else → dist/. */
function fileFor(pathname) {
  const mounts = [['/peer/', PEER_DIST], ['/bench-data/', DATA_DIR], ['/', DIST]];
  const [prefix, base] = mounts.find(([p]) => pathname.startsWith(p));
  let file = path.normalize(path.join(base, decodeURIComponent(pathname.slice(prefix.length))));
  if (!file.startsWith(base)) return null;
  if (pathname.endsWith('/') || (fs.existsSync(file) && fs.statSync(file).isDirectory())) file = path.join(file, 'index.html');
  return file;
}

/** Chrome DevTools' "Slow 4G" preset (Lighthouse's mobile connection, 150 ms round trips, as
 * DevTools applies it: 562.5 ms added to each request, 90 % of 1.6 Mbit/s down and of
 * 750 kbit/s up), for Chromium's network emulation. No CPU slowdown is added. */
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

/** Serves dist/, the peer and the datasets; with `gzip`, compressed (level 6, as web servers
 * commonly do) for browsers that accept it. */
async function serve({ gzip = false } = {}) {
  const packed = new Map();
  const server = http.createServer((req, res) => {
    const file = fileFor(new URL(req.url, 'http://localhost').pathname);
    if (!file) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!packed.has(file)) packed.set(file, zlib.gzipSync(body, { level: 6 }));
        body = packed.get(file);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// ---------------------------------------------------------------------------------------
// In-page probes.

/** Runs before the page's own scripts: records long tasks, and the start of the second frame
 * after the one that first shows the map. Chromium lets the main thread run at most one frame
 * ahead of rasterisation, so that second frame starts only once the map's pixels are ready:
 * an upper bound of when they are, within two frames (33 ms). */
const INIT = `window.__bench = { longtasks: [], memories: new Set() };
// The WebAssembly memories the page makes, for the memory row (CDP's Runtime.queryObjects,
// used before, crashes the page in Chromium 156).
for (const name of ['instantiate', 'instantiateStreaming']) {
  const original = WebAssembly[name];
  if (!original) continue;
  WebAssembly[name] = function (...args) {
    return original.apply(this, args).then((result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      for (const value of Object.values(instance?.exports ?? {})) {
        if (value instanceof WebAssembly.Memory) window.__bench.memories.add(value);
      }
      return result;
    });
  };
}
const mark = Performance.prototype.mark;
Performance.prototype.mark = function (name, ...rest) {
  if (name === ${JSON.stringify(MARK)} && window.__bench.rasterised == null) {
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench.rasterised = performance.now(); }));
  }
  if (name === ${JSON.stringify(SHOWN)} && window.__bench.shown == null) {
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench.shown = performance.now(); }));
  }
  return mark.call(this, name, ...rest);
};
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.startTime + e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // First pixels and the largest (Lighthouse's FCP and LCP); whether the page came with a
  // picture of the map (the app's first frame, drawn at build time; with ?data= the frame
  // is a skeleton, whose first paint is no picture of that dataset's map).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    const all = list.getEntries();
    window.__bench.lcp = all[all.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  document.addEventListener('DOMContentLoaded', () => { window.__bench.picture = Boolean(document.querySelector('.first-frame svg')) && !document.documentElement.classList.contains('ff-skeleton'); });
} catch (e) { window.__bench.error = String(e); }`;

/** Time to interactive: the end of the last long task before a 1 s window without one,
 * counted from the first frame that shows the map; also the longest task until then. */
async function pageTti({ mark, capMs }) {
  const first = performance.getEntriesByName(mark)[0].startTime;
  const end = performance.now() + capMs;
  const quietFrom = () => {
    let t = first;
    for (const [s, e] of [...window.__bench.longtasks].sort((a, b) => a[0] - b[0])) {
      if (e <= t) continue;
      if (s >= t + 1000) break;
      t = Math.max(t, e);
    }
    return t;
  };
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const t = quietFrom();
    // 100 ms of slack for the observer's delivery of a task that has just ended.
    if (performance.now() >= t + 1100 && quietFrom() === t) {
      const until = window.__bench.longtasks.filter(([s]) => s <= t);
      return { tti: t, longest: Math.max(0, ...until.map(([s, e]) => e - s)), longtasks: until.length };
    }
    if (performance.now() > end) return { timeout: true };
  }
}

/** Hover-to-paint and filter-to-paint, in the page. For `hover`: synthetic pointer and mouse
 * events on the middle of a drawn arc, as a browser sends them when the pointer moves onto it,
 * until the tooltip shows (then the pointer leaves again). For `filter`: a click on the first
 * category checkbox, until the arcs drawn change. Returns `ms`, from the first event to the
 * end of the frame that shows the change, and `busy`, that time less the main thread's idle
 * wait for the frame (frames come every 16.7 ms, so `ms` is rounded up to them). */
async function pageInteract({ what, kind, leg: legSelector, checkbox, capMs }) {
  // The next frame: requestAnimationFrame, then a message posted from it, which runs once
  // that frame's style, layout and paint are done. (Inline: the app's CSP forbids eval.)
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const raf = performance.now();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve({ raf, end: performance.now() });
    ch.port2.postMessage(0);
  }));
  const message = () => new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  });
  /** Runs `act`, then waits for frames until `changed()`. */
  const time = async (act, changed) => {
    // Start from a settled page: rasterised, and no frame under way.
    for (let i = 0; i < 3; i++) await frame();
    const t0 = performance.now();
    act();
    // Handlers' own work (and their microtasks) ends before this message runs; the frame
    // is requested at once, so that waiting for the message cannot make it miss one.
    const scripted = message();
    let next = frame();
    const done = await scripted;
    let [frames, idle, last] = [0, 0, done];
    for (;;) {
      const f = await next;
      frames++;
      idle += Math.max(0, f.raf - last);
      last = f.end;
      if (changed()) {
        // The second frame after this one starts only once this one is rasterised.
        await frame();
        const after = await frame();
        return { ms: f.end - t0, busy: f.end - t0 - idle, raster: after.raf - t0, frames, t0 };
      }
      if (f.end - t0 > capMs) return { timeout: true };
      next = frame();
    }
  };

  if (what === 'hover') {
    const leg = document.querySelector(legSelector);
    if (!leg) return { error: 'no arc drawn' };
    const tip = kind === 'app'
      ? () => document.querySelector('.tooltip')
      : () => { const t = document.getElementById('tooltip'); return t && !t.hidden ? t : null; };
    if (tip()) return { error: 'a tooltip was already shown' };
    const p = leg.getPointAtLength(leg.getTotalLength() / 2);
    const m = leg.getScreenCTM();
    const [clientX, clientY] = [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f];
    const chain = [];
    for (let el = leg; el && el !== document.documentElement; el = el.parentElement) chain.unshift(el);
    const init = { bubbles: true, cancelable: true, composed: true, clientX, clientY, view: window, pointerId: 1, pointerType: 'mouse', isPrimary: true };
    const still = { ...init, bubbles: false, cancelable: false };
    const r = await time(() => {
      leg.dispatchEvent(new PointerEvent('pointerover', init));
      for (const el of chain) el.dispatchEvent(new PointerEvent('pointerenter', still));
      leg.dispatchEvent(new MouseEvent('mouseover', init));
      for (const el of chain) el.dispatchEvent(new MouseEvent('mouseenter', still));
      leg.dispatchEvent(new PointerEvent('pointermove', init));
      leg.dispatchEvent(new MouseEvent('mousemove', init));
    }, () => Boolean(tip()));
    if (r.timeout) return r;
    const text = tip().textContent;
    // Sources: a publication or speaker listed (the app's list is headed "Who says so").
    const listed = Boolean(tip().querySelector('ul li'));
    // Leave the arc again so that the filter test starts from a plain map.
    const out = { ...init, clientX: 1, clientY: 1, relatedTarget: null };
    const outStill = { ...out, bubbles: false, cancelable: false };
    leg.dispatchEvent(new PointerEvent('pointerout', out));
    for (const el of [...chain].reverse()) el.dispatchEvent(new PointerEvent('pointerleave', outStill));
    leg.dispatchEvent(new MouseEvent('mouseout', out));
    for (const el of [...chain].reverse()) el.dispatchEvent(new MouseEvent('mouseleave', outStill));
    await frame();
    await frame();
    return { ...r, route: text.includes('→'), sources: listed, tooltipGone: !tip() };
  }

  if (what === 'zoom') {
    // A ctrl + wheel step on the middle of the map, until a frame shows it (the app moves
    // and scales what it drew), then until the map is laid out again for it (once the zoom
    // has rested, 120 ms later).
    const svg = document.querySelector('svg.map');
    const view = () => svg?.querySelector('g.view');
    if (!view()) return { error: 'no zoomable map' };
    const b = svg.getBoundingClientRect();
    const wheel = { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100, clientX: b.left + b.width / 2, clientY: b.top + b.height / 2 };
    const r = await time(() => svg.dispatchEvent(new WheelEvent('wheel', wheel)), () => view().hasAttribute('transform'));
    if (r.timeout) return r;
    for (;;) {
      const f = await frame();
      if (!view().hasAttribute('transform')) return { ...r, settled: f.end - r.t0 };
      if (f.end - r.t0 > capMs) return { timeout: true };
    }
  }

  const box = document.querySelector(checkbox);
  if (!box) return { error: 'no category checkbox' };
  // Cheap counts (no selector over every arc), so that checking does not slow the frames.
  const drawn = kind === 'app'
    ? () => Number(document.querySelector('.map-frame')?.dataset.flowsDrawn ?? 0)
    : () => [...document.querySelectorAll('svg.map g.cat')].reduce((n, g) => n + (g.getAttribute('display') === 'none' ? 0 : g.childElementCount), 0);
  const before = drawn();
  const r = await time(() => box.click(), () => drawn() !== before);
  return { ...r, before, after: drawn() };
}

// ---------------------------------------------------------------------------------------
// One run: a fresh context and page, every measurement, within CAP_MS.

class Timeout extends Error {}

async function runOnce(browser, origin, kind, dataPath, { wantResponses, network }) {
  // Each phase (load, interactive, memory, hover, filter) has CAP_MS.
  const started = Date.now();
  let phase = started;
  const left = () => CAP_MS - (Date.now() - phase);
  const within = (promise, what) => {
    let timer;
    return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout(what)), Math.max(1, left())); })])
      .finally(() => clearTimeout(timer));
  };
  const map = MAPS[kind];
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  const errors = [];
  const responses = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 300)); });
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  page.on('crash', () => errors.push('the page crashed'));
  if (wantResponses) page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  const r = { errors, responses, steps: {} };
  let step = 'loading';
  let lap = Date.now();
  const enter = (next) => { r.steps[step] = Date.now() - lap; lap = phase = Date.now(); step = next; };
  try {
    await within(page.goto(origin + map.url(dataPath), { waitUntil: 'commit', timeout: CAP_MS }), 'navigation');
    enter('first draw');
    await within(page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK, { polling: 100, timeout: Math.max(1, left()) }), step);
    r.firstDraw = await within(page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, MARK), step);
    enter('time to interactive');
    const tti = await within(page.evaluate(pageTti, { mark: MARK, capMs: Math.max(1, left()) }), step);
    if (tti.timeout) throw new Timeout(step);
    Object.assign(r, { tti: tti.tti, longest: tti.longest, longtasks: tti.longtasks });
    enter('first map rasterised');
    await within(page.waitForFunction(() => window.__bench.rasterised != null, null, { polling: 100, timeout: Math.max(1, left()) }), step);
    r.firstRaster = await page.evaluate(() => window.__bench.rasterised);
    // The map's first pixels: the page's first paint when it came with a picture of the map.
    Object.assign(r, await page.evaluate(() => ({ fcp: window.__bench.fcp, lcp: window.__bench.lcp, picture: window.__bench.picture, shown: window.__bench.shown })));
    r.firstMap = r.picture && r.fcp != null ? r.fcp : (r.shown ?? r.firstRaster);
    enter('memory');
    const cdp = await context.newCDPSession(page);
    await within(cdp.send('HeapProfiler.collectGarbage'), step);
    await cdp.send('Performance.enable');
    const { metrics } = await within(cdp.send('Performance.getMetrics'), step);
    const metric = (name) => metrics.find((x) => x.name === name)?.value;
    r.heap = metric('JSHeapUsedSize');
    r.domNodes = metric('Nodes');
    r.wasm = await page.evaluate(() => [...window.__bench.memories].reduce((n, m) => n + m.buffer.byteLength, 0));
    r.elements = await within(page.evaluate(() => document.getElementsByTagName('*').length), step);
    enter('hover');
    const probe = (what) => within(page.evaluate(pageInteract, { what, kind, leg: map.leg, checkbox: map.checkbox, capMs: Math.max(1, left()) }), what);
    const hover = await probe(step);
    if (hover.timeout) throw new Timeout(step);
    if (hover.error) errors.push(`hover: ${hover.error}`);
    else Object.assign(r, { hover: hover.ms, hoverBusy: hover.busy, hoverRaster: hover.raster, hoverFrames: hover.frames, hoverOk: hover.route && hover.sources, tooltipGone: hover.tooltipGone });
    enter('filter');
    const filter = await probe(step);
    if (filter.timeout) throw new Timeout(step);
    if (filter.error) errors.push(`filter: ${filter.error}`);
    else Object.assign(r, { filter: filter.ms, filterBusy: filter.busy, filterRaster: filter.raster, filterFrames: filter.frames, arcsBefore: filter.before, arcsAfter: filter.after });
    if (map.zooms) {
      enter('zoom');
      const zoom = await probe(step);
      if (zoom.timeout) throw new Timeout(step);
      if (zoom.error) errors.push(`zoom: ${zoom.error}`);
      else Object.assign(r, { zoom: zoom.ms, zoomBusy: zoom.busy, zoomSettled: zoom.settled });
    }
    // Responsiveness after load: the longest task from the first-draw mark through hover,
    // filter and zoom, with the layout after the zoom (the app paints large maps a slice per
    // frame and builds its picking index in slices; the peer draws in one go).
    r.longestAfter = await within(page.evaluate((m) => {
      const t0 = performance.getEntriesByName(m)[0].startTime;
      return Math.max(0, ...window.__bench.longtasks.filter(([s]) => s >= t0).map(([s, e]) => e - s));
    }, MARK), step);
    if (kind === 'app') r.problems = await page.evaluate(() => document.querySelectorAll('.problems li').length);
    enter('close');
  } catch (e) {
    if (!(e instanceof Timeout)) throw e;
    r.timeout = step;
    r.steps[step] = Date.now() - lap;
    lap = Date.now();
  } finally {
    r.wall = Date.now() - started;
    // A page busy in a long task can hold up closing; the browser is restarted then.
    const closed = await Promise.race([context.close().then(() => true, () => false), new Promise((res) => setTimeout(() => res(false), 30000))]);
    r.closed = closed;
    r.steps.close = Date.now() - lap;
  }
  return r;
}

// ---------------------------------------------------------------------------------------
// First hover answered (issue 18): on the Slow 4G runs, a page load of its own whose pointer
// rests on a flow from the start, as a reader's does who waits for the map to answer. The
// pointer jiggles by one pixel every 25 ms (a browser sends hover events on a move) until a
// tooltip is in the page; the time is from the navigation's start, with the longest main-
// thread task until then. A picture without a tooltip (the app's first frame) does not count.

/** In the page, before its scripts: the time the first tooltip is in the page. */
const HOVER_INIT = `new MutationObserver((_, observer) => {
  if (document.querySelector('.tooltip:not([hidden])')) {
    window.__bench.tip = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class'] });`;

/** Where to point at a flow, in CSS px of the page: the middle of the first leg that is the
 * top element there (not under a marker or label), measured once per map over loopback. */
async function hoverPoint(browser, origin, kind) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(origin + MAPS[kind].url(null), { waitUntil: 'commit', timeout: CAP_MS });
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK, { polling: 100, timeout: CAP_MS });
    return await page.evaluate((sel) => {
      for (const leg of document.querySelectorAll(sel)) {
        for (const at of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const p = leg.getPointAtLength(leg.getTotalLength() * at);
          const m = leg.getScreenCTM();
          const [x, y] = [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f];
          const top = document.elementFromPoint(x, y);
          const own = leg.closest('g.flow') ?? leg;
          const top2 = document.elementFromPoint(x, y + 1);
          if (top && own.contains(top) && top2 && own.contains(top2) && y < innerHeight - 2) return { x, y };
        }
      }
      return null;
    }, MAPS[kind].leg);
  } finally {
    await context.close();
  }
}

/** One page load with the pointer on `point` from the start: `hoverFirst`, the time to the
 * first tooltip (ms from navigation start), and `longestToHover`, the longest task until then. */
async function firstHoverOnce(browser, origin, kind, point, network) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(INIT);
    await page.addInitScript(HOVER_INIT);
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    const end = Date.now() + CAP_MS;
    await page.goto(origin + MAPS[kind].url(null), { waitUntil: 'commit', timeout: CAP_MS });
    for (let i = 0; Date.now() < end; i++) {
      await page.mouse.move(point.x, point.y + (i % 2));
      if (await page.evaluate(() => window.__bench.tip != null)) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    // Delivery of a long task's entry comes after the task.
    await page.waitForTimeout(200);
    return await page.evaluate(() => {
      const t = window.__bench.tip;
      if (t == null) return { hoverFirstTimeout: true };
      const until = window.__bench.longtasks.filter(([s]) => s <= t);
      return { hoverFirst: t, longestToHover: Math.max(0, ...until.map(([s, e]) => Math.min(e, t) - s)), longtasksToHover: until.length };
    });
  } finally {
    await context.close();
  }
}

/** Adds the first-hover figures to a Slow 4G run `r` of `kind` (the point measured once). */
const hoverPoints = {};
async function addFirstHover(r, browser, { loopback, origin, kind, network }) {
  hoverPoints[kind] ??= await hoverPoint(browser, loopback, kind);
  if (!hoverPoints[kind]) { r.errors.push('first hover: no flow to point at'); return; }
  const h = await firstHoverOnce(browser, origin, kind, hoverPoints[kind], network);
  if (h.hoverFirstTimeout) r.errors.push(`first hover: no tooltip within ${CAP_MS / 1000} s`);
  Object.assign(r, h);
  log(`  ${kind} first hover answered ${h.hoverFirst?.toFixed(0) ?? '-'} ms, longest task until then ${h.longestToHover?.toFixed(0) ?? '-'} ms`);
}

// ---------------------------------------------------------------------------------------
// Lighthouse (issue 18): mobile, its default simulated throttling (slow 4G, 4× CPU), for both
// maps in the same run, served gzipped. Lighthouse is installed on demand by scripts/bench.sh
// into bench/.tools (not the project's package.json). BENCH_LIGHTHOUSE_RUNS=3 (0 skips it).

const LH_RUNS = Math.max(0, Number(env.BENCH_LIGHTHOUSE_RUNS ?? 3));
const LH_BIN = path.join(ROOT, 'bench/.tools/node_modules/.bin/lighthouse');

/** One Lighthouse run on `url`: performance score, FCP, LCP, TBT, speed index (ms). */
async function lighthouseOnce(url) {
  const args = [url, '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet',
    '--chrome-flags=--headless --no-sandbox --disable-gpu'];
  const out = await new Promise((resolve, reject) => {
    // Async, not execFileSync: this process serves the pages Lighthouse loads.
    const child = spawn(LH_BIN, args, { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    // A hung run must not stall the bench: killed after four phases' cap.
    const timer = setTimeout(() => child.kill('SIGKILL'), CAP_MS * 4);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`lighthouse exited ${code ?? 'after a timeout'}: ${stderr.slice(-300)}`));
    });
  });
  const lhr = JSON.parse(out);
  const audit = (id) => lhr.audits[id]?.numericValue;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
  return {
    score: lhr.categories.performance.score, fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'), si: audit('speed-index'), cls: audit('cumulative-layout-shift'),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet?.slice(0, 80),
    version: lhr.lighthouseVersion,
  };
}

/** Lighthouse on both maps, alternating, LH_RUNS each; medians per map. */
async function lighthouseBoth(origin, notes) {
  if (!LH_RUNS) return null;
  if (!fs.existsSync(LH_BIN)) { notes.push('Lighthouse was not run: bench/.tools has no lighthouse (scripts/bench.sh installs it).'); return null; }
  const runs = { app: [], peer: [] };
  for (let i = 0; i < LH_RUNS; i++) {
    for (const kind of i % 2 ? ['peer', 'app'] : ['app', 'peer']) {
      if (!ONLY.includes(kind)) continue;
      try {
        const r = await lighthouseOnce(origin + MAPS[kind].url(null));
        runs[kind].push(r);
        log(`lighthouse ${kind} run ${i + 1}/${LH_RUNS}: score ${r.score}, LCP ${r.lcp?.toFixed(0)} ms, TBT ${r.tbt?.toFixed(0)} ms`);
      } catch (e) {
        notes.push(`Lighthouse, ${kind}, run ${i + 1}: ${String(e.message).split('\n')[0]}`);
      }
    }
  }
  const sum = (rs) => Object.fromEntries(['score', 'fcp', 'lcp', 'tbt', 'si', 'cls'].map((k) => [k, median(rs.map((r) => r[k]).filter((v) => typeof v === 'number'))]));
  return { runs, app: sum(runs.app), peer: sum(runs.peer), version: [...runs.app, ...runs.peer][0]?.version };
}

/** Markdown: the Lighthouse medians of both maps. */
function lighthouseTable(lh) {
  const rows = [['score', 'performance score', (v) => v.toFixed(2)], ['fcp', 'first contentful paint (ms)', (v) => v.toFixed(0)],
    ['lcp', 'largest contentful paint (ms)', (v) => v.toFixed(0)], ['tbt', 'total blocking time (ms)', (v) => v.toFixed(0)],
    ['si', 'speed index (ms)', (v) => v.toFixed(0)], ['cls', 'cumulative layout shift', (v) => v.toFixed(3)]];
  const f = (v, fmt) => (v == null ? '—' : fmt(v));
  return ['| metric | flowmap (app) | D3 peer |', '|---|--:|--:|',
    ...rows.map(([k, label, fmt]) => `| ${label} | ${f(lh.app[k], fmt)} | ${f(lh.peer[k], fmt)} |`)].join('\n');
}

// ---------------------------------------------------------------------------------------
// Statistics and tables.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const METRICS = [
  ['fcp', 'first contentful paint (ms)', (v) => v.toFixed(0)],
  ['lcp', 'largest contentful paint (ms)', (v) => v.toFixed(0)],
  ['firstMap', 'first map pixels: the first paint if it had the picture of the map, else the first frame of the map rasterised (a canvas map\'s with its countries and places, its flows being painted) (ms)', (v) => v.toFixed(0)],
  ['firstDraw', 'first draw: map-drawn mark (ms)', (v) => v.toFixed(0)],
  ['firstRaster', 'first draw rasterised (ms)', (v) => v.toFixed(0)],
  ['tti', 'time to interactive (ms)', (v) => v.toFixed(0)],
  ['hoverFirst', 'first hover answered: a tooltip, the pointer on a flow from the start (ms; Slow 4G runs)', (v) => v.toFixed(0)],
  ['longestToHover', 'longest task until the first hover answered (ms; 0: none over 50 ms)', (v) => v.toFixed(0)],
  ['longest', 'longest task until interactive (ms)', (v) => v.toFixed(0)],
  ['longestAfter', 'longest task after first draw, through hover, filter and zoom (ms)', (v) => v.toFixed(0)],
  ['hover', 'hover → tooltip frame done (ms)', (v) => v.toFixed(1)],
  ['hoverBusy', '… main thread busy in it (ms)', (v) => v.toFixed(1)],
  ['hoverRaster', 'hover → tooltip rasterised (ms)', (v) => v.toFixed(1)],
  ['filter', 'category filter → frame done (ms)', (v) => v.toFixed(1)],
  ['filterBusy', '… main thread busy in it (ms)', (v) => v.toFixed(1)],
  ['filterRaster', 'category filter → rasterised (ms)', (v) => v.toFixed(1)],
  ['zoom', 'ctrl+wheel zoom step → frame done (ms; the peer has no zoom)', (v) => v.toFixed(1)],
  ['zoomBusy', '… main thread busy in it (ms)', (v) => v.toFixed(1)],
  ['zoomSettled', '… to the frame laid out again for it, after 120 ms at rest (ms)', (v) => v.toFixed(0)],
  ['heap', 'JS heap after load (MB)', (v) => (v / 1048576).toFixed(1)],
  ['wasm', 'wasm memory (MB)', (v) => (v / 1048576).toFixed(1)],
  ['total', 'JS heap + wasm memory (MB)', (v) => (v / 1048576).toFixed(1)],
  ['elements', 'DOM elements', (v) => v.toFixed(0)],
];

function summarise(runs) {
  const out = {};
  const done = runs.filter((r) => !r.timeout);
  for (const r of done) r.total = (r.heap ?? 0) + (r.wasm ?? 0);
  for (const [key] of METRICS) {
    const values = runs.map((r) => r[key]).filter((v) => typeof v === 'number');
    out[key] = { median: median(values), n: values.length };
  }
  out.timeouts = runs.filter((r) => r.timeout).map((r) => r.timeout);
  out.runs = runs.length;
  return out;
}

function cell(s, key, fmt, planned) {
  const m = s[key];
  const timeouts = s.timeouts.length;
  if (m.median == null && timeouts) return ['firstDraw', 'firstRaster', 'tti'].includes(key) ? `timeout (> ${CAP_MS / 1000} s)` : 'not reached';
  if (m.median == null) return '—';
  const v = fmt(m.median);
  return m.n < planned ? `${v} (${m.n}/${planned} runs)` : v;
}

function ratio(a, b, key) {
  const [x, y] = [a[key].median, b[key].median];
  // A load that timed out took at least the cap: a lower bound of the ratio.
  if (x == null && a.timeouts.length && y && ['firstDraw', 'firstRaster', 'tti'].includes(key)) return `> ${(CAP_MS / y).toFixed(0)}×`;
  if (x == null || y == null || y === 0) return '—';
  return `${(x / y).toFixed(2)}×`;
}

function timingTable(results) {
  const lines = ['| dataset | metric | flowmap (app) | D3 peer | app / peer |', '|---|---|--:|--:|--:|'];
  for (const { name, app, peer, planned } of results) {
    for (const [key, label, fmt] of METRICS) {
      lines.push(`| ${name} | ${label} | ${cell(app, key, fmt, planned)} | ${cell(peer, key, fmt, planned)} | ${ratio(app, peer, key)} |`);
    }
  }
  return lines.join('\n');
}

const kb = (n) => (n / 1024).toFixed(1);

/** Raw, gzip -9 and brotli sizes of each file a page downloaded. */
function bytesOf(responses, origin) {
  const files = [];
  const seen = new Set();
  for (const { url, status } of responses) {
    if (!url.startsWith(origin) || status !== 200) continue;
    const u = new URL(url);
    if (seen.has(u.pathname)) continue;
    seen.add(u.pathname);
    const file = fileFor(u.pathname);
    const body = fs.readFileSync(file);
    files.push({
      name: u.pathname,
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
    });
  }
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

function bytesTable(bytes) {
  const lines = ['| map | file | raw (KB) | gzip -9 (KB) | brotli (KB) |', '|---|---|--:|--:|--:|'];
  for (const kind of ['app', 'peer']) {
    const b = bytes[kind];
    if (!b) continue;
    for (const f of b.files) lines.push(`| ${MAPS[kind].label} | \`${f.name}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
    lines.push(`| ${MAPS[kind].label} | **total** | **${kb(b.total.raw)}** | **${kb(b.total.gzip)}** | **${kb(b.total.brotli)}** |`);
  }
  if (bytes.app && bytes.peer) {
    const r = (k) => `${(bytes.app.total[k] / bytes.peer.total[k]).toFixed(2)}×`;
    lines.push(`| app / peer | total | ${r('raw')} | ${r('gzip')} | ${r('brotli')} |`);
  }
  return lines.join('\n');
}

function machine(browserVersion) {
  const cpus = os.cpus();
  let distro = `${os.type()} ${os.release()}`;
  try {
    const rel = fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m);
    if (rel) distro = `${rel[1]} (${os.type()} ${os.release()})`;
  } catch { /* not Linux */ }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: distro,
    chromium: browserVersion,
    node: process.version,
  };
}

function peerDeps() {
  const v = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
  return ['d3-geo', 'd3-selection', 'esbuild'].map((p) => `${p} ${v(p)}`).join(', ');
}

/** A short hash of the app's build, to notice a rebuild of dist/ during the run. */
function distHash() {
  const h = crypto.createHash('sha256');
  for (const f of ['index.html', 'flowmap.js', 'flowmap_bg.wasm']) h.update(fs.readFileSync(path.join(DIST, f)));
  return h.digest('hex').slice(0, 12);
}

function gitCommit() {
  try { return execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { return 'unknown'; }
}

/** A short reading of the numbers, written from them. */
/** Markdown: the issue's targets, each with what this run measured and whether it is met. */
function targets(results, bytes, lighthouse) {
  const find = (name) => results.find((r) => r.name === name);
  const med = (r, who, key) => r?.[who]?.[key]?.median;
  const ms = (v) => (v == null ? 'not measured' : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
  const verdict = (ok) => (ok == null ? '—' : ok ? 'met' : '**not met**');
  const rows = [];
  if (bytes.app) {
    const gz = bytes.app.total.gzip;
    rows.push(['Default view download ≤ 300 KB gzipped (issue 18)', `${kb(gz)} KB, brotli ${kb(bytes.app.total.brotli)} KB (peer ${bytes.peer ? kb(bytes.peer.total.gzip) : '—'} KB)`, verdict(gz <= 300 * 1024)]);
  }
  const b = find('bundled (22 flows)');
  if (b) {
    const [a, p] = [med(b, 'app', 'firstDraw'), med(b, 'peer', 'firstDraw')];
    rows.push(['Bundled data: first map frame no later than the peer\'s', `${ms(a)} vs ${ms(p)}`, verdict(a != null && p != null ? a <= p : null)]);
  }
  for (const [name, label] of [['bundled (22 flows)', 'Bundled data'], ['bundled, Slow 4G, gzip', 'Bundled data, Slow 4G']]) {
    const r = find(name);
    if (!r) continue;
    const [a, p] = [med(r, 'app', 'firstMap'), med(r, 'peer', 'firstMap')];
    rows.push([`${label}: first map pixels before the peer's`, `${ms(a)} vs ${ms(p)}`, verdict(a != null && p != null ? a < p : null)]);
    const [la, lp] = [med(r, 'app', 'lcp'), med(r, 'peer', 'lcp')];
    rows.push([`${label}: largest contentful paint ≤ the peer's`, `${ms(la)} vs ${ms(lp)}`, verdict(la != null && lp != null ? la <= lp : null)]);
  }
  const s4 = find('bundled, Slow 4G, gzip');
  if (s4) {
    const [h, hp] = [med(s4, 'app', 'hoverFirst'), med(s4, 'peer', 'hoverFirst')];
    rows.push(['Bundled data, Slow 4G: first hover answered ≤ 2.6 s', `${ms(h)} (peer ${ms(hp)})`, verdict(h != null ? h <= 2600 : null)]);
    const [l, lp] = [med(s4, 'app', 'longestToHover'), med(s4, 'peer', 'longestToHover')];
    rows.push(['Bundled data, Slow 4G: no main-thread task over 50 ms until the first hover answered', `longest ${ms(l)} (peer ${ms(lp)})`, verdict(l != null ? l <= 50 : null)]);
  }
  if (lighthouse) {
    const { app, peer } = lighthouse;
    rows.push(['Lighthouse mobile: LCP ≤ the peer\'s', `${ms(app.lcp)} vs ${ms(peer.lcp)}`, verdict(app.lcp != null && peer.lcp != null ? app.lcp <= peer.lcp : null)]);
    rows.push(['Lighthouse mobile: performance score 1.0', `${app.score ?? '—'} (peer ${peer.score ?? '—'}); TBT ${ms(app.tbt)} vs ${ms(peer.tbt)}`, verdict(app.score != null ? app.score >= 1 : null)]);
  }
  const k10 = find('10,000 flows');
  for (const [key, label] of [['hover', 'hover'], ['filter', 'category filter']]) {
    if (!k10) break;
    const [busy, frame, peer] = [med(k10, 'app', `${key}Busy`), med(k10, 'app', key), med(k10, 'peer', key)];
    rows.push([`10,000 flows: ${label} to paint within one frame (16 ms of main-thread work)`, `${ms(busy)} busy (${ms(frame)} to the end of the frame)`, verdict(busy != null ? busy <= 16 : null)]);
    const peerBusy = med(k10, 'peer', `${key}Busy`);
    const work = busy && peerBusy ? `; main-thread work ${ms(busy)} vs ${ms(peerBusy)}, ${(peerBusy / busy).toFixed(1)}×` : '';
    rows.push([`10,000 flows: ${label} ≥ 5× faster than the peer (to the end of the frame)`, `${ms(frame)} vs ${ms(peer)} (${frame && peer ? (peer / frame).toFixed(1) : '—'}×${work})`, verdict(frame && peer ? peer / frame >= 5 : null)]);
  }
  if (k10) {
    const [a, p] = [med(k10, 'app', 'firstDraw'), med(k10, 'peer', 'firstDraw')];
    rows.push(['10,000 flows: first-draw mark ≤ 1.0 s (issue 18)', `${ms(a)} (peer ${ms(p)}; pixels ${ms(med(k10, 'app', 'firstMap'))} vs ${ms(med(k10, 'peer', 'firstMap'))})`, verdict(a != null ? a <= 1000 : null)]);
  }
  const k100 = find('100,000 flows');
  if (k100) {
    const first = med(k100, 'app', 'firstMap');
    rows.push(['100,000 flows: first map pixels ≤ 3 s (issue 18)', `${ms(first)} (peer ${ms(med(k100, 'peer', 'firstMap'))})`, verdict(first != null ? first <= 3000 : null)]);
    const total = med(k100, 'app', 'total');
    const mb = (v) => (v == null ? '—' : (v / 1048576).toFixed(1));
    rows.push(['100,000 flows: wasm memory + JS heap ≤ 150 MB (issue 18)', `${mb(total)} MB (peer ${mb(med(k100, 'peer', 'total'))} MB)`, verdict(total != null ? total <= 150 * 1048576 : null)]);
    const after = med(k100, 'app', 'longestAfter');
    rows.push(['100,000 flows: no task over 200 ms after load', `longest ${ms(after)} (peer ${ms(med(k100, 'peer', 'longestAfter'))})`, verdict(after != null ? after <= 200 : null)]);
  }
  return ['| target | this run | |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function reading(results, bytes) {
  const out = [];
  const ms = (v) => (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
  const pair = (a, p, k) => {
    const [x, y] = [a[k].median, p[k].median];
    if (x == null || y == null) return null;
    return `${ms(x)} vs ${ms(y)}${y > 0 ? ` (${(x / y).toFixed(1)}×)` : ''}`;
  };
  for (const { name, app, peer } of results) {
    const parts = [];
    if (app.timeouts.length && app.firstDraw.median == null) {
      parts.push(`the app did not draw the map within the ${CAP_MS / 1000} s cap` +
        (peer.firstDraw.median != null ? `; the peer set its mark after ${ms(peer.firstDraw.median)}, had its pixels after ${ms(peer.firstRaster.median)} and was interactive after ${ms(peer.tti.median)}` : ''));
      if (peer.hover.median != null) parts.push(`the peer's hover took ${ms(peer.hover.median)} to a frame (${ms(peer.hoverRaster.median)} to pixels) and its filter ${ms(peer.filter.median)} (${ms(peer.filterRaster.median)})`);
    } else {
      const items = [
        ['first draw (mark)', 'firstDraw'], ['first pixels', 'firstRaster'], ['interactive', 'tti'],
        ['hover to frame', 'hover'], ['hover to pixels', 'hoverRaster'], ['filter to frame', 'filter'], ['filter to pixels', 'filterRaster'],
      ];
      for (const [label, k] of items) {
        const t = pair(app, peer, k);
        if (t) parts.push(`${label} ${t}`);
      }
      if (app.zoom.median != null) parts.push(`zoom step to frame ${ms(app.zoom.median)}, laid out again for it ${ms(app.zoomSettled.median)} after the step (the peer has no zoom)`);
      const [x, y] = [app.total.median, peer.total.median];
      if (x != null && y) parts.push(`memory (JS heap + wasm) ${(x / 1048576).toFixed(1)} vs ${(y / 1048576).toFixed(1)} MB`);
    }
    for (const [who, s] of [['app', app], ['peer', peer]]) {
      if (s.timeouts.length && !(who === 'app' && app.firstDraw.median == null)) parts.push(`the ${who} timed out in ${s.timeouts.length} run(s) (at: ${[...new Set(s.timeouts)].join(', ')})`);
    }
    out.push(`- **${name}** (app vs peer): ${parts.join('; ')}.`);
  }
  // How first draw grows with the number of flows.
  const sized = results.filter((r) => /^[\d,]+ flows$/.test(r.name)).map((r) => ({ n: Number(r.name.replace(/\D/g, '')), ...r }));
  for (let i = 1; i < sized.length; i++) {
    const [a, b] = [sized[i - 1], sized[i]];
    const grow = (k, who) => (a[who][k].median && b[who][k].median ? b[who][k].median / a[who][k].median : null);
    const [ga, gp] = [grow('firstDraw', 'app'), grow('firstDraw', 'peer')];
    const f = b.n / a.n;
    if (gp != null) {
      out.push(`- From ${a.name} to ${b.name} (${f}× the flows) the peer's first draw grew ${gp.toFixed(1)}×; ` +
        (ga != null ? `the app's ${ga.toFixed(1)}×.` : b.app.timeouts.length ? `the app's by more than ${(CAP_MS / a.app.firstDraw.median).toFixed(0)}× (it timed out).` : ''));
    }
  }
  // Where the pixels, not the main thread, take most of the time.
  const rasterBound = results.filter((r) => r.peer.firstRaster.median != null && r.peer.firstDraw.median != null
    && r.peer.firstRaster.median > 2 * r.peer.firstDraw.median && r.peer.firstRaster.median > 1000);
  if (rasterBound.length) {
    out.push(`- From ${rasterBound[0].name} on, both maps wait longer for pixels than for their own code: Chromium ` +
      `rasterises thousands of dashed, overlapping SVG curves in software here (no GPU), which a reader's GPU would shorten ` +
      `and which SVG costs whatever draws it. The main-thread figures (mark, "frame done", "busy") are the ones that measure ` +
      `each implementation's own work.`);
  }
  const small = results.find((r) => r.name === 'bundled (22 flows)');
  if (small && small.app.hoverRaster.median != null && small.peer.hoverRaster.median) {
    const h = small.app.hoverRaster.median / small.peer.hoverRaster.median;
    const f = small.app.filterRaster.median / small.peer.filterRaster.median;
    if (Math.abs(h - 1) < 0.25 && Math.abs(f - 1) < 0.25) {
      out.push(`- With the bundled data, hover and filter reach the screen in the same frames in both maps (about ` +
        `${ms(small.peer.hoverRaster.median)}, bounded by the 60 Hz frame clock); the app's extra main-thread work ` +
        `(${ms(small.app.filterBusy.median)} vs ${ms(small.peer.filterBusy.median)} for the filter) fits inside a frame.`);
    }
  }
  if (bytes.app && bytes.peer) {
    out.push(`- **Download** (default view, gzip -9): app ${kb(bytes.app.total.gzip)} KB vs peer ${kb(bytes.peer.total.gzip)} KB ` +
      `(${(bytes.app.total.gzip / bytes.peer.total.gzip).toFixed(1)}×). Geometry and data are the same bytes in both, so the ` +
      `difference is code: the app's wasm and its JS glue and CSS against the peer's bundled d3-geo and d3-selection.`);
    const slow = results.find((r) => r.name === 'bundled, Slow 4G, gzip');
    const [a, p] = [slow?.app.firstDraw.median, slow?.peer.firstDraw.median];
    if (a != null && p != null) {
      out.push(`  What the bytes cost a reader: over an emulated Slow 4G connection, with the files gzipped, the app's map shows ` +
        `after ${ms(a)} and the peer's after ${ms(p)} (${(a / p).toFixed(1)}×), against ` +
        `${ms(small?.app.firstDraw.median ?? NaN)} and ${ms(small?.peer.firstDraw.median ?? NaN)} over loopback.`);
    }
  }
  return out.join('\n');
}

const CAVEATS = `What the comparison does and does not cover:

- Both pages draw the same countries (dist/atlas.json), the same data, the same projection
  (conic equal-area fitted to \`meta.focus\`), one curved arc per leg with an arrowhead, width by
  value, colour by category, dash by claim status, markers (places off the focus at the edge),
  a tooltip with route and sources, and category checkboxes.
- The app does much more that the peer does not: validation with a problems list, a table
  view, status, source and time filters, a time line, legends, zoom and pan, keyboard access
  to the flows (each a focusable \`g\` with a wider hit path; on canvas maps the largest of each category, about 100), selection with a detail
  panel, five interface languages, downloads and embed code. Part of its cost is that work.
- The peer draws one \`path\` per leg (arrowheads are SVG markers) and filters by hiding a
  category's layer. The app draws up to 300 flows as SVG (4–5 elements per leg, re-laid out
  when a filter changes, so markers resize to the flows shown); above that it paints the
  flows on one canvas per category, a slice per frame, picks them with a grid index, keeps
  the largest of each category (about 100, and the highlighted ones) as focusable SVG, and
  hides a category's canvas and SVG flows for a category filter. Its "first draw" mark then waits until every flow is painted. The
  element counts are in the table.
- Times are from loopback with caching off: no network latency is included. "First draw" is
  the \`flowmap:map-drawn\` mark both pages set (from requestAnimationFrame) in the frame that
  first shows the map: the main thread's part. "Rasterised" is the start of the second frame
  after it, which Chromium begins only once the map's pixels are ready; it includes up to two
  frames (33 ms) of waiting. This machine has no GPU, so Chromium rasterises in software:
  with thousands of dashed curves that dominates, and a reader's GPU would shorten it.
  "Time to interactive" is the end of the last long task (> 50 ms) before a 1 s quiet window
  after the first frame. Hover and filter run from synthetic events dispatched in the page
  (pointer and mouse events onto the middle of the first arc; a click on the first category
  checkbox) to the end of the frame that shows the change ("frame done": requestAnimationFrame,
  then a posted message), and to its pixels ("rasterised", as above). Frames come every
  16.7 ms, so "main thread busy" leaves out the wait for the next frame. The wait also bounds
  the "5× faster" targets: a change shown in the very next frame still takes 14–17 ms to that
  frame's end, so against a peer that shows it in its second frame (about 33 ms) no page can
  be 5× faster to the end of the frame; the main-thread work (its ratio is in the Targets
  table) is the part a page controls. Zoom (the app only: the peer has none) is a ctrl + wheel
  event on the map's middle, to the frame that shows the map moved and scaled, and to the
  frame that shows it laid out again for the new zoom, which the app does once the zoom has
  rested for 120 ms (during a drag or a run of wheel steps it only moves and scales).
- The app adds what follows the map (tools, filters, legend, sources) in a task right after
  the first frame with the map; its "first draw" is that frame, like the peer's, whose page
  has only the map and its checkboxes.
- JS heap is measured after a forced garbage collection; the app keeps its data in
  WebAssembly linear memory, which the JS heap figure does not include, so both are listed.
- Synthetic data: ~200 countries with uniformly random routes, so most arcs run to places at
  the map's edge; real datasets cluster more. Medians of few runs on a 2-core machine vary by
  some percent between runs of the benchmark.`;

// ---------------------------------------------------------------------------------------
// What the wasm is made of: twiggy over the release build before wasm-opt (with names).

/** Markdown: the wasm's size by crate and its largest functions, or why it is missing. */
function wasmComposition() {
  // The main module as scripts/split.sh cut it, after wasm-bindgen (which keeps the names):
  // what the page downloads at start, without the chunks fetched on first use of a tool.
  const cut = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'flowmap-split/release/bindgen/flowmap_bg.wasm');
  try {
    const csv = execFileSync('twiggy', ['top', '-n', '100000', '-f', 'csv', cut], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const rows = csv.trim().split('\n').slice(1).map((line) => {
      const m = line.match(/^(.*),(\d+),([\d.]+),(\d+),([\d.]+)$/) ?? line.match(/^(.*?),(\d+),/);
      return m ? { name: m[1].replace(/^"|"$/g, ''), bytes: Number(m[2]) } : null;
    }).filter((r) => r && !/custom section|function names/.test(r.name));
    const total = rows.reduce((n, r) => n + r.bytes, 0);
    const crate = (name) => {
      if (/^data segment/.test(name)) return 'data (string tables, constants)';
      const bare = name.replace(/^<+/, '').replace(/^&(mut )?/, '');
      if (/^core\b.*\bsort\b/.test(bare)) return 'core (sorting)';
      if (/^core\b.*\bfmt\b/.test(bare)) return 'core (formatting)';
      return bare.split(/::|\[| |</)[0] || name;
    };
    const byCrate = new Map();
    for (const r of rows) byCrate.set(crate(r.name), (byCrate.get(crate(r.name)) ?? 0) + r.bytes);
    const kb = (b) => (b / 1024).toFixed(1);
    const pct = (b) => `${((100 * b) / total).toFixed(1)} %`;
    const crates = [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 14)
      .map(([k, b]) => `| ${k} | ${kb(b)} | ${pct(b)} |`).join('\n');
    const fns = rows.filter((r) => !/^data segment/.test(r.name)).sort((a, b) => b.bytes - a.bytes).slice(0, 10)
      .map((r) => `| \`${r.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|').slice(0, 110)}\` | ${kb(r.bytes)} |`).join('\n');
    return `Code and data of the main module (the chunks of the tools cut off) before \`wasm-opt -Oz\` (${kb(total)} KB; ${kb(fs.statSync(path.join(DIST, 'flowmap_bg.wasm')).size)} KB after it),
from \`twiggy top\`; generic code is counted under the crate that defines it (\`T\` is code
generic over the caller's types: mostly leptos views). Release profile: \`opt-level = "z"\`, LTO,
one codegen unit, \`panic = "abort"\`, leptos' \`erase_components\`; then \`wasm-opt -Oz\`.

| crate | KB | share |
|---|--:|--:|
${crates}

| largest functions | KB |
|---|--:|
${fns}`;
  } catch (e) {
    return `(Not measured: ${String(e.message).split('\n')[0]}. \`cargo install twiggy\` and run again.)`;
  }
}

async function main() {
  const t0 = Date.now();
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run scripts/build.sh first');
  log('building the peer with esbuild');
  await buildPeer();
  const numeric = SIZES.filter((s) => s !== 'bundled' && s !== 'slow4g' && s !== 'airports').map(Number);
  if (numeric.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must list "bundled", "slow4g", "airports" and flow counts, got ${SIZES}`);
  const generated = [...numeric, ...SIZES.filter((s) => s === 'airports')];
  if (generated.length) {
    log(`generating datasets: ${generated.join(', ')}`);
    writeDatasets(generated);
  }
  const buildBefore = distHash();
  const server = await serve();
  const gzipServer = SIZES.includes('slow4g') ? await serve({ gzip: true }) : null;
  let browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const browserVersion = browser.version();
  const results = [];
  const raw = [];
  const bytes = {};
  const notes = [];
  let lighthouse = null;
  try {
    for (const size of SIZES) {
      const bundled = size === 'bundled';
      const slow = size === 'slow4g';
      const airports = size === 'airports';
      const name = bundled ? 'bundled (22 flows)' : slow ? 'bundled, Slow 4G, gzip' : airports ? 'airports (5,000 flows)' : `${Number(size).toLocaleString('en-US')} flows`;
      const dataPath = bundled || slow ? null : airports ? '/bench-data/airports.json' : `/bench-data/flows-${size}.json`;
      const planned = bundled ? RUNS_BUNDLED : Number(size) >= 100000 ? RUNS_100K : RUNS;
      const origin = slow ? gzipServer.origin : server.origin;
      const runs = { app: [], peer: [] };
      const given = { app: false, peer: false };
      for (let i = 0; i < planned; i++) {
        // Alternate which map goes first, so that drift of the machine does not favour one.
        for (const kind of i % 2 ? ['peer', 'app'] : ['app', 'peer']) {
          // The peer reads format version 1 only (money, no counts or speakers).
          if (given[kind] || !ONLY.includes(kind) || (airports && kind === 'peer')) continue;
          const r = await runOnce(browser, origin, kind, dataPath, { wantResponses: bundled && i === 0, network: slow ? SLOW_4G : null });
          if (slow && !r.timeout) await addFirstHover(r, browser, { loopback: server.origin, origin, kind, network: SLOW_4G });
          runs[kind].push(r);
          raw.push({ dataset: name, map: kind, run: i + 1, ...r, responses: undefined });
          const show = (v) => (v == null ? '-' : v.toFixed(0));
          log(`${name} ${kind} run ${i + 1}/${planned}: ${r.timeout ? `TIMEOUT at ${r.timeout}` : `draw ${show(r.firstDraw)} ms, tti ${show(r.tti)} ms, hover ${show(r.hover)} ms, filter ${show(r.filter)} ms`} (${(r.wall / 1000).toFixed(1)} s)` +
            (r.errors.length ? `; errors: ${r.errors.slice(0, 3).join(' | ')}` : ''));
          if (bundled && i === 0) bytes[kind] = bytesOf(r.responses, server.origin);
          if (r.problems) notes.push(`${name}: the app listed ${r.problems} problem(s) under the map.`);
          if (r.hoverOk === false) notes.push(`${name}: the ${kind}'s tooltip did not name a route and sources.`);
          if (r.arcsBefore != null && !(r.arcsAfter < r.arcsBefore)) notes.push(`${name}: the ${kind}'s filter did not reduce the arcs drawn (${r.arcsBefore} → ${r.arcsAfter}).`);
          for (const e of r.errors) notes.push(`${name}, ${kind}: ${e}`);
          if (r.timeout) {
            given[kind] = true;
            notes.push(`${name}: ${MAPS[kind].label} timed out (${r.timeout}) after ${CAP_MS / 1000} s in run ${i + 1}` +
              `${i + 1 < planned ? '; its remaining runs were skipped' : ''}. BENCH_TIMEOUT_S raises the cap.`);
          }
          if (!r.closed) {
            log('the browser did not close a busy page; restarting it');
            await browser.close().catch(() => {});
            browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
          }
        }
      }
      results.push({ name, planned, app: summarise(runs.app), peer: summarise(runs.peer) });
    }
    if (gzipServer) lighthouse = await lighthouseBoth(gzipServer.origin, notes);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    await gzipServer?.close();
  }

  const wall = (Date.now() - t0) / 1000;
  const buildAfter = distHash();
  if (buildAfter !== buildBefore) notes.unshift(`dist/ was rebuilt during the run (build ${buildBefore} → ${buildAfter}): the app's numbers mix two builds; run again.`);
  const m = machine(browserVersion);
  const timing = timingTable(results);
  const size = bytes.app || bytes.peer ? bytesTable(bytes) : '';
  console.log(`\n## Timings and memory (median of runs; ${RUNS} runs per map, ${RUNS_BUNDLED} on the bundled dataset, ${RUNS_100K} at 100,000 flows)\n\n${timing}\n`);
  if (size) console.log(`## What a reader downloads for the default view (bundled dataset)\n\n${size}\n`);
  if (lighthouse) console.log(`## Lighthouse ${lighthouse.version}, mobile (median of ${LH_RUNS})\n\n${lighthouseTable(lighthouse)}\n`);
  console.log(`Wall time: ${wall.toFixed(0)} s`);

  const set = Object.keys(env).filter((k) => k.startsWith('BENCH_')).sort().map((k) => `${k}=${env[k]}`);
  const command = [...set, 'bash scripts/bench.sh'].join(' ');
  const uniqueNotes = [...new Set(notes)];
  const md = `# Benchmark: flowmap against a plain D3 SVG flow map

Generated by \`bench/run.mjs\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (commit ${gitCommit()}, app build ${buildAfter}, dist/ of ${fs.statSync(path.join(DIST, 'flowmap_bg.wasm')).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC); it took ${wall.toFixed(0)} s.

| machine | |
|---|---|
| CPU | ${m.cpu} |
| cores | ${m.cores} |
| RAM | ${m.ram} |
| OS | ${m.os} |
| browser | Chromium ${m.chromium} (headless, --disable-gpu), page 1280×900 |
| Node | ${m.node} |

Command: \`${command}\`. Runs: ${RUNS} fresh pages per map and dataset (${RUNS_BUNDLED} on the bundled dataset, ${RUNS_100K} at 100,000 flows),
alternating which map goes first; each phase of a run (load, time to interactive, pixels,
memory, hover, filter) is capped at ${CAP_MS / 1000} s, and a map that times out is not run
again on that dataset. The peer is
\`bench/peer/\` (${peerDeps()}; bundled and minified with esbuild); the
synthetic datasets come from \`bench/generate.mjs\` (seeded, in the current format, version 2; ~200 countries, 15% with a stop on
the way, 20% undisclosed values).

## Targets

${targets(results, bytes, lighthouse)}

## Timings and memory (medians)

${timing}

## What a reader downloads for the default view (bundled dataset)

Files each page requested, compressed here with Node's zlib (gzip level 9, brotli quality 11).

${size}

${lighthouse ? `## Lighthouse, mobile

Lighthouse ${lighthouse.version} (\`bench/.tools\`, installed by \`scripts/bench.sh\`), performance only, its default
mobile settings: a Moto G Power's screen, simulated slow 4G (150 ms round trips, 1.6 Mbit/s) and
4× CPU slowdown; both maps served gzipped from this process, ${LH_RUNS} runs each, alternating; medians.

${lighthouseTable(lighthouse)}

` : ''}## What the wasm is made of

${wasmComposition()}

## Reading

${reading(results, bytes)}

${uniqueNotes.length ? `Observed during the runs:\n\n${uniqueNotes.map((n) => `- ${n}`).join('\n')}\n\n` : ''}${CAVEATS}
`;
  fs.writeFileSync(OUT, md);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(path.join(DATA_DIR, 'results.json'), JSON.stringify({ machine: m, command, build: buildAfter, wall, notes: uniqueNotes, results, bytes, lighthouse, runs: raw }, null, 1));
  log(`wrote ${path.relative(ROOT, OUT)} and ${path.relative(ROOT, path.join(DATA_DIR, 'results.json'))}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
