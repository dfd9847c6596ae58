// Accessibility: axe-core in every state, a keyboard-only walk through every flow, the live
// region, and reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openMap, bundledDataset, axe } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const data = bundledDataset();
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } };

for (const [name, viewport] of Object.entries(SIZES)) {
  for (const scheme of ['light', 'dark']) {
    test(`axe-core: no violation at ${name} size in the ${scheme} theme, with a flow pinned and with the table open`, async () => {
      const { page } = await openMap(browser.context, server.origin, '/', viewport);
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(page), [], 'default view');
      await page.goto(`${server.origin}/#flow=srb-cze-ukr-grad`);
      await page.reload();
      await page.locator('.detail-panel').waitFor();
      assert.deepEqual(await axe(page), [], 'flow pinned');
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.locator('table.flow-table').waitFor();
      assert.deepEqual(await axe(page), [], 'table open');
      await page.close();
    });
  }
}

test('?theme=dark overrides a light system setting', async () => {
  const { page } = await openMap(browser.context, server.origin, '/?theme=dark', SIZES.desktop);
  await page.emulateMedia({ colorScheme: 'light' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(18, 20, 23)');
  await page.close();
});

test('keyboard only: Tab reaches the map after its skip link, arrows visit every flow, Enter opens it, Escape closes', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', SIZES.desktop);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-map');
  await page.keyboard.press('Tab');
  const visited = [];
  for (let i = 0; i < data.flows.length; i++) {
    const id = await page.evaluate(() => document.activeElement?.dataset?.flowId);
    assert.ok(id, `step ${i}: focus is not on a flow`);
    visited.push(id);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.detail-panel').getAttribute('data-flow-id'), id);
    await page.keyboard.press('Escape');
    await page.locator('.detail-panel').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.flowId), id, 'focus came back');
    // After the last flow come the places (see keyboard.test.mjs).
    if (i < data.flows.length - 1) await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual([...visited].sort(), data.flows.map((f) => f.id).sort());
  // The focus ring is visible: the focused flow's hit area is drawn.
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('path.hit')).strokeOpacity);
  assert.ok(Number(ring) > 0, `no visible focus ring (stroke-opacity ${ring})`);
  await page.close();
});

test('the table is sortable by keyboard and follows the filters', async () => {
  const { page } = await openMap(browser.context, server.origin, '/#status=-unverified', SIZES.desktop);
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  // The table's code comes in a chunk of its own, fetched on this first use.
  await page.locator('table.flow-table').waitFor();
  const rows = page.locator('table.flow-table tbody tr');
  const shown = data.flows.filter((f) => f.status !== 'unverified');
  assert.equal(await rows.count(), shown.length);
  const valueHeader = page.getByRole('button', { name: 'Value' });
  await valueHeader.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('th[aria-sort="descending"]').innerText(), 'Value ▼');
  const first = await rows.first().getAttribute('data-flow-id');
  const largest = shown.filter((f) => f.value.amount).sort((a, b) => b.value.amount - a.value.amount)[0];
  assert.equal(first, largest.id);
  await page.close();
});

test('a filter change is announced in a polite live region', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', SIZES.desktop);
  // The count's region (the time player has its own, for the month it shows).
  const region = page.locator('.count[aria-live="polite"]');
  assert.equal(await region.count(), 1);
  assert.equal(await page.locator('[aria-live="polite"]').count(), 2);
  await page.getByRole('checkbox', { name: 'Energy' }).uncheck();
  const energy = data.flows.filter((f) => f.category === 'energy').length;
  assert.equal(await region.innerText(), `Showing ${data.flows.length - energy} of ${data.flows.length} flows`);
  await page.close();
});

test('reduced motion leaves no animation or transition running', async () => {
  const { page } = await openMap(browser.context, server.origin, '/', SIZES.desktop);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const state = await page.evaluate(() => ({
    animations: document.getAnimations().length,
    transition: getComputedStyle(document.querySelector('g.flow')).transitionDuration,
  }));
  assert.deepEqual(state, { animations: 0, transition: '0s' });
  await page.close();
});
