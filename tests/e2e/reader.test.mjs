// The reader's map: detail panel, route highlight, filters, deep links and zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, openMap, bundledDataset, english, hoverFlow, zoomSettled, SHOTS } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const data = bundledDataset();
const drawn = (page) => page.locator('svg.map g.flow').evaluateAll((gs) => gs.map((g) => g.dataset.flowId).sort());

/** Clicks a flow where it is visible (not under another flow). */
async function clickFlow(page, id) {
  await hoverFlow(page, id);
  await page.mouse.down();
  await page.mouse.up();
}

test('clicking a flow pins a panel whose citations match the dataset; Escape closes it', async () => {
  const flow = data.flows.find((f) => f.id === 'srb-cze-ukr-grad');
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  await clickFlow(page, flow.id);
  const panel = page.locator('.detail-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-flow-id'), flow.id);
  assert.match(await panel.locator('h2').innerText(), /Serbia → Czechia → Ukraine/);
  const quotes = await panel.locator('blockquote').allInnerTexts();
  assert.deepEqual(quotes.map((q) => q.trim()), flow.citations.map((c) => c.quote.trim()));
  const text = await panel.innerText();
  for (const a of [...(flow.actors.from ?? []), ...(flow.actors.via ?? [])].map(english)) assert.ok(text.includes(a), `panel lacks actor ${a}`);
  assert.match(text, /alleged: claimed by a party with a stake in it/);
  // Who says so: the SVR claims it, RKS News publishes it, officials in Belgrade speak against it.
  const name = (id) => english(data.speakers.find((s) => s.id === id).name);
  // Each quote sits under the speaker whose statement it is, with the publication it is in.
  const placed = await panel.locator('blockquote').evaluateAll((qs) => qs.map((q) => ({
    speaker: q.closest('li.citation').querySelector('.speaker strong').textContent,
    cite: q.nextElementSibling.textContent,
  })));
  assert.equal(placed.length, flow.citations.length);
  flow.citations.forEach((c, i) => {
    assert.ok(placed[i].speaker.startsWith(name(c.speaker)), `quote ${i} is not under its speaker ${name(c.speaker)}: ${placed[i].speaker}`);
    const outlet = english(data.sources.find((s) => s.id === c.source).outlet);
    assert.ok(placed[i].cite.includes(`Published in ${outlet}`), `quote ${i} does not name its publication ${outlet}: ${placed[i].cite}`);
  });
  const items = await panel.locator('li.citation').allInnerTexts();
  const claims = await panel.locator('li.citation:not(.against) .speaker strong').allInnerTexts();
  assert.ok(claims.some((t) => /SVR\)? claims$/.test(t)), `no SVR claim: ${claims}`);
  assert.ok(items.some((t) => /SVR/.test(t) && /Published in RKS News/.test(t)), 'the SVR claim is not credited to RKS News');
  const against = await panel.locator('li.citation.against .speaker strong').allInnerTexts();
  assert.ok(against.length > 0, 'no denial or dispute in the panel');
  for (const t of against) {
    assert.match(t, /Belgrade|Serbia/, `the denial is not Belgrade's: ${t}`);
    assert.match(t, / (deny|denies|dispute|disputes)$/);
    assert.doesNotMatch(t, /SVR/, 'the SVR is shown disputing its own claim');
  }
  // The flow carries the mark of a flow someone cited speaks against, and the legend explains it.
  assert.equal(await page.locator('g.flow[data-flow-id="srb-cze-ukr-grad"] .against-mark').count(), 1);
  assert.match(await page.locator('.legend').innerText(), /denied or disputed by someone cited/);
  // Every link opens in a new tab and is http(s).
  for (const a of await panel.locator('a').all()) {
    assert.equal(await a.getAttribute('target'), '_blank');
    assert.match(await a.getAttribute('href'), /^https?:\/\//);
  }
  // The hash is written after the frame that shows the change.
  await page.waitForFunction(() => location.hash === '#flow=srb-cze-ukr-grad');
  await page.screenshot({ path: path.join(SHOTS, 'desktop-selected.png') });
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.flowId), flow.id, 'focus returns to the flow');
  assert.deepEqual(errors, []);
  await page.close();
});

test('selecting one leg highlights every leg of its route and dims the others', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  await clickFlow(page, 'srb-bgr-ukr-kits');
  const group = page.locator('g.flow[data-flow-id="srb-bgr-ukr-kits"]');
  assert.equal(await group.locator('path.line').count(), 2);
  assert.match(await group.getAttribute('class'), /selected/);
  await page.mouse.move(2, 2);
  assert.match(await group.getAttribute('class'), /active/);
  // The others are dimmed by the map's `focusing` class (see style.css).
  assert.equal(await page.locator('g.flows.focusing').count(), 1);
  assert.equal(await page.locator('g.flows.focusing g.flow:not(.active)').count(), data.flows.length - 1);
  await page.close();
});

test('each filter changes the number of drawn arcs to the count from the dataset', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const all = data.flows.map((f) => f.id).sort();
  assert.deepEqual(await drawn(page), all);
  const count = () => page.locator('.filter-status .count').innerText();
  assert.equal(await count(), `Showing ${all.length} of ${all.length} flows`);

  await page.getByRole('checkbox', { name: 'Arms and ammunition' }).uncheck();
  let want = data.flows.filter((f) => f.category !== 'arms').map((f) => f.id).sort();
  assert.deepEqual(await drawn(page), want);
  assert.equal(await count(), `Showing ${want.length} of ${all.length} flows`);
  await page.getByRole('button', { name: 'Reset filters' }).click();
  assert.deepEqual(await drawn(page), all);

  await page.getByRole('checkbox', { name: /unverified/ }).uncheck();
  want = data.flows.filter((f) => f.status !== 'unverified').map((f) => f.id).sort();
  assert.deepEqual(await drawn(page), want);
  await page.getByRole('button', { name: 'Reset filters' }).click();

  await page.locator('.filters .source select').selectOption('vlast-2024-06-07');
  want = data.flows.filter((f) => f.citations.some((c) => c.source === 'vlast-2024-06-07')).map((f) => f.id).sort();
  assert.deepEqual(await drawn(page), want);
  await page.getByRole('button', { name: 'Reset filters' }).click();

  // Who says so: the flows about which the SVR says something, wherever it is reported.
  const svr = data.speakers.find((s) => /SVR/.test(english(s.name)));
  await page.getByRole('combobox', { name: 'Who says so' }).selectOption(svr.id);
  want = data.flows.filter((f) => f.citations.some((c) => c.speaker === svr.id)).map((f) => f.id).sort();
  assert.ok(want.length > 1 && want.length < all.length);
  assert.deepEqual(await drawn(page), want);
  await page.waitForFunction((id) => location.hash.includes(`who=${id}`), svr.id);
  await page.getByRole('button', { name: 'Reset filters' }).click();

  // Time: move the first month to Jan 2024; flows that ended before drop out, undated stay.
  const from = page.getByRole('slider', { name: 'First month shown' });
  await from.evaluate((el) => { el.value = String(2024 * 12); el.dispatchEvent(new Event('input', { bubbles: true })); });
  const lastMonth = (d) => { const [y, m] = d.split('-').map(Number); return y * 12 + (m ? m - 1 : 11); };
  want = data.flows.filter((f) => !f.period?.end || lastMonth(f.period.end) >= 2024 * 12).map((f) => f.id).sort();
  assert.deepEqual(await drawn(page), want);
  assert.ok(want.length < all.length && want.length > 0);
  await page.waitForFunction(() => /from=2024-01/.test(location.hash));
  await page.close();
});

test('a deep link restores filters, selection and zoom; Back steps through changes', async () => {
  const hash = '#cat=-dual-use&status=-unverified&flow=srb-isr-arms&zoom=2.000,-400.0,-100.0';
  const { page } = await openMap(browser.context, server.origin, `/${hash}`, DESKTOP);
  const shown = (hideDualUse) => data.flows
    .filter((f) => (!hideDualUse || f.category !== 'dual-use') && f.status !== 'unverified').map((f) => f.id).sort();
  assert.deepEqual(await drawn(page), shown(true));
  assert.equal(await page.locator('.detail-panel').getAttribute('data-flow-id'), 'srb-isr-arms');
  const dualUse = page.getByRole('checkbox', { name: 'Dual-use and high-priority goods' });
  assert.equal(await dualUse.isChecked(), false);
  assert.equal(await page.getByRole('button', { name: 'Reset zoom' }).isDisabled(), false);
  // A filter change adds a history entry; Back restores the linked view.
  await dualUse.check();
  assert.deepEqual(await drawn(page), shown(false));
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('svg.map g.flow').length === n, shown(true).length);
  assert.equal(await dualUse.isChecked(), false);
  await page.close();
});

test('a zoom undone before it rests leaves the map laid out as it was', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const markers = () => page.evaluate(() => [...document.querySelectorAll('g.marker circle')].map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')},${c.getAttribute('r')}`).join(' '));
  const before = await markers();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  await zoomIn.focus();
  // In and straight back out (the + and 0 keys), well within the 120 ms the zoom must rest.
  const shifts = await zoomSettled(page, () => page.evaluate(async () => {
    const press = (key) => document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    press('+');
    await new Promise((r) => requestAnimationFrame(() => r()));
    press('0');
  }));
  assert.match(shifts[0] ?? '', /^matrix\(1\.5, /, `transforms: ${shifts}`);
  // Past the wait: still no transform, and the markers where they were.
  await page.waitForTimeout(300);
  assert.equal(await page.locator('svg.map g.view').getAttribute('transform'), null);
  assert.equal(await markers(), before);
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.close();
});

test('zooming enlarges the map but keeps stroke widths and marker sizes', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const measure = () => page.evaluate(() => {
    // A flow with an end on the map when zoomed in (one between two places outside the
    // view is left out of it).
    const line = document.querySelector('g.flow[data-flow-id="arm-rus-reexports"] path.line');
    // Centres and sizes of the markers that are on the map (not pinned to its edge).
    const markers = {};
    for (const g of document.querySelectorAll('g.marker:not(.off-map)')) {
      const r = g.querySelector('circle').getBoundingClientRect();
      markers[g.dataset.id] = { x: r.x + r.width / 2, y: r.y + r.height / 2, size: r.width };
    }
    return { stroke: getComputedStyle(line).strokeWidth, markers };
  });
  const before = await measure();
  // The drawn map follows each step at once, moved and scaled; once the zoom rests it is
  // laid out again for it.
  const shifts = await zoomSettled(page, async () => {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
  });
  assert.match(shifts[0] ?? '', /^matrix\(1\.5, 0, 0, 1\.5, /, `transforms: ${shifts}`);
  assert.equal(shifts.at(-1), null);
  const after = await measure();
  assert.equal(after.stroke, before.stroke);
  const common = Object.keys(after.markers).filter((id) => before.markers[id]);
  assert.ok(common.length >= 2, `too few markers stay on the map: ${common}`);
  const [a, b] = common;
  const span = (m) => Math.hypot(m[a].x - m[b].x, m[a].y - m[b].y);
  const ratio = span(after.markers) / span(before.markers);
  assert.ok(Math.abs(ratio - 2.25) < 0.05, `${a}–${b} spread by ${ratio}, expected 2.25`);
  for (const id of common) assert.ok(Math.abs(after.markers[id].size - before.markers[id].size) < 0.5, `${id} marker changed size`);
  await page.waitForFunction(() => /zoom=2\.250/.test(location.hash));
  // Ctrl + wheel zooms too; a plain wheel leaves the map alone.
  const box = await page.locator('svg.map').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 200);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  assert.match(page.url(), /zoom=2\.250/);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => /zoom=(?!2\.250)/.test(location.hash));
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await page.waitForFunction(() => location.hash === '');
  // The map's keys work on the zoom buttons too (they sit beside the map frame).
  await page.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => /zoom=1\.500/.test(location.hash));
  await page.keyboard.press('0');
  await page.waitForFunction(() => location.hash === '');
  await page.close();
});

test('the map follows the width of its column, also when no window resize says so', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const width = () => page.locator('svg.map').evaluate((s) => Number(s.getAttribute('width')));
  const frame = () => page.locator('.map-frame').evaluate((f) => Math.round(f.getBoundingClientRect().width));
  assert.equal(await width(), await frame());
  // A host page's narrower column (or a scrollbar that comes later): no resize event.
  await page.evaluate(() => { document.querySelector('.flowmap').style.maxWidth = '700px'; });
  await page.waitForFunction(() => Number(document.querySelector('svg.map').getAttribute('width')) < 700);
  assert.equal(await width(), await frame());
  assert.deepEqual(errors, []);
  await page.close();
});

test('the first frame shows the map at its column\'s width (taken from the page before the map is in it)', async () => {
  for (const viewport of [DESKTOP, PHONE, { width: 1000, height: 800 }]) {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      const mark = Performance.prototype.mark;
      Performance.prototype.mark = function (name, ...rest) {
        if (name === 'flowmap:map-drawn') window.__widthAtFirstFrame = document.querySelector('svg.map')?.getAttribute('width');
        return mark.call(this, name, ...rest);
      };
    });
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => window.__widthAtFirstFrame != null);
    const [first, frame] = await page.evaluate(() => [Number(window.__widthAtFirstFrame), Math.round(document.querySelector('.map-frame').getBoundingClientRect().width)]);
    assert.equal(first, frame, `at ${viewport.width} px`);
    await page.close();
  }
});

test('a selected route on a phone: screenshot, panel in a sheet at the bottom of the screen', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/#flow=srb-cze-ukr-grad', PHONE);
  const panel = page.locator('.detail-panel');
  await panel.waitFor();
  const map = await page.locator('.map-frame').boundingBox();
  const box = await panel.boundingBox();
  // A bottom sheet over the map's lower part (phone.test.mjs), the upper half of the screen left.
  assert.ok(Math.abs(box.y + box.height - PHONE.height) <= 1, 'the sheet is at the bottom of the screen');
  assert.ok(box.y >= PHONE.height / 2 - 1 && box.y > map.y, 'the sheet leaves the upper half of the screen');
  assert.ok(box.width <= PHONE.width);
  await page.screenshot({ path: path.join(SHOTS, 'phone-selected.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('source links are http(s) only and open in a new tab', async () => {
  const { page } = await openMap(browser.context, server.origin, '/?data=__fixtures__/linked.json#flow=goods', DESKTOP);
  const link = page.locator('.detail-panel a');
  assert.equal(await link.count(), 1);
  assert.equal(await link.getAttribute('href'), 'https://example.org/a');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await page.close();
});
