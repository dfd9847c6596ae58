// A large dataset (2,000 synthetic flows from bench/generate.mjs): flows on canvas layers,
// picking by pointer, filters, pinning, the focusable largest flows, and axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, axe, zoomSettled, ROOT } from './harness.mjs';
import { generate } from '../../bench/generate.mjs';

const N = 2000;
const FILE = path.join(ROOT, 'tests/fixtures/generated', `flows-${N}.json`);
const URL_DATA = `/?data=${encodeURIComponent(`__fixtures__/generated/flows-${N}.json`)}`;
let server;
let browser;
let data;
before(async () => {
  data = generate(N);
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, JSON.stringify(data));
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };

/** Opens the large map and waits until it says it drew every flow. */
async function openLarge(hash = '') {
  const opened = await openPage(browser.context, server.origin, URL_DATA + hash, DESKTOP);
  await opened.page.waitForSelector('.map-frame[data-flows-drawn]:not([data-flows-drawn="0"])', { timeout: 30000 });
  return opened;
}

const drawnCount = (page) => page.locator('.map-frame').getAttribute('data-flows-drawn').then(Number);

/** Painted pixels of each canvas layer, in order (once painting has ended); 0 for a
 * hidden one. */
const paintedPixels = async (page) => {
  await page.waitForSelector('.flow-layers:not([aria-busy])', { state: 'attached' });
  return page.evaluate(() => [...document.querySelectorAll('.flow-layers canvas')].map((c) => {
    if (getComputedStyle(c).opacity === '0') return 0;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
    return n;
  }));
};

test(`${N} flows: drawn on one canvas per category, the largest of each kept as focusable SVG`, async () => {
  const { page, errors } = await openLarge();
  assert.equal(await drawnCount(page), N);
  const categories = new Set(data.flows.map((f) => f.category)).size;
  const painted = await paintedPixels(page);
  assert.equal(painted.length, categories);
  const area = await page.evaluate(() => { const c = document.querySelector('.flow-layers canvas'); return c.width * c.height; });
  for (const n of painted) assert.ok(n > area * 0.05, `a layer paints only ${n} of ${area} pixels`);
  // Few SVG flows, each a labelled, focusable button: an even share of 100 per category;
  // one of them (or a marker) takes Tab, the others are reached with the arrow keys.
  const each = Math.ceil(100 / categories);
  const perCategory = new Map();
  for (const f of data.flows) perCategory.set(f.category, (perCategory.get(f.category) ?? 0) + 1);
  const expected = [...perCategory.values()].reduce((sum, n) => sum + Math.min(n, each), 0);
  const focusable = await page.locator('svg.map g.flow[tabindex][role="button"][aria-label]').count();
  assert.equal(focusable, expected);
  assert.equal(await page.locator('svg.map [tabindex="0"]').count(), 1, 'one Tab stop in the map');
  const ids = await page.locator('svg.map g.flow').evaluateAll((gs) => gs.map((g) => g.dataset.flowId));
  const byId = new Map(data.flows.map((f) => [f.id, f]));
  assert.equal(new Set(ids.map((id) => byId.get(id).category)).size, categories, 'every category has focusable flows');
  // Focused from the keyboard, a flow shows over the dimmed layers, with its tooltip.
  await page.keyboard.press('Tab');
  const flow = page.locator('svg.map g.flow').first();
  await flow.focus();
  await page.locator('.tooltip').waitFor();
  assert.equal(await flow.evaluate((g) => g.classList.contains('active') && getComputedStyle(g).opacity), '1');
  assert.equal(await page.locator('.flow-layers.dimmed').count(), 1);
  // Zoomed, the layers are painted again for the new view (off screen, then swapped in;
  // meanwhile the last picture is moved and scaled with a transform).
  await page.keyboard.press('Escape');
  await zoomSettled(page, () => page.getByRole('button', { name: 'Zoom in' }).click());
  await page.waitForFunction(() => /zoom=1\.500/.test(location.hash));
  const zoomed = await paintedPixels(page);
  for (const n of zoomed) assert.ok(n > 0, `a layer is blank after zooming: ${zoomed}`);
  assert.equal(await page.locator('.flow-layers').evaluate((el) => el.style.transform), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test(`${N} flows: a crowded map draws its lines translucent, so the last category does not cover the others`, async () => {
  const { page, errors } = await openLarge();
  await page.waitForSelector('.flow-layers:not([aria-busy])', { state: 'attached' });
  // Of each layer's painted pixels, the share that is fully opaque: drawn opaque, the lines
  // of 2,000 flows leave over half of them so (and the top layer hides those below).
  const opaque = await page.evaluate(() => [...document.querySelectorAll('.flow-layers canvas')].map((c) => {
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    let full = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) { painted++; if (px[i] === 255) full++; }
    return full / painted;
  }));
  for (const share of opaque) assert.ok(share < 0.2, `${(share * 100).toFixed(0)} % of a layer's pixels are opaque`);
  // The SVG download draws them as translucent as the screen does.
  await page.click('details.downloads summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('details.downloads button[data-export="svg"]')]);
  const svg = fs.readFileSync(await file.path(), 'utf8');
  const groups = svg.match(/<g class="flow"[^>]*>/g) ?? [];
  assert.ok(groups.length > 0, 'no flows in the SVG');
  const opacities = new Set(groups.map((g) => Number(g.match(/opacity="([\d.]+)"/)?.[1] ?? 1)));
  assert.equal(opacities.size, 1, `flows of several opacities: ${[...opacities]}`);
  const [opacity] = opacities;
  assert.ok(opacity > 0 && opacity < 1, `flows drawn ${opacity} opaque`);
  assert.deepEqual(errors, []);
  await page.close();
});

/** A point on a flow's curve (from one of the invisible SVG flows' geometry), clear of the
 * markers, in page pixels. */
const flowPoint = (page) => page.evaluate(() => {
  const markers = [...document.querySelectorAll('g.marker circle')].map((c) => c.getBoundingClientRect());
  const clear = (x, y) => markers.every((r) => Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y) > 20)
    && !document.elementFromPoint(x, y)?.closest('g.marker');
  for (const line of document.querySelectorAll('svg.map g.flow path.line')) {
    const m = line.getScreenCTM();
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const q = line.getPointAtLength(line.getTotalLength() * f);
      const [x, y] = [m.a * q.x + m.c * q.y + m.e, m.b * q.x + m.d * q.y + m.f];
      if (clear(x, y) && y > 0 && y < innerHeight) return { x, y };
    }
  }
  return null;
});

test(`${N} flows: the pointer finds a flow on the canvas (tooltip, highlight), a click pins it`, async () => {
  const { page, errors } = await openLarge();
  const p = await flowPoint(page);
  assert.ok(p, 'no flow point clear of the markers');
  await page.mouse.move(p.x, p.y);
  const tooltip = page.locator('.tooltip');
  await tooltip.waitFor();
  assert.match(await tooltip.innerText(), /→/);
  // The highlighted flow shows in the SVG over dimmed layers.
  assert.equal(await page.locator('.flow-layers.dimmed').count(), 1);
  const active = page.locator('svg.map g.flow.active');
  assert.equal(await active.count(), 1);
  assert.equal(await active.evaluate((g) => getComputedStyle(g).opacity), '1');
  await page.mouse.click(p.x, p.y);
  await page.locator('.detail-panel').waitFor();
  const id = await active.getAttribute('data-flow-id');
  await page.waitForFunction((id) => location.hash === `#flow=${id}`, id);
  // Off the flows, the tooltip goes.
  await page.mouse.move(5, 5);
  await tooltip.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test(`${N} flows: a drag pans the zoomed map at once, without tooltips on the way, and pins nothing when let go`, async () => {
  const { page, errors } = await openLarge();
  await zoomSettled(page, () => page.getByRole('button', { name: 'Zoom in' }).click());
  await page.waitForSelector('.flow-layers:not([aria-busy])', { state: 'attached' });
  const p = await flowPoint(page);
  assert.ok(p, 'no flow point clear of the markers');
  const zoomBefore = await page.evaluate(() => location.hash);
  const shifts = await zoomSettled(page, async () => {
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(p.x + 10 * i, p.y + 5 * i);
    assert.equal(await page.locator('.tooltip').count(), 0, 'a tooltip while dragging');
    await page.mouse.up();
  });
  assert.ok(shifts.some((t) => t?.startsWith('matrix(1, 0, 0, 1, ')), `the map did not follow the drag: ${shifts}`);
  await page.waitForFunction((before) => location.hash !== before, zoomBefore);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#zoom=1\.500,/);
  assert.equal(await page.locator('.detail-panel').count(), 0, `the drag pinned a flow (${hash})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test(`${N} flows: a category filter hides its layer; a status filter redraws the layers`, async () => {
  const { page, errors } = await openLarge();
  const first = data.categories[0].id;
  const before = await paintedPixels(page);
  const svgFlows = () => page.locator('svg.map g.flow').evaluateAll((gs) => gs.map((g) => [g.dataset.flowId, getComputedStyle(g).display !== 'none']));
  const kept = await svgFlows();
  await page.locator('.filters input[type=checkbox]').first().uncheck();
  await page.waitForFunction((n) => Number(document.querySelector('.map-frame').dataset.flowsDrawn) < n, N);
  assert.equal(await drawnCount(page), data.flows.filter((f) => f.category !== first).length);
  const hidden = await paintedPixels(page);
  assert.equal(hidden[0], 0);
  assert.deepEqual(hidden.slice(1), before.slice(1), 'the other layers are not redrawn');
  // The SVG keeps the same flows; those of the category switched off are not displayed
  // (so neither the keyboard nor a screen reader reaches them).
  const byId = new Map(data.flows.map((f) => [f.id, f]));
  assert.deepEqual((await svgFlows()).map(([id, on]) => [id, on && byId.get(id).category !== first]), await svgFlows());
  assert.deepEqual((await svgFlows()).map(([id]) => id), kept.map(([id]) => id));
  assert.ok((await svgFlows()).some(([id, on]) => !on && byId.get(id).category === first));
  // Arrow keys step from flow to flow over those displayed only.
  await page.locator('svg.map g.flow:not(.filtered)').first().focus();
  const seen = new Set();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('ArrowRight');
    const id = await page.evaluate(() => document.activeElement.closest('g.flow')?.dataset.flowId);
    assert.ok(id && byId.get(id).category !== first, `focus went to ${id}`);
    seen.add(id);
  }
  assert.equal(seen.size, 5, 'the arrow keys moved the focus each time');
  await page.keyboard.press('Escape');
  // Documented flows off: every shown layer loses pixels.
  await page.getByRole('checkbox', { name: 'documented' }).uncheck();
  const shown = data.flows.filter((f) => f.category !== first && f.status !== 'documented').length;
  await page.waitForFunction((n) => Number(document.querySelector('.map-frame').dataset.flowsDrawn) === n, shown);
  const fewer = await paintedPixels(page);
  for (let i = 1; i < fewer.length; i++) assert.ok(fewer[i] < hidden[i], `layer ${i}: ${fewer[i]} ≥ ${hidden[i]} pixels`);
  // One source only: markers show only the places the flows shown reach (as on the SVG map),
  // once the totals have followed the filters (right after the frame that shows them).
  const source = data.sources[0].id;
  await page.locator('.filters label.source select').selectOption(source);
  const cites = (f) => f.citations.some((c) => c.source === source);
  const shownNow = data.flows.filter((f) => f.category !== first && f.status !== 'documented' && cites(f));
  await page.waitForFunction((n) => Number(document.querySelector('.map-frame').dataset.flowsDrawn) === n, shownNow.length);
  const reached = new Set(shownNow.flatMap((f) => [f.from, ...(f.via ?? []), f.to]));
  assert.ok(reached.size < new Set(data.flows.flatMap((f) => [f.from, f.to])).size, 'some places are left without flows');
  await page.waitForFunction((n) => [...document.querySelectorAll('svg.map g.marker')].filter((g) => getComputedStyle(g).display !== 'none').length === n, reached.size);
  const places = await page.locator('svg.map g.marker').evaluateAll((gs) => gs.filter((g) => getComputedStyle(g).display !== 'none').map((g) => g.dataset.id));
  assert.deepEqual(new Set(places), reached);
  // The flows displayed are among those shown.
  const displayed = (await svgFlows()).filter(([, on]) => on).map(([id]) => id);
  assert.ok(displayed.length > 0);
  for (const id of displayed) assert.ok(shownNow.includes(byId.get(id)), id);
  assert.deepEqual(errors, []);
  await page.close();
});

test(`${N} flows: a pinned flow dims the layers only while the filters show it`, async () => {
  const first = data.categories[0].id;
  const pinned = data.flows.find((f) => f.category === first).id;
  const { page, errors } = await openLarge(`#flow=${pinned}`);
  await page.locator('.detail-panel').waitFor();
  await page.locator('.flow-layers.dimmed').waitFor({ state: 'attached' });
  await page.locator('.filters input[type=checkbox]').first().uncheck();
  await page.waitForFunction(() => !document.querySelector('.flow-layers.dimmed') && !document.querySelector('g.flows.focusing'));
  await page.locator('.filters input[type=checkbox]').first().check();
  await page.locator('.flow-layers.dimmed').waitFor({ state: 'attached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test(`${N} flows: axe-core finds no violation, also with a flow pinned`, async () => {
  const { page } = await openLarge();
  assert.deepEqual(await axe(page), [], 'default view');
  const id = await page.locator('svg.map g.flow').first().getAttribute('data-flow-id');
  await page.goto(`${server.origin}${URL_DATA}#flow=${id}`);
  await page.reload();
  await page.locator('.detail-panel').waitFor();
  assert.deepEqual(await axe(page), [], 'flow pinned');
  await page.close();
});

test(`${N} flows: the table shows 100 rows a page, turns pages, sorts every row and starts again from the first page`, async () => {
  const { page, errors } = await openLarge();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const rows = page.locator('table.flow-table tbody tr');
  const pager = page.getByRole('navigation', { name: 'Pages of the table' });
  await pager.waitFor();
  assert.equal(await rows.count(), 100);
  assert.equal(await pager.getByRole('status').textContent(), `Rows 1–100 of ${N.toLocaleString('en')}`);
  const previous = pager.getByRole('button', { name: /Previous 100 rows/ });
  const next = pager.getByRole('button', { name: /Next 100 rows/ });
  assert.ok(await previous.isDisabled());
  const first = await rows.first().getAttribute('data-flow-id');
  await next.click();
  await page.getByText(`Rows 101–200 of ${N.toLocaleString('en')}`).waitFor();
  // The pager is updated in place: the button pressed keeps the focus.
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Next 100 rows/);
  assert.equal(await rows.count(), 100);
  assert.notEqual(await rows.first().getAttribute('data-flow-id'), first);
  // The last page holds what is left, and there is no page after it.
  for (let i = 2; i < Math.ceil(N / 100); i++) await next.click();
  await page.getByText(`Rows ${(N - 99).toLocaleString("en")}–${N.toLocaleString("en")} of`).waitFor();
  assert.ok(await next.isDisabled());
  // A filter that changes the rows starts again from the first page.
  await page.locator('.filters input[type=checkbox]').first().uncheck();
  await page.getByText(`Rows 1–100 of`).waitFor();
  await page.locator('.filters input[type=checkbox]').first().check();
  await page.getByText(`Rows 1–100 of ${N.toLocaleString('en')}`).waitFor();
  // Sorting by value (descending) sorts all the rows, not the page, and shows the first page.
  const value = page.getByRole('button', { name: 'Value' });
  await value.click();
  await value.click();
  await page.getByText(`Rows 1–100 of`).waitFor();
  const largest = Math.max(...data.flows.map((f) => (typeof f.value === 'object' ? f.value.amount : -1)));
  const top = data.flows.find((f) => typeof f.value === 'object' && f.value.amount === largest);
  assert.equal(await rows.first().getAttribute('data-flow-id'), top.id);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dataset with 150 broken flows lists the first 100 problems and says so; the good flows draw', async () => {
  const broken = structuredClone(data);
  broken.flows = broken.flows.slice(0, 400);
  for (const f of broken.flows.slice(0, 150)) f.to = 'NOWHERE';
  const file = path.join(ROOT, 'tests/fixtures/generated', 'broken-150.json');
  fs.writeFileSync(file, JSON.stringify(broken));
  const opened = await openPage(browser.context, server.origin, `/?data=${encodeURIComponent('__fixtures__/generated/broken-150.json')}`, DESKTOP);
  const { page } = opened;
  await page.waitForSelector('.map-frame[data-flows-drawn="250"]', { timeout: 30000 });
  const problems = page.locator('section.problems:not(.warnings)');
  assert.match(await problems.locator('h2').textContent(), /^150 problems in the data/);
  assert.equal(await problems.locator('li').count(), 100);
  assert.equal(await problems.locator('.more').textContent(), 'Only the first 100 are listed.');
  await page.close();
});

test(`${N} flows: the countries and places come first, the flows are painted after them`, async () => {
  // When the map stops drawing (its parts all mounted) and when the layers begin painting
  // (aria-busy), as the page saw them.
  const init = () => {
    window.__order = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target;
        if (el.classList?.contains('map-frame') && !el.classList.contains('drawing') && !window.__order.includes('whole')) window.__order.push('whole');
        if (el.classList?.contains('flow-layers') && el.getAttribute('aria-busy') && !window.__order.includes('painting')) window.__order.push('painting');
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class', 'aria-busy'] });
  };
  const { page, errors } = await openPage(browser.context, server.origin, URL_DATA, DESKTOP, { init });
  await page.waitForFunction(() => performance.getEntriesByName('flowmap:map-drawn').length > 0, null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__order), ['whole', 'painting']);
  const marks = await page.evaluate(() => ['flowmap:map-shown', 'flowmap:map-drawn'].map((m) => performance.getEntriesByName(m)[0]?.startTime));
  assert.ok(marks[0] > 0 && marks[0] <= marks[1], `map shown at ${marks[0]}, drawn at ${marks[1]}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('500 sources and 50 categories: the summary names 8 goods, the credit 30 publications, each with a count of the rest; the goods legend is in columns', async () => {
  const many = structuredClone(data);
  many.categories = Array.from({ length: 50 }, (_, i) => ({ id: `cat${i}`, name: { en: `Category ${i + 1}` } }));
  many.sources = Array.from({ length: 500 }, (_, i) => ({ id: `src${i}`, outlet: `Outlet ${i + 1}`, title: `Report ${i}`, date: '2021-01-01', kind: 'news-report' }));
  // Each outlet's own records speak (a speaker without a stake allows any status but denied).
  many.speakers = many.sources.map((s) => ({ id: s.id, name: s.outlet, kind: 'records' }));
  many.flows.forEach((f, i) => { f.category = `cat${i % 50}`; f.citations = [{ source: `src${i % 500}`, speaker: `src${i % 500}`, stance: 'claims', quote: `Quote ${i}` }]; });
  fs.writeFileSync(path.join(ROOT, 'tests/fixtures/generated', 'many-sources.json'), JSON.stringify(many));
  const { page, errors } = await openPage(browser.context, server.origin, `/?data=${encodeURIComponent('__fixtures__/generated/many-sources.json')}`, DESKTOP);
  await page.waitForSelector('.map-frame[data-flows-drawn]:not([data-flows-drawn="0"])', { timeout: 30000 });
  const summary = await page.locator('.summary').textContent();
  assert.match(summary, /category 8 \(40\), and 42 more\./);
  assert.doesNotMatch(summary, /category 9 /);
  const sources = await page.locator('footer .sources').textContent();
  assert.match(sources, /Outlet 30; and 470 more$/);
  assert.doesNotMatch(sources, /Outlet 31/);
  const legend = page.locator('.legend .many-goods');
  assert.equal(await legend.locator('li').count(), 50);
  const { height } = await legend.boundingBox();
  assert.ok(height < 400, `the goods legend is ${height} px tall`);
  assert.deepEqual(errors, []);
  await page.close();
});
