// The tools' code in wasm chunks of their own (src/lazy.rs, scripts/split.sh): the default
// view fetches none of them, all its parts in the page; the pointer on the Table button
// fetches the table's chunk, and the table then shows the flows; opening the Download menu
// fetches the exports' chunk, whose CSV is saved; while a chunk comes the table's place says
// "Loading…", and a chunk that cannot be fetched is said in words, the map still working.
// Against dist/, at 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openMap, bundledDataset, parseCsv } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 900 };
const chunk = (url) => /\/(split|chunk)_[^/]*\.wasm$/.test(new URL(url).pathname);

/** Opens the map and waits until every part of the
 * default view is in the page (the legend and the filters come last) and a second more; with
 * the chunks it has fetched. */
async function open() {
  const context = await browser.context;
  const opened = await openMap(context, server.origin, '/', DESKTOP);
  await opened.page.locator('.legend').first().waitFor();
  await opened.page.locator('.toolbar .downloads').waitFor();
  await opened.page.waitForTimeout(1000);
  // Every chunk requested since the page began, start-up included (as of each call).
  const fetched = async () => {
    const urls = await opened.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    return urls.filter(chunk).map((url) => new URL(url).pathname.slice(1));
  };
  return { ...opened, fetched };
}

test('the default view fetches no chunk; the table fetches its own and shows the flows', async () => {
  const { page, fetched, errors } = await open();
  assert.deepEqual(await fetched(), [], 'chunks fetched by the default view');
  const shown = bundledDataset().flows.length;
  // The pointer on the Table button starts the fetch, ahead of the click.
  await page.getByRole('button', { name: 'Table', exact: true }).hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_table.wasm')));
  assert.equal(await page.locator('table.flow-table').count(), 0, 'the table opened on a hover');
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await page.locator('table.flow-table').waitFor();
  assert.deepEqual(await fetched(), ['split_table.wasm']);
  // The first page of the flows the default view shows.
  const rows = await page.locator('table.flow-table tbody tr').count();
  assert.ok(rows > 0 && rows <= shown, `${rows} rows of ${shown} flows`);
  // Back to the map and to the table again: the chunk is not fetched twice.
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await page.locator('table.flow-table').waitFor();
  assert.equal(await page.locator('table.flow-table tbody tr').count(), rows);
  assert.deepEqual(await fetched(), ['split_table.wasm']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('opening the Download menu fetches the exports\' chunk, and its CSV is the data shown', async () => {
  const { page, fetched, errors } = await open();
  await page.locator('.downloads summary').click();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_export.wasm')));
  assert.deepEqual(await fetched(), ['split_export.wasm']);
  const saved = page.waitForEvent('download');
  await page.locator('[data-export="csv"]').click();
  const file = await saved;
  assert.equal(file.suggestedFilename(), 'flows.csv');
  const text = await (await file.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
  const rows = parseCsv(text);
  assert.ok(rows.length > 1, 'a CSV with a header and rows');
  assert.deepEqual(errors, []);
  await page.close();
});

test('while the table\'s chunk comes its place says so; a chunk that fails is said, and the map still works', async () => {
  const context = await browser.context;
  // Held until released: the busy state shows.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/split_table.wasm', async (route) => { await held; await route.abort('failed'); });
  try {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const busy = page.locator('p.part-status[role="status"]');
    await busy.waitFor();
    assert.equal(await busy.innerText(), 'Loading…');
    release();
    const failed = page.locator('p.part-error[role="alert"]');
    await failed.waitFor();
    assert.match(await failed.innerText(), /could not be loaded/);
    assert.equal(await page.locator('.stopped').count(), 0, 'the map stopped');
    // The failure is logged for the newsroom (the loader's console error), nothing else.
    assert.ok(errors.length > 0 && errors.every((e) => !/panicked|RuntimeError|unreachable/.test(e)), errors.join('\n'));
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('.map-frame:not(.drawing) svg.map g.flow').first().waitFor();
    assert.equal(await page.locator('.map-wrap.hidden').count(), 0, 'the map is shown again');
    await page.close();
  } finally {
    await context.unroute('**/split_table.wasm');
  }
});
