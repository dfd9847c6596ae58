// Phone-first reading (issue 17): a portrait map frame, the filters folded behind one
// button, every flow selectable by a finger (with a chooser where lines crowd), the pinned
// flow's details in a bottom sheet, targets of at least 24 × 24 px, and hints in the words
// of the reader's pointer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openMap, bundledDataset, ROOT, SHOTS } from './harness.mjs';

let server;
let touch;
let mouse;
before(async () => {
  server = await serveDist();
  touch = await launch({ hasTouch: true, isMobile: true });
  mouse = await launch();
});
after(async () => { await touch?.close(); await mouse?.close(); await server?.close(); });

const data = bundledDataset();
const PHONES = [{ width: 320, height: 640 }, { width: 375, height: 740 }, { width: 414, height: 896 }];
const PHONE = PHONES[1];

const frameBox = (page) => page.evaluate(() => {
  const r = document.querySelector('.map-frame').getBoundingClientRect();
  return { width: r.width, height: r.height, viewport: window.innerHeight };
});

test('on phones of 320, 375 and 414 px the map is a portrait frame of at least 60% of the screen height', async () => {
  for (const viewport of PHONES) {
    const { page } = await openMap(touch.context, server.origin, '/', viewport);
    const box = await frameBox(page);
    console.log(`map frame at ${viewport.width}×${viewport.height}: ${box.width}×${box.height}`);
    assert.ok(box.height >= 0.6 * box.viewport, `${viewport.width} px: ${box.height} of ${box.viewport}`);
    assert.ok(box.height > box.width, `${viewport.width} px: not portrait (${box.width}×${box.height})`);
    // The projection is fitted to the frame: the map's drawing is as tall as the frame.
    const svg = await page.locator('svg.map').evaluate((s) => [Number(s.getAttribute('height')), s.viewBox.baseVal.height]);
    assert.deepEqual(svg, [box.height, box.height]);
    if (viewport === PHONE) await page.screenshot({ path: path.join(SHOTS, 'phone-375.png'), fullPage: true });
    await page.close();
  }
  // A desktop keeps the height the data's shape asks for.
  const { page } = await openMap(mouse.context, server.origin, '/', { width: 1280, height: 800 });
  const box = await frameBox(page);
  assert.ok(box.height < box.width, `desktop frame ${box.width}×${box.height}`);
  assert.equal(await page.locator('.filters-toggle').isVisible(), false);
  assert.equal(await page.locator('#filters').isVisible(), true);
  await page.close();
});

test('the Filters button folds and unfolds the filters, by keyboard, and says how many are on', async () => {
  const { page } = await openMap(mouse.context, server.origin, '/', PHONE);
  const button = page.locator('.filters-toggle');
  await button.waitFor();
  assert.equal(await button.getAttribute('aria-controls'), 'filters');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#filters').isVisible(), false);
  assert.equal((await button.innerText()).trim(), 'Filters');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#filters').isVisible(), true);
  // Two filters on: a category and a claim status.
  await page.locator('#filters fieldset').nth(0).locator('input').first().uncheck();
  await page.locator('#filters fieldset').nth(1).locator('input').first().uncheck();
  await button.focus();
  await page.keyboard.press(' ');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#filters').isVisible(), false);
  assert.equal((await button.innerText()).trim(), 'Filters (2 on)');
  await page.close();
});

/** Points along each leg of flow `id` on screen, a few px apart, that lie in the map
 * frame and are not under a marker (whose tap shows the place, not a flow). */
const pointsOf = (page, id) => page.evaluate((id) => {
  const group = [...document.querySelectorAll('svg.map g.flow')].find((g) => g.getAttribute('data-flow-id') === id);
  const frame = document.querySelector('.map-frame').getBoundingClientRect();
  const points = [];
  for (const line of group?.querySelectorAll('path.line') ?? []) {
    const m = line.getScreenCTM();
    const length = line.getTotalLength();
    for (let at = 0; at <= length; at += 6) {
      const p = line.getPointAtLength(at);
      const x = m.a * p.x + m.c * p.y + m.e;
      const y = m.b * p.x + m.d * p.y + m.f;
      const inside = x > frame.left + 2 && x < frame.right - 2 && y > frame.top + 2 && y < frame.bottom - 2;
      if (inside && !document.elementFromPoint(x, y)?.closest('g.marker, .zoom-buttons')) points.push({ x, y });
    }
  }
  // The middle of the route first, then outwards.
  const mid = points.length / 2;
  return points.map((p, i) => [Math.abs(i - mid), p]).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}, id);

const pinned = (page) => page.evaluate(() => document.querySelector('.detail-panel')?.getAttribute('data-flow-id') ?? null);
const offered = (page) => page.evaluate(() => [...document.querySelectorAll('.flow-chooser button[data-flow-id]')].map((b) => b.getAttribute('data-flow-id')));

/** Closes the chooser or the panel, whichever is open. */
async function closeAll(page) {
  for (let i = 0; i < 2; i++) {
    if (await page.locator('.flow-chooser:not([hidden]), .detail-panel').count() === 0) return;
    await page.keyboard.press('Escape');
  }
  assert.equal(await page.locator('.flow-chooser:not([hidden]), .detail-panel').count(), 0, 'Escape closes the chooser and the panel');
}

test('every flow of the bundled map can be selected by a tap, through the chooser where others cover it', async () => {
  const { page } = await openMap(touch.context, server.origin, '/', PHONE);
  await page.locator('.map-frame').evaluate((f) => f.scrollIntoView({ block: 'center' }));
  let chosen = 0;
  for (const flow of data.flows) {
    const points = await pointsOf(page, flow.id);
    assert.ok(points.length > 0, `${flow.id}: no point of its line in the frame`);
    let found = false;
    // Try points along the line, a few px apart, until a tap selects the flow or offers it.
    for (const p of points.slice(0, 40)) {
      await page.touchscreen.tap(p.x, p.y);
      if (await pinned(page) === flow.id) { found = true; break; }
      const list = await offered(page);
      if (list.includes(flow.id)) {
        assert.ok(list.length >= 2 && list.length <= 5, `${flow.id}: ${list.length} offered`);
        // The list takes focus; its buttons name the routes.
        assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('.flow-chooser'))), true);
        if (chosen === 0) await page.screenshot({ path: path.join(SHOTS, 'phone-chooser-375.png') });
        const choice = page.locator('.flow-chooser button[data-flow-id]').nth(list.indexOf(flow.id));
        await choice.tap();
        assert.equal(await pinned(page), flow.id, `${flow.id}: chosen, not pinned`);
        assert.equal(await page.locator('.flow-chooser').isVisible(), false, 'the chooser closes on a choice');
        chosen++;
        found = true;
        break;
      }
      await closeAll(page);
    }
    assert.ok(found, `${flow.id}: no tap on its line selects it or offers it`);
    await closeAll(page);
  }
  console.log(`${data.flows.length} flows selected by a tap, ${chosen} of them through the chooser`);
  await page.close();
});

test('the chooser works by keyboard: its first choice takes focus, Tab goes to the next, Escape closes it', async () => {
  const { page } = await openMap(touch.context, server.origin, '/', PHONE);
  await page.locator('.map-frame').evaluate((f) => f.scrollIntoView({ block: 'center' }));
  // Find a crowded spot: a tap on some flow's line that offers a choice.
  let list = [];
  let spot;
  for (const flow of data.flows) {
    for (const p of (await pointsOf(page, flow.id)).slice(0, 10)) {
      await page.touchscreen.tap(p.x, p.y);
      list = await offered(page);
      spot = p;
      if (list.length) break;
      await closeAll(page);
    }
    if (list.length) break;
  }
  assert.ok(list.length >= 2, 'no crowded spot on the bundled map');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-flow-id')), list[0]);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-flow-id')), list[1]);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.flow-chooser').isVisible(), false);
  assert.equal(await pinned(page), null, 'Escape on the chooser pins nothing');
  // A tap elsewhere closes it too.
  await page.touchscreen.tap(spot.x, spot.y);
  assert.equal(await page.locator('.flow-chooser').isVisible(), true);
  await page.locator('h1').tap();
  assert.equal(await page.locator('.flow-chooser').isVisible(), false);
  await page.close();
});

test('on a phone the pinned flow shows in a bottom sheet that takes focus and closes with its button and Escape', async () => {
  const { page } = await openMap(touch.context, server.origin, '/', PHONE);
  const flow = page.locator('svg.map g.flow[tabindex="0"]');
  const id = await flow.getAttribute('data-flow-id');
  for (const how of ['button', 'Escape']) {
    await flow.focus();
    await page.keyboard.press('Enter');
    const sheet = page.locator('.detail-panel');
    await sheet.waitFor();
    const box = await sheet.evaluate((s) => {
      const r = s.getBoundingClientRect();
      const st = getComputedStyle(s);
      return { left: r.left, right: r.right, bottom: r.bottom, top: r.top, position: st.position, overflow: st.overflowY, vw: innerWidth, vh: innerHeight };
    });
    assert.equal(box.position, 'fixed');
    assert.equal(box.overflow, 'auto');
    assert.deepEqual([box.left, box.right, Math.round(box.bottom)], [0, box.vw, box.vh], 'fixed to the bottom, full width');
    assert.ok(box.top >= box.vh / 2 - 1, `the sheet leaves the upper half of the screen (top ${box.top})`);
    await page.waitForFunction(() => document.activeElement?.closest('.detail-panel'));
    const close = page.locator('.detail-panel .close');
    assert.equal(await close.isVisible(), true);
    if (how === 'button') {
      await page.screenshot({ path: path.join(SHOTS, 'phone-sheet-375.png') });
      // Scrolled to its end, the sheet's close button is still in view.
      await sheet.evaluate((s) => { s.scrollTop = s.scrollHeight; });
      const inView = await close.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const s = b.closest('.detail-panel').getBoundingClientRect();
        return r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
      });
      assert.ok(inView, 'the close button scrolls away');
      await close.tap();
    } else {
      await page.keyboard.press('Escape');
    }
    await sheet.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-flow-id')), id, `${how}: focus came back`);
  }
  await page.close();
});

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations, with the WCAG 2.2 target-size rule switched on. */
async function axeTargets(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'], rules: { 'target-size': { enabled: true } },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('axe-core with target-size on: no violation at 375 px, folded, unfolded and with the sheet open', async () => {
  const { page } = await openMap(touch.context, server.origin, '/', PHONE);
  await page.locator('.legend').waitFor();
  assert.deepEqual(await axeTargets(page), [], 'default view');
  await page.locator('.filters-toggle').tap();
  assert.deepEqual(await axeTargets(page), [], 'filters unfolded');
  await page.goto(`${server.origin}/#flow=srb-cze-ukr-grad`);
  await page.reload();
  await page.locator('.detail-panel').waitFor();
  assert.deepEqual(await axeTargets(page), [], 'sheet open');
  await page.close();
});

test('on a touch screen flows and markers have targets of at least 24 × 24 px', async () => {
  const { page } = await openMap(touch.context, server.origin, '/', PHONE);
  const sizes = await page.evaluate(() => ({
    hits: [...document.querySelectorAll('svg.map g.flow path.hit')].map((p) => parseFloat(getComputedStyle(p).strokeWidth)),
    markers: [...document.querySelectorAll('svg.map g.marker circle.hit')].map((c) => 2 * c.r.baseVal.value),
    count: document.querySelectorAll('svg.map g.marker').length,
  }));
  assert.ok(sizes.hits.length > 0 && sizes.hits.every((w) => w >= 24), `flow hit widths ${sizes.hits}`);
  assert.equal(sizes.markers.length, sizes.count);
  assert.ok(sizes.markers.every((d) => d >= 24), `marker targets ${sizes.markers}`);
  await page.close();
});

test('the hint under the map says "tap" on a touch screen and "hover" with a mouse', async () => {
  for (const [browser, word, not] of [[touch, /tap/i, /hover/i], [mouse, /hover/i, /tap/i]]) {
    const { page } = await openMap(browser.context, server.origin, '/', PHONE);
    const hint = await page.locator('.map-hint').innerText();
    assert.match(hint, word);
    assert.doesNotMatch(hint, not);
    await page.close();
  }
  // In another language too.
  const { page } = await openMap(touch.context, server.origin, '/?lang=uk', PHONE);
  assert.match(await page.locator('.map-hint').innerText(), /Торкніться/);
  await page.close();
});
