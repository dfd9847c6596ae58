// Thousands of places (issue 19): above 2,000, nearby places are drawn as one cluster with
// their totals, as flowmap.gl does; zooming in splits them; a cluster's tooltip and name say
// how many places it holds; labels stay apart; lines between clusters are pinned like any
// line of several flows. Screenshots at 1280 and 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, zoomSettled, axe, ROOT, SHOTS, prng } from './harness.mjs';
import { STATISTICS } from '../fixtures/generators.mjs';

const DIR = path.join(ROOT, 'tests/fixtures/generated');
const URL = `/?data=${encodeURIComponent('__fixtures__/generated/airports-3000.json')}`;
const PLACES = 3000;

/** 3,000 airports in 60 knots over Europe (seeded, so the same every run), each with one
 * route to an airport of another knot (every fourth, of its own): flights over a month of
 * its own, every tenth an estimate (never added to the others). */
function airports() {
  const rand = prng(19);
  const knots = Array.from({ length: 60 }, () => [-9 + rand() * 48, 36 + rand() * 24]);
  const locations = Array.from({ length: PLACES }, (_, i) => {
    const [x, y] = knots[i % knots.length];
    const round = (v) => Math.round(v * 1000) / 1000;
    return { id: `A${i}`, name: `Airport ${i}`, kind: 'airport', point: [round(x + (rand() - 0.5) * 3), round(y + (rand() - 0.5) * 2)] };
  });
  const flows = locations.map((from, i) => {
    const to = i % 4 === 0 ? (i + 60) % PLACES : (i * 7 + 3) % PLACES;
    const month = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return {
      id: `f${i}`, from: from.id, to: `A${to}`, category: i % 3 === 0 ? 'cargo' : 'pax',
      value: { amount: 10 + (i % 90), unit: 'flights', ...(i % 10 === 0 ? { basis: 'estimate' } : {}) },
      period: { start: month, end: month },
      description: `Flights, ${month}`, status: 'documented',
      citations: [{ source: 'stat', speaker: 'stat', stance: 'finds', series: 'Flights by route and month' }],
    };
  });
  return {
    version: 2, meta: { title: 'Flights between 3,000 airports' }, locations, flows,
    categories: [{ id: 'pax', name: 'Passenger flights' }, { id: 'cargo', name: 'Cargo flights' }],
    ...STATISTICS,
  };
}

let server;
let browser;
before(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(DIR, 'airports-3000.json'), JSON.stringify(airports()));
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The page boxes of the labels shown, and the pairs of them that overlap. */
async function overlappingLabels(page) {
  const boxes = await page.evaluate(() => [...document.querySelectorAll('g.marker text')]
    .filter((t) => getComputedStyle(t).visibility === 'visible')
    .map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent]; }));
  // More than a sliver (half a pixel each way: glyph boxes reach a little past the line's).
  const share = (a, b, lo, hi) => Math.min(a[hi], b[hi]) - Math.max(a[lo], b[lo]) > 0.5;
  const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1)
    .filter((b) => share(a, b, 0, 2) && share(a, b, 1, 3)).map((b) => `${a[4]} / ${b[4]}`));
  return { shown: boxes.length, overlapping };
}

const counts = (page) => page.evaluate(() => ({
  markers: document.querySelectorAll('svg.map g.marker').length,
  clusters: document.querySelectorAll('svg.map g.marker.cluster').length,
}));

for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
  test(`3,000 airports at ${viewport.width} px: clusters with their totals, split by zooming in, labels apart`, async () => {
    const { page, errors, outside } = await openPage(browser.context, server.origin, URL, viewport);
    await page.waitForSelector('.map-frame[data-flows-drawn]:not([data-flows-drawn="0"])', { timeout: 30000 });
    await page.waitForSelector('svg.map g.marker.cluster', { timeout: 30000 });
    assert.match(await page.locator('.summary').first().textContent(), /3,000 flows between 3,000 airports/);
    // Lines between clusters add up more flights than any one route (99 at most): the width
    // key reaches them, rather than drawing them all at the widest.
    const key = await page.$$eval('.legend .width-sample', (ps) => ps.map((p) => p.closest('li').textContent.trim()));
    const top = Math.max(...key.map((t) => Number(t.replace(/[^\d]/g, ''))));
    assert.ok(top > 99, `width key: ${key.join(' | ')}`);
    const whole = await counts(page);
    assert.ok(whole.clusters > 0 && whole.markers < PLACES / 3, `${viewport.width}: ${JSON.stringify(whole)}`);

    // A cluster says what it holds: in its name for screen readers and in its tooltip.
    const cluster = page.locator('svg.map g.marker.cluster').first();
    const label = await cluster.getAttribute('aria-label');
    const held = label.match(/^Airport \d+ and ([\d,]+) places nearby: [\d,]+ flows? out/);
    assert.ok(held, label);
    const others = Number(held[1].replace(/,/g, ''));
    assert.ok(others >= 1);
    const lead = label.match(/^Airport (\d+)/)[1];
    assert.equal(await cluster.getAttribute('data-id'), `A${lead}+${others}`);
    assert.equal(await cluster.getAttribute('role'), 'button');
    // Focused (as the keyboard reaches it), its tooltip names it and its places.
    await cluster.focus();
    const tip = page.locator('.tooltip');
    await tip.waitFor();
    const text = await tip.textContent();
    assert.ok(text.startsWith(`Airport ${lead} and ${held[1]} places nearby`), text);
    assert.match(text, /Out: [\d,]+ flows?/);
    assert.match(text, /Between these places: [\d,]+ flows?, not drawn as lines/);
    assert.match(text, /Places: Airport \d+/);
    assert.match(text, /Zoom in to see each place/);

    const labels = await overlappingLabels(page);
    assert.ok(labels.shown >= 2, `${viewport.width}: ${labels.shown} labels shown`);
    assert.deepEqual(labels.overlapping, [], `${viewport.width}: labels overlap`);
    assert.deepEqual(await axe(page), []);
    await page.mouse.move(1, 1);
    await cluster.evaluate((el) => el.blur());
    await page.screenshot({ path: path.join(SHOTS, `cluster-${viewport.width}.png`) });

    // Zoomed in with the + button: clusters split, more places are drawn.
    let before = whole.markers;
    for (let i = 0; i < 3; i += 1) {
      await zoomSettled(page, () => page.locator('.zoom-buttons button').first().click());
      const now = await counts(page);
      assert.ok(now.markers >= before, `${viewport.width}: ${now.markers} markers after zooming in, ${before} before`);
      before = now.markers;
    }
    assert.ok(before > whole.markers, `${viewport.width}: ${before} markers zoomed in, ${whole.markers} whole`);
    const zoomed = await overlappingLabels(page);
    assert.deepEqual(zoomed.overlapping, [], `${viewport.width} zoomed: labels overlap`);
    await page.screenshot({ path: path.join(SHOTS, `cluster-${viewport.width}-zoomed.png`) });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
    await page.close();
  });
}

test('a line between clusters is named for them and pinned lists its flows, each with its route', async () => {
  const { page, errors } = await openPage(browser.context, server.origin, URL, { width: 1280, height: 800 });
  await page.waitForSelector('svg.map g.marker.cluster', { timeout: 30000 });
  const line = page.locator('svg.map g.flow[aria-label*="places nearby to "]').first();
  await line.waitFor({ state: 'attached' });
  const label = await line.getAttribute('aria-label');
  const flows = Number(label.match(/; ([\d,]+) flows[,;]/)[1].replace(/,/g, ''));
  assert.ok(flows > 1, label);
  await line.focus();
  const tip = page.locator('.tooltip');
  await tip.waitFor();
  assert.match(await tip.locator('.route').textContent(), /places nearby to /);
  await page.keyboard.press('Enter');
  const panel = page.locator('.detail-panel');
  await panel.waitFor();
  assert.match(await panel.locator('.line-route').textContent(), /places nearby to /);
  const listed = panel.locator('.line-flows button');
  assert.equal(await listed.count(), Math.min(flows, await listed.count()));
  assert.match(await listed.first().textContent(), /^Airport \d+ → Airport \d+ · Flights, \d{4}-\d\d · /);
  // Estimates are never added to totals: a line holding one is counted, not summed.
  const total = await panel.locator('.line-total').textContent();
  assert.match(total, /^[\d,]+ flows(, [\d,]+ flights in all|; not added up)/, total);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
