// Shared by the browser tests: serves dist/ on localhost from this process and drives
// Debian's Chromium with Playwright. Records console errors and any request that
// leaves localhost.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const FIXTURES = path.join(ROOT, 'tests/fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Starts a static server for dist/ on a free localhost port. */
export async function serveDist() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run scripts/build.sh first');
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    // Test datasets live outside dist/ and are served under /__fixtures__/.
    const fixture = url.pathname.startsWith('/__fixtures__/');
    const base = fixture ? FIXTURES : DIST;
    const rel = fixture ? url.pathname.slice('/__fixtures__'.length) : url.pathname;
    let file = path.normalize(path.join(base, decodeURIComponent(rel)));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Launches Chromium with a fresh profile. `options` go to Playwright's context (the hostile
 * text tests lift the page's Content-Security-Policy with `bypassCSP`, so that what the policy
 * would block is caught by the tests, not hidden by the policy). */
export async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Opens a page at `url` with the given viewport, watching errors and requests.
 * `options.init` (a function or script) runs in every document before the page's own. */
export async function openPage(context, origin, url, viewport, options = {}) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  if (options.init) await page.addInitScript(options.init);
  const errors = [];
  const outside = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    // blob: URLs the page made itself (exports) carry its origin and never leave the machine.
    if (!u.startsWith(origin) && !u.startsWith(`blob:${origin}/`) && !u.startsWith('data:')) outside.push(u);
  });
  await page.goto(origin + url);
  return { page, errors, outside };
}

/** Opens the map at `url` and waits until its flows are drawn. */
export async function openMap(context, origin, url, viewport, options = {}) {
  const opened = await openPage(context, origin, url, viewport, options);
  await opened.page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  return opened;
}

/** Records the map's `transform`s while `act` zooms or pans, until the zoom has rested and
 * the map is laid out for it again (`g.view` without a transform); returns them, each
 * `null` when there was none. */
export async function zoomSettled(page, act) {
  await page.evaluate(() => {
    const view = document.querySelector('svg.map g.view');
    window.__shifts = [];
    // One observer per page: a second call replaces the first.
    window.__shiftObserver?.disconnect();
    window.__shiftObserver = new MutationObserver(() => window.__shifts.push(view.getAttribute('transform')));
    window.__shiftObserver.observe(view, { attributes: true, attributeFilter: ['transform'] });
  });
  await act();
  await page.waitForFunction(() => window.__shifts.length > 0 && !document.querySelector('svg.map g.view').hasAttribute('transform'));
  return page.evaluate(() => window.__shifts);
}

/** The seeded PRNG of the generated fixtures (tests/fixtures/generators.mjs). */
export { prng } from '../fixtures/generators.mjs';

/** A dataset text in English: a plain string, or its `en` translation. */
export const english = (text) => (typeof text === 'string' ? text : text.en);

/** The bundled dataset, as the tests' reference. */
export function bundledDataset() {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'data/flows.json'), 'utf8'));
}

/** Moves the mouse onto a visible point of a flow's curve (where no other flow covers it),
 * as a reader would. The flow is found by comparing its id, never by writing the id into a
 * selector (a dataset's ids may hold quotes and brackets). */
export async function hoverFlow(page, flowId) {
  const point = await page.evaluate((id) => {
    const group = [...document.querySelectorAll('svg.map g.flow')].find((g) => g.getAttribute('data-flow-id') === id);
    for (const line of group?.querySelectorAll('path.line') ?? []) {
      const m = line.getScreenCTM();
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
        const p = line.getPointAtLength(line.getTotalLength() * f);
        const x = m.a * p.x + m.c * p.y + m.e;
        const y = m.b * p.x + m.d * p.y + m.f;
        if (document.elementFromPoint(x, y)?.closest('g.flow') === group) return { x, y };
      }
    }
    return null;
  }, flowId);
  if (!point) throw new Error(`flow ${flowId} is covered by other flows everywhere`);
  await page.mouse.move(point.x, point.y);
}

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page and returns its violations. It is evaluated through the
 * DevTools protocol, which the page's Content-Security-Policy does not block (a script tag
 * would be). */
export async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
