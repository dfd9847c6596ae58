// A dataset that is not a news story (issue 19): flights between airports, counted from a
// statistics office's table. Places are airports and the map says so; a route flown in
// many months is one line with its sum, listed flow by flow when pinned; the table is cited
// by its series, with no quote; 300 airports at 375 px keep their labels apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openMap, openPage, hoverFlow, axe, ROOT } from './harness.mjs';
import { airportFlights, MONTHS } from '../fixtures/generators.mjs';

const DIR = path.join(ROOT, 'tests/fixtures/generated');
const url = (name) => `/?data=${encodeURIComponent(`__fixtures__/generated/${name}`)}`;
/** `places` airports in South America and a route between pairs of them flown in each of
 * five months (seeded, so the same every run): `routes` × 5 flows. */
const airports = (places, routes) => ({
  version: 2, meta: { title: 'Flights between airports' }, ...airportFlights(places, routes * 5),
});

let server;
let browser;
before(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, 'airports-40.json'), JSON.stringify(airports(40, 40)));
  fs.writeFileSync(path.join(DIR, 'airports-300.json'), JSON.stringify(airports(300, 1000)));
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('flights flown in five months are one line per route, with their sum, and the places are airports', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, url('airports-40.json'), { width: 1280, height: 800 });
  const summary = await page.locator('.summary').first().textContent();
  assert.match(summary, /200 flows between 40 airports/, summary);
  assert.doesNotMatch(summary, /countr/i);
  const lines = await page.locator('svg.map g.flow').count();
  assert.equal(lines, 40, 'one line per route, not five fanned curves');

  // The first route a mouse can reach; route r is flown 10 + (13r + 7m) % 90 times in month m.
  const flown = (r, m) => 10 + ((r * 13 + m * 7) % 90);
  let r = 0;
  for (; ; r += 1) {
    try { await hoverFlow(page, `r${r}-2024-01`); break; } catch (e) { if (r > 38) throw e; }
  }
  const sum = MONTHS.reduce((s, _, m) => s + flown(r, m), 0);
  const tip = page.locator('.tooltip');
  await tip.waitFor();
  const text = await tip.textContent();
  assert.ok(text.includes(`5 flows, ${sum} flights in all`), text);
  assert.match(text, /The civil aviation authority/, text);
  const line = page.locator(`svg.map g.flow[data-flow-id="r${r}-2024-01"]`);
  const label = await line.getAttribute('aria-label');
  assert.ok(label.startsWith(`Airport ${r} to Airport ${(r * 7 + 3) % 40}: passenger flights; 5 flows, ${sum} flights in all; documented`), label);
  assert.ok(text.includes('in all · Jan 2024 – May 2024'), `the tooltip gives the span the sum covers: ${text}`);

  // Pinned: the line's flows, each a button that pins it.
  await line.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('.detail-panel');
  await panel.waitFor();
  assert.match(await panel.locator('.series').first().textContent(), /^Table: Flights by route and month$/);
  assert.equal(await panel.locator('blockquote').count(), 0, 'a table is cited without a quote');
  assert.equal(await panel.locator('.line-total').textContent(), `5 flows, ${sum} flights in all`);
  const listed = panel.locator('.line-flows button');
  assert.equal(await listed.count(), 5);
  assert.equal(await listed.first().getAttribute('aria-current'), 'true');
  await listed.nth(3).click();
  await page.waitForFunction((r) => location.hash.includes(`flow=r${r}-2024-04`), r);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-current') === 'true');
  assert.equal(await page.locator('svg.map g.flow.selected').getAttribute('data-flow-id'), `r${r}-2024-01`, 'the line stays highlighted');
  assert.equal(await panel.locator('.line-flows button[aria-current="true"]').textContent(), `Scheduled flights, 2024-04 · ${flown(r, 3)} flights · Apr 2024`);
  // Closed, focus goes back to the line the flow is drawn in; Enter on a line whose other
  // flow is pinned unpins it.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-flow-id')), `r${r}-2024-01`);
  await page.keyboard.press('Enter');
  await listed.nth(2).click();
  await line.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !location.hash.includes('flow='));
  assert.equal(await panel.count(), 0);

  // A filter that leaves one month of each route: lines of one flow, drawn for it alone.
  await page.goto(`${server.origin}${url('airports-40.json')}#from=2024-03&to=2024-03`);
  await page.waitForFunction(() => document.querySelectorAll('svg.map g.flow').length === 40);
  await hoverFlow(page, `r${r}-2024-03`);
  assert.ok((await page.locator('.tooltip').textContent()).includes(`${flown(r, 2)} flights · Mar 2024`));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('5,000 flights between 300 airports: 1,000 lines on the canvas, the summary counts airports, labels apart at 375 px', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    const { page, errors } = await openPage(browser.context, server.origin, url('airports-300.json'), viewport);
    await page.waitForSelector('.map-frame[data-flows-drawn]:not([data-flows-drawn="0"])', { timeout: 30000 });
    const drawn = Number(await page.locator('.map-frame').getAttribute('data-flows-drawn'));
    assert.equal(drawn, 1000, `${viewport.width}: one line per route`);
    assert.match(await page.locator('.summary').first().textContent(), /5,000 flows between 300 airports/);
    const boxes = await page.evaluate(() => [...document.querySelectorAll('g.marker text')]
      .filter((t) => getComputedStyle(t).visibility === 'visible')
      .map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, t.textContent]; }));
    assert.ok(boxes.length > 3, `${viewport.width}: some labels are shown (${boxes.length})`);
    // More than a sliver (half a pixel each way: glyph boxes reach a little past the line's).
    const share = (a, b, lo, hi) => Math.min(a[hi], b[hi]) - Math.max(a[lo], b[lo]) > 0.5;
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1)
      .filter((b) => share(a, b, 0, 2) && share(a, b, 1, 3)).map((b) => `${a[4]} / ${b[4]}`));
    assert.deepEqual(overlapping, [], `${viewport.width}: labels overlap`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // A flow drawn in another's line, pinned from a link: its line is raised and highlighted.
  const { page } = await openPage(browser.context, server.origin, `${url('airports-300.json')}#flow=r5-2024-04`, { width: 1280, height: 800 });
  await page.waitForSelector('svg.map g.flow.selected', { timeout: 30000 });
  assert.equal(await page.locator('svg.map g.flow.selected').getAttribute('data-flow-id'), 'r5-2024-01');
  assert.match(await page.locator('.detail-panel .line-total').textContent(), /^5 flows, \d+ flights in all$/);
  await page.close();
});
