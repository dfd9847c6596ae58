// The keyboard: the map is one Tab stop (roving tabindex) on the bundled map and on a
// 2,000-flow canvas map; arrows, Home and End inside it; Enter pins and Escape unpins; the
// skip link; markers are buttons named with their totals; axe-core with it all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openMap, openPage, bundledDataset, axe, ROOT } from './harness.mjs';
import { generate } from '../../bench/generate.mjs';

const N = 2000;
const FILE = path.join(ROOT, 'tests/fixtures/generated', `flows-${N}.json`);
const LARGE = `/?data=${encodeURIComponent(`__fixtures__/generated/flows-${N}.json`)}`;
const DESKTOP = { width: 1280, height: 800 };

let server;
let browser;
before(async () => {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, JSON.stringify(generate(N)));
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const data = bundledDataset();

/** Opens the 2,000-flow map once it has drawn its flows and its SVG keeps its focusable ones. */
async function openLarge() {
  const opened = await openPage(browser.context, server.origin, LARGE, DESKTOP);
  await opened.page.waitForSelector('.map-frame[data-flows-drawn]:not([data-flows-drawn="0"])', { timeout: 30000 });
  await opened.page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  return opened;
}

/** What has the focus: `flow:<id>`, `place:<id>`, or the element's tag and class. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const flow = el?.closest('svg.map g.flow');
  if (flow) return `flow:${flow.dataset.flowId}`;
  const place = el?.closest('svg.map g.marker');
  if (place) return `place:${place.dataset.id}`;
  return `${el?.tagName.toLowerCase()}.${el?.className}`;
});

/** The map's stops in their order: flows, then places (those a filter does not hide). */
const stops = (page) => page.evaluate(() => [...document.querySelectorAll('svg.map g.flow:not(.filtered), svg.map g.marker:not(.filtered)')]
  .map((g) => (g.matches('.flow') ? `flow:${g.dataset.flowId}` : `place:${g.dataset.id}`)));

/** How many elements of the map have each tabindex. */
const tabindexes = (page) => page.evaluate(() => {
  const counts = {};
  for (const g of document.querySelectorAll('.map-frame [tabindex]')) {
    const t = g.getAttribute('tabindex');
    counts[t] = (counts[t] ?? 0) + 1;
  }
  return counts;
});

for (const [name, open] of [['bundled map', () => openMap(browser.context, server.origin, '/', DESKTOP)], [`${N}-flow map`, openLarge]]) {
  test(`${name}: the map is one Tab stop — one Tab enters it from the skip link, the next leaves it, Shift+Tab comes back to the last one focused`, async () => {
    const { page, errors } = await open();
    const all = await stops(page);
    const counts = await tabindexes(page);
    assert.equal(counts['0'], 1, `one Tab stop: ${JSON.stringify(counts)}`);
    assert.equal(counts['-1'], all.length - 1, `the others out of the Tab order: ${JSON.stringify(counts)}`);
    await page.locator('a.skip-map').focus();
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), all[0], 'the first Tab enters the map at its first flow');
    await page.keyboard.press('Tab');
    const after = await focused(page);
    assert.ok(!after.startsWith('flow:') && !after.startsWith('place:'), `the next Tab left the map: ${after}`);
    assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('.map-frame'))), false);
    // Back in, moved on with an arrow, out and back: the map remembers where the reader was.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), all[0]);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(page), all[1]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), all[1], 'Shift+Tab returns to the last focused');
    assert.equal((await tabindexes(page))['0'], 1);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('bundled map: the arrows reach every flow, then every place, in order and round again; Left and Up go back; Home and End', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const all = await stops(page);
  const flows = all.filter((s) => s.startsWith('flow:'));
  const places = all.filter((s) => s.startsWith('place:'));
  assert.equal(flows.length, data.flows.length);
  assert.ok(places.length > 5, `only ${places.length} places`);
  assert.deepEqual(all, [...flows, ...places], 'flows first, then places');
  await page.locator('a.skip-map').focus();
  await page.keyboard.press('Tab');
  const visited = [await focused(page)];
  for (let i = 1; i < all.length; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowDown');
    visited.push(await focused(page));
  }
  assert.deepEqual(visited, all);
  // Past the last place, the first flow; before the first flow, the last place.
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), all[0]);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(page), all.at(-1));
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), all.at(-2));
  await page.keyboard.press('Home');
  assert.equal(await focused(page), all[0]);
  await page.keyboard.press('End');
  assert.equal(await focused(page), all.at(-1));
  // The page did not scroll for Home and End: the map took them.
  assert.equal(await page.evaluate(() => document.activeElement.closest('svg.map') !== null), true);
  await page.close();
});

test(`${N}-flow map: the arrows reach every focusable flow, then the places; Home and End`, async () => {
  const { page, errors } = await openLarge();
  const all = await stops(page);
  const flows = all.filter((s) => s.startsWith('flow:'));
  assert.ok(flows.length >= 50, `only ${flows.length} focusable flows`);
  await page.locator('a.skip-map').focus();
  await page.keyboard.press('Tab');
  const visited = [await focused(page)];
  for (let i = 1; i < flows.length; i++) {
    await page.keyboard.press('ArrowRight');
    visited.push(await focused(page));
  }
  assert.deepEqual(visited, flows, 'every focusable flow, in order');
  await page.keyboard.press('ArrowRight');
  const firstPlace = all.find((s) => s.startsWith('place:'));
  assert.equal(await focused(page), firstPlace, 'then the first place');
  // A focused place brings its flows into the SVG (highlighted over the dimmed layers):
  // they are stops too while it is, so Home goes to the first flow the SVG has now.
  const now = await stops(page);
  assert.ok(now.length >= all.length, 'the place adds its flows');
  await page.keyboard.press('Home');
  assert.equal(await focused(page), now[0]);
  // Focused, the flow shows over the dimmed layers, with its tooltip.
  await page.locator('.tooltip').waitFor();
  assert.equal(await page.locator('.flow-layers.dimmed').count(), 1);
  await page.keyboard.press('End');
  assert.ok((await focused(page)).startsWith('place:'), 'End goes to the last place');
  assert.equal((await tabindexes(page))['0'], 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Enter and Space pin the focused flow, Escape unpins it and the focus returns; zoom keys work inside the map', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  await page.locator('a.skip-map').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  const id = (await focused(page)).slice('flow:'.length);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.detail-panel').getAttribute('data-flow-id'), id);
  assert.equal(await page.locator(`g.flow[aria-pressed="true"]`).getAttribute('data-flow-id'), id);
  await page.keyboard.press('Escape');
  await page.locator('.detail-panel').waitFor({ state: 'detached' });
  assert.equal(await focused(page), `flow:${id}`, 'focus came back to the flow');
  await page.keyboard.press(' ');
  assert.equal(await page.locator('.detail-panel').getAttribute('data-flow-id'), id);
  await page.keyboard.press(' ');
  await page.locator('.detail-panel').waitFor({ state: 'detached' });
  // + − 0 still zoom from a flow.
  await page.keyboard.press('+');
  await page.waitForFunction(() => /zoom=1\.500/.test(location.hash));
  await page.keyboard.press('0');
  await page.waitForFunction(() => !/zoom=/.test(location.hash));
  assert.equal(await focused(page), `flow:${id}`);
  await page.close();
});

test('markers are buttons named with their totals; Enter, Space and a click show their totals', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const marker = page.locator('g.marker[data-id="SRB"]');
  assert.equal(await marker.getAttribute('role'), 'button');
  const name = await marker.getAttribute('aria-label');
  assert.match(name, /^Serbia: \d+ flows? out \(.+\), \d+ flows? in \(.+\), \d+ flows? through$/);
  assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  const last = await focused(page);
  assert.ok(last.startsWith('place:'));
  await page.locator('.tooltip').waitFor();
  // Leave the tooltip with the mouse, then Enter brings it back, as a click does.
  await page.mouse.move(2, 2);
  await page.evaluate(() => document.activeElement.dispatchEvent(new MouseEvent('mouseleave')));
  await page.locator('.tooltip').waitFor({ state: 'detached' });
  await page.keyboard.press('Enter');
  await page.locator('.tooltip').waitFor();
  await page.evaluate(() => document.activeElement.dispatchEvent(new MouseEvent('mouseleave')));
  await page.locator('.tooltip').waitFor({ state: 'detached' });
  await page.keyboard.press(' ');
  await page.locator('.tooltip').waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'Space did not scroll the page');
  await page.close();
});

test('the skip link is first, shows when focused, and moves the focus past the map (to the panel when a flow is pinned)', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const link = page.locator('a.skip-map');
  await page.locator('.toolbar').waitFor();
  assert.equal((await link.boundingBox())?.width ?? 0, 1, 'hidden until focused');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'a.skip-map');
  assert.equal(await link.innerText(), 'Skip the map');
  const box = await link.boundingBox();
  assert.ok(box.width > 40 && box.height > 20 && box.y >= 0, `not visible when focused: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  // The first control after the map: the story's card when the dataset has a story (issue 21),
  // else the toolbar.
  assert.equal(await page.evaluate(() => document.activeElement.closest('.story, .toolbar') !== null), true, `focus is not on the story card or the toolbar: ${await focused(page)}`);
  assert.equal(await page.evaluate(() => location.hash), '', 'the view in the hash is left alone');
  // With a flow pinned, past the map is its detail panel.
  await page.goto(`${server.origin}/#flow=${data.flows[0].id}`);
  await page.reload();
  await page.locator('.detail-panel').waitFor();
  await page.locator('a.skip-map').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.detail-panel') !== null), true);
  await page.close();
});

test('the keyboard help says what the keys do, in each language', async () => {
  for (const [lang, words] of [['en', ['enters the map', 'Home', 'End', 'the last place']], ['ru', ['вход на карту', 'к последнему месту']], ['sr-Cyrl', ['улазак на мапу', 'Home']]]) {
    const { page } = await openMap(browser.context, server.origin, `/?lang=${lang}`, DESKTOP);
    const help = await page.locator('details.keys ul').textContent();
    for (const w of words) assert.ok(help.includes(w), `${lang}: "${w}" not in ${help}`);
    assert.doesNotMatch(await page.locator('svg.map').getAttribute('aria-label'), /Tab/);
    await page.close();
  }
});

test('axe-core: no violation with a flow focused, a marker focused and the skip link focused', async () => {
  for (const url of ['/', LARGE]) {
    const { page } = url === '/' ? await openMap(browser.context, server.origin, url, DESKTOP) : await openLarge();
    await page.locator('.toolbar').waitFor();
    await page.locator('a.skip-map').focus();
    assert.deepEqual(await axe(page), [], `${url}: skip link focused`);
    await page.keyboard.press('Tab');
    assert.deepEqual(await axe(page), [], `${url}: flow focused`);
    await page.keyboard.press('End');
    assert.deepEqual(await axe(page), [], `${url}: marker focused`);
    await page.close();
  }
});
