// Zoomed and crowded maps (issues 17 and 19): labels that do not overlap, no flow drawn
// across the view between two places outside it, zoom buttons that cover no marker, a
// tooltip beside the hovered route, and a 300-place map that labels what fits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openMap, openPage, hoverFlow, ROOT, prng } from './harness.mjs';

const CROWDED = path.join(ROOT, 'tests/fixtures/generated/zoomed-300.json');
const CROWDED_URL = `/?data=${encodeURIComponent('__fixtures__/generated/zoomed-300.json')}`;

/** 300 places scattered over Europe and Asia, each sending one flow (seeded, so the same
 * every run). */
function crowded() {
  const rand = prng(7);
  const syllables = ['ka', 'ro', 'vi', 'an', 'te', 'mo', 'li', 'sa', 'du', 'ne', 'ga', 'zor', 'bel', 'mir', 'sk', 'ov'];
  const name = () => {
    const n = 2 + Math.floor(rand() * 3);
    const s = Array.from({ length: n }, () => syllables[Math.floor(rand() * syllables.length)]).join('');
    return s[0].toUpperCase() + s.slice(1);
  };
  const locations = Array.from({ length: 300 }, (_, i) => ({
    id: `L${i}`, name: name(), point: [Math.round((-10 + rand() * 150) * 100) / 100, Math.round((-35 + rand() * 100) * 100) / 100],
  }));
  const flows = locations.map((l, i) => ({
    id: `f${i}`, from: l.id, to: locations[(i * 7 + 13) % 300].id, category: 'arms',
    value: { amount: 10000 * (1 + Math.floor(rand() * 1000)), currency: 'USD' },
    description: 'd', status: 'alleged', citations: [{ source: 's', quote: 'q' }],
  }));
  return {
    version: 1, meta: { title: 'Crowded' }, locations, flows,
    categories: [{ id: 'arms', name: 'Arms' }],
    sources: [{ id: 's', outlet: 'O', title: 'T', kind: 'news-report' }],
  };
}

let server;
let browser;
before(async () => {
  fs.mkdirSync(path.dirname(CROWDED), { recursive: true });
  fs.writeFileSync(CROWDED, JSON.stringify(crowded()));
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The hash that zooms the unzoomed map in `page` by `k` about Serbia's marker. */
const ontoSerbia = (page, k) => page.evaluate((k) => {
  const c = [...document.querySelectorAll('g.marker')].find((g) => g.dataset.id === 'SRB').querySelector('circle');
  const [x, y] = [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))];
  return `#zoom=${k},${x - x * k},${y - y * k}`;
}, k);

/** Opens the bundled map at `viewport`, zoomed by `k` onto Serbia. */
async function zoomedIn(viewport, k) {
  const first = await openMap(browser.context, server.origin, '/', viewport);
  const hash = await ontoSerbia(first.page, k);
  await first.page.close();
  const opened = await openMap(browser.context, server.origin, `/${hash}`, viewport);
  await opened.page.waitForFunction(() => document.querySelectorAll('g.marker.off-map').length > 3);
  return opened;
}

/** The page boxes of the labels a reader sees (a tucked one shows on hover only). */
const visibleLabels = (page) => page.evaluate(() => [...document.querySelectorAll('g.marker text')]
  .filter((t) => getComputedStyle(t).visibility === 'visible')
  .map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; }));

/** Pairs of boxes that share more than a sliver (half a pixel each way). */
function overlaps(boxes) {
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) pairs.push(`${a.text} / ${b.text}`);
    }
  }
  return pairs;
}

test('zoomed onto Serbia, the places pinned to the edge keep labels that do not overlap', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 800, height: 800 }, { width: 375, height: 740 }]) {
    const { page, errors } = await zoomedIn(viewport, 4);
    const labels = await visibleLabels(page);
    assert.ok(labels.length >= 6, `${viewport.width}: only ${labels.length} labels`);
    assert.deepEqual(overlaps(labels), [], `${viewport.width}: labels overlap`);
    // Every label lies inside the map.
    const frame = await page.locator('.map-frame').boundingBox();
    for (const l of labels) {
      assert.ok(l.x0 >= frame.x - 0.5 && l.x1 <= frame.x + frame.width + 0.5 && l.y0 >= frame.y - 0.5 && l.y1 <= frame.y + frame.height + 0.5, `${viewport.width}: ${l.text} leaves the map`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('zoomed in, no flow between two places outside the view is drawn across it', async () => {
  const { page } = await zoomedIn({ width: 1280, height: 800 }, 4);
  const result = await page.evaluate(() => {
    const off = [...document.querySelectorAll('g.marker.off-map circle')]
      .map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) }));
    const near = (p) => off.some((m) => Math.hypot(m.x - p.x, m.y - p.y) < m.r + 4);
    const lines = [...document.querySelectorAll('svg.map g.flow path.line')];
    const across = lines.filter((line) => near(line.getPointAtLength(0)) && near(line.getPointAtLength(line.getTotalLength())));
    const touching = lines.filter((line) => near(line.getPointAtLength(0)) || near(line.getPointAtLength(line.getTotalLength())));
    return { off: off.length, across: across.length, touching: touching.length };
  });
  assert.ok(result.off >= 8, `${result.off} places at the edge`);
  assert.equal(result.across, 0, 'a flow joins two places at the edge across the view');
  // Flows with one end on the map still point off it.
  assert.ok(result.touching >= 5, `${result.touching} flows reach the edge`);
  await page.close();
});

/** Markers (their page boxes) under the zoom buttons. */
const underButtons = (page) => page.evaluate(() => {
  const rects = [...document.querySelectorAll('.zoom-buttons button')].map((b) => b.getBoundingClientRect());
  // The visible dot, not the wider invisible hit circle around it.
  return [...document.querySelectorAll('g.marker circle:not(.hit)')].filter((c) => {
    const m = c.getBoundingClientRect();
    return rects.some((r) => m.left < r.right && r.left < m.right && m.top < r.bottom && r.top < m.bottom);
  }).map((c) => c.closest('g.marker').dataset.id);
});

test('at 800 and 1280 px the zoom buttons cover no marker, unzoomed or zoomed; on a phone they sit below the map', async () => {
  for (const viewport of [{ width: 800, height: 800 }, { width: 1280, height: 800 }]) {
    const { page } = await openMap(browser.context, server.origin, '/', viewport);
    assert.deepEqual(await underButtons(page), [], `${viewport.width} unzoomed`);
    // Reset is enabled once zoomed; zoom twice with the + button.
    for (let i = 0; i < 2; i++) await page.locator('.zoom-buttons button').first().click();
    await page.waitForFunction(() => !document.querySelector('.zoom-buttons button:last-child').disabled);
    await page.waitForFunction(() => !document.querySelector('svg.map g.view').hasAttribute('transform'));
    assert.deepEqual(await underButtons(page), [], `${viewport.width} zoomed`);
    await page.close();
  }
  const { page } = await openMap(browser.context, server.origin, '/', { width: 375, height: 740 });
  const [frame, buttons] = await Promise.all([page.locator('.map-frame').boundingBox(), page.locator('.zoom-buttons').boundingBox()]);
  assert.ok(buttons.y >= frame.y + frame.height - 0.5, 'the buttons are below the phone map');
  await page.close();
});

test('the tooltip sits beside the hovered route, not on the point hovered', async () => {
  // Where the pointer is, as the page saw it.
  const init = () => document.addEventListener('mousemove', (e) => { window.__pointer = { x: e.clientX, y: e.clientY }; }, true);
  const { page } = await openMap(browser.context, server.origin, '/', { width: 1280, height: 800 }, { init });
  const ids = await page.evaluate(() => [...document.querySelectorAll('svg.map g.flow')].map((g) => g.getAttribute('data-flow-id')));
  let checked = 0;
  for (const id of ids.slice(0, 12)) {
    try { await hoverFlow(page, id); } catch { continue; }
    await page.waitForSelector('.tooltip');
    const { tip, frame, points } = await page.evaluate((id) => {
      const g = [...document.querySelectorAll('svg.map g.flow')].find((el) => el.getAttribute('data-flow-id') === id);
      const pts = [];
      for (const line of g.querySelectorAll('path.line')) {
        const m = line.getScreenCTM();
        const len = line.getTotalLength();
        for (let i = 0; i <= 16; i++) {
          const p = line.getPointAtLength((len * i) / 16);
          pts.push({ x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f });
        }
      }
      const r = document.querySelector('.tooltip').getBoundingClientRect();
      const f = document.querySelector('.map-frame').getBoundingClientRect();
      return { tip: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }, frame: { x0: f.left, y0: f.top, x1: f.right, y1: f.bottom }, points: pts };
    }, id);
    const inside = (p) => p.x > tip.x0 && p.x < tip.x1 && p.y > tip.y0 && p.y < tip.y1;
    const mouse = await page.evaluate(() => window.__pointer);
    assert.ok(!inside(mouse), `${id}: the tooltip covers the hovered point`);
    assert.ok(tip.x0 >= frame.x0 && tip.x1 <= frame.x1 && tip.y0 >= frame.y0, `${id}: the tooltip leaves the map`);
    const covered = points.filter(inside).length;
    assert.ok(covered <= 2, `${id}: the tooltip covers ${covered} of ${points.length} points of its route`);
    checked++;
  }
  assert.ok(checked >= 6, `only ${checked} flows hovered`);
  await page.close();
});

test('a 300-place map shows only labels that fit, the rest on hover, more when zoomed in', async () => {
  for (const viewport of [{ width: 375, height: 740 }, { width: 1280, height: 900 }]) {
    // (Some flows there are too short to draw: wait for the first line, not the first flow.)
    const { page, errors } = await openPage(browser.context, server.origin, CROWDED_URL, viewport);
    await page.waitForSelector('svg.map g.flow path.line', { timeout: 20000 });
    assert.equal(await page.locator('g.marker').count(), 300);
    const labels = await visibleLabels(page);
    assert.deepEqual(overlaps(labels), [], `${viewport.width}: labels overlap`);
    assert.ok(labels.length < 300, `${viewport.width}: every label shown`);
    if (viewport.width > 1000) assert.ok(labels.length > 100, `${viewport.width}: only ${labels.length} labels`);
    // A tucked label shows while its marker is hovered.
    const spot = await page.evaluate(() => {
      for (const [i, g] of [...document.querySelectorAll('g.marker')].entries()) {
        if (!g.classList.contains('tucked')) continue;
        const r = g.querySelector('circle').getBoundingClientRect();
        const [x, y] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
        if (document.elementFromPoint(x, y)?.closest('g.marker') === g) return { i, x, y };
      }
      return null;
    });
    assert.ok(spot, `${viewport.width}: no tucked marker to hover`);
    await page.mouse.move(spot.x, spot.y);
    const shown = await page.locator('g.marker').nth(spot.i).locator('text').evaluate((t) => getComputedStyle(t).visibility);
    assert.equal(shown, 'visible', `${viewport.width}: a tucked label stays hidden on hover`);
    // Zoomed in, more of the places still on the map have their labels.
    const before = await page.evaluate(() => document.querySelectorAll('g.marker:not(.tucked):not(.off-map)').length
      / document.querySelectorAll('g.marker:not(.off-map)').length);
    await page.mouse.move(0, 0);
    for (let i = 0; i < 3; i++) await page.locator('.zoom-buttons button').first().click();
    await page.waitForFunction(() => document.querySelectorAll('g.marker.off-map').length > 100);
    await page.waitForFunction(() => !document.querySelector('svg.map g.view').hasAttribute('transform'));
    const zoomed = await page.evaluate(() => document.querySelectorAll('g.marker:not(.tucked):not(.off-map)').length
      / document.querySelectorAll('g.marker:not(.off-map)').length);
    assert.ok(zoomed > before, `${viewport.width}: labelled share ${before} then ${zoomed}`);
    assert.deepEqual(overlaps(await visibleLabels(page)), [], `${viewport.width} zoomed: labels overlap`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the bundled map still shows every label at 1280 px', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', { width: 1280, height: 800 });
  assert.equal(await page.locator('g.marker.tucked').count(), 0);
  assert.deepEqual(overlaps(await visibleLabels(page)), []);
  await page.close();
});
