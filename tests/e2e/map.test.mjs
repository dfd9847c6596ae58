// The foundation's behaviour in a real browser, against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openMap, bundledDataset, english, hoverFlow, axe, SHOTS } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

test('draws the countries of the region, the small Balkan ones distinct at 1280 px', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const count = await page.locator('path.country').count();
  assert.ok(count > 30, `only ${count} countries drawn`);
  for (const id of ['SRB', 'XKX', 'MKD', 'MNE', 'BIH', 'UKR', 'RUS', 'KAZ', 'KGZ']) {
    const box = await page.locator(`path.country[data-id="${id}"]`).boundingBox();
    assert.ok(box && box.width >= 8 && box.height >= 8, `${id} is not visible: ${JSON.stringify(box)}`);
  }
  await page.close();
});

test('draws exactly one arc group per flow, with one leg per hop', async () => {
  const data = bundledDataset();
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const ids = await page.locator('g.flow').evaluateAll((gs) => gs.map((g) => g.dataset.flowId));
  assert.deepEqual([...ids].sort(), data.flows.map((f) => f.id).sort());
  const legs = await page.locator('g.flow path.line').count();
  const hops = data.flows.reduce((n, f) => n + (f.via?.length ?? 0) + 1, 0);
  assert.equal(legs, hops);
  assert.equal(await page.locator('g.flow path.arrow').count(), hops);
  await page.close();
});

test('hovering a flow shows a tooltip naming its route and sources', async () => {
  const data = bundledDataset();
  const flow = data.flows.find((f) => f.id === 'srb-cze-ukr-grad');
  const outlets = [...new Set(flow.citations.map((c) => english(data.sources.find((s) => s.id === c.source).outlet)))];
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  assert.equal(await page.locator('.tooltip').count(), 0);
  await hoverFlow(page, flow.id);
  const tip = page.locator('.tooltip');
  await tip.waitFor();
  const text = await tip.innerText();
  assert.match(text, /Serbia → Czechia → Ukraine/);
  for (const o of outlets) assert.ok(text.includes(o), `tooltip lacks ${o}: ${text}`);
  assert.match(text, /alleged/);
  await page.screenshot({ path: path.join(SHOTS, 'desktop-hover.png') });
  await page.mouse.move(2, 2);
  await page.locator('.tooltip').waitFor({ state: 'detached' });
  await page.close();
});

test('keyboard focus on a flow shows the same tooltip', async () => {
  const data = bundledDataset();
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  // The first Tab reaches "Skip the map", the second the map.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.dataset?.flowId);
  assert.ok(focused, 'Tab did not reach a flow');
  const flow = data.flows.find((f) => f.id === focused);
  const text = await page.locator('.tooltip').innerText();
  const outlet = english(data.sources.find((s) => s.id === flow.citations[0].source).outlet);
  assert.ok(text.includes(outlet), `tooltip for ${focused} lacks ${outlet}: ${text}`);
  await page.close();
});

test('desktop and phone: no console error, no request off localhost, no axe violation', async () => {
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const { page, errors, outside } = await openMap(browser.context, server.origin, '/', viewport);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    const svgWidth = await page.locator('svg.map').evaluate((s) => s.getBoundingClientRect().width);
    assert.ok(svgWidth <= viewport.width, `${name}: map wider than the screen (${svgWidth})`);
    assert.deepEqual(errors, [], `${name}: console errors`);
    assert.deepEqual(outside, [], `${name}: requests off localhost`);
    assert.deepEqual(await axe(page), [], `${name}: axe-core violations`);
    await page.close();
  }
});
