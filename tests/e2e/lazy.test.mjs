// The tools' code in wasm chunks of their own (src/lazy.rs, scripts/split.sh): the default
// view fetches none of them, all its parts in the page; the pointer on the Table button
// fetches the table's chunk, and the table then shows the flows; opening the Download menu
// fetches the exports' chunk, whose CSV is saved; while a chunk comes the table's place says
// "Loading…", and a chunk that cannot be fetched is said in words, the map still working.
// The pinned flow's panel is a chunk too: fetched a while after start (or with the pointer on
// the map), at start for an address with #flow=, so that a pin rarely waits.
// Against dist/, at 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openMap, openPage, bundledDataset, parseCsv } from './harness.mjs';

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
  // The tools' chunks: without the panel's, fetched a while after start by itself, and the
  // shared ones.
  const tools = async () => (await fetched()).filter((n) => n.startsWith('split_') && n !== 'split_panel.wasm');
  return { ...opened, fetched, tools };
}

test('the default view fetches no chunk; the table fetches its own and shows the flows', async () => {
  const { page, fetched, tools, errors } = await open();
  // (The panel's comes by itself 2 s after the page is whole: the next test.)
  assert.deepEqual(await tools(), [], 'chunks fetched by the default view');
  const shown = bundledDataset().flows.length;
  // The pointer on the Table button starts the fetch, ahead of the click.
  await page.getByRole('button', { name: 'Table', exact: true }).hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_table.wasm')));
  assert.equal(await page.locator('table.flow-table').count(), 0, 'the table opened on a hover');
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await page.locator('table.flow-table').waitFor();
  assert.deepEqual(await tools(), ['split_table.wasm']);
  // The first page of the flows the default view shows.
  const rows = await page.locator('table.flow-table tbody tr').count();
  assert.ok(rows > 0 && rows <= shown, `${rows} rows of ${shown} flows`);
  // Back to the map and to the table again: the chunk is not fetched twice.
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await page.locator('table.flow-table').waitFor();
  assert.equal(await page.locator('table.flow-table tbody tr').count(), rows);
  assert.deepEqual(await tools(), ['split_table.wasm']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('opening the Download menu fetches the exports\' chunk, and its CSV is the data shown', async () => {
  const { page, tools, errors } = await open();
  await page.locator('.downloads summary').click();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_export.wasm')));
  assert.deepEqual(await tools(), ['split_export.wasm']);
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

test('a host that serves .wasm without its content type still gets the table', async () => {
  // Browsers refuse to compile a streamed download that is not application/wasm; many
  // static hosts send application/octet-stream. The loader then starts the chunk from its
  // bytes (crates/split).
  const context = await browser.context;
  await context.route('**/split_table.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ status: 200, body: await response.body(), contentType: 'application/octet-stream' });
  });
  try {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.locator('table.flow-table tbody tr').first().waitFor();
    assert.equal(await page.locator('p.part-error').count(), 0, 'the table said it failed');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await context.unroute('**/split_table.wasm');
  }
});

const panelFetched = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_panel.wasm'));

test('the panel\'s chunk comes by itself after start, before any pin; a pin then shows the panel', async () => {
  const { page, fetched, errors } = await open();
  assert.ok(!(await fetched()).includes('split_panel.wasm'), 'the panel\'s chunk is fetched with the default view');
  // Without a pointer on the map: fetched a while after the last part is in.
  await page.waitForFunction(panelFetched, null, { timeout: 10000 });
  await page.locator('svg.map g.flow').first().focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('aside.detail-panel');
  await panel.waitFor();
  assert.match(await panel.locator('h2').innerText(), /→/);
  assert.equal(await page.locator('.panel-part').count(), 0, 'a placeholder beside the panel');
  // Escape unpins (the panel's listener came with its chunk).
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('aside.detail-panel'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an address with #flow= fetches the panel\'s chunk at start and opens the flow\'s panel', async () => {
  const flow = bundledDataset().flows[0];
  const context = await browser.context;
  const { page, errors } = await openMap(context, server.origin, `/#flow=${flow.id}`, DESKTOP);
  const panel = page.locator('aside.detail-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-flow-id'), flow.id);
  assert.ok(await page.evaluate(panelFetched));
  assert.deepEqual(errors, []);
  await page.close();
});

test('while the panel\'s chunk comes, a pinned flow\'s place says so; a chunk that fails is said, until Escape unpins', async () => {
  const context = await browser.context;
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/split_panel.wasm', async (route) => { await held; await route.abort('failed'); });
  try {
    const { page, errors } = await open();
    await page.locator('svg.map g.flow').first().focus();
    await page.keyboard.press('Enter');
    const busy = page.locator('aside.panel-part p.part-status[role="status"]');
    await busy.waitFor();
    assert.equal(await busy.innerText(), 'Loading…');
    release();
    const failed = page.locator('aside.panel-part p.part-error[role="alert"]');
    await failed.waitFor();
    assert.match(await failed.innerText(), /could not be loaded/);
    assert.equal(await page.locator('.stopped').count(), 0, 'the map stopped');
    assert.ok(errors.every((e) => !/panicked|RuntimeError|unreachable/.test(e)), errors.join('\n'));
    // Escape unpins it, as from the panel, and the message goes.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.panel-part'));
    // The hash is written after the frame that shows the change (src/state.rs).
    await page.waitForFunction(() => !location.hash.includes('flow='), null, { timeout: 5000 });
    await page.close();
  } finally {
    await context.unroute('**/split_panel.wasm');
  }
});

test('a dataset in format version 1 fetches the full reader and draws; a reader that fails is said', async () => {
  const context = await browser.context;
  const url = '/?data=__fixtures__/linked.json';
  const { page, errors } = await openMap(context, server.origin, url, DESKTOP);
  assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_reader.wasm'))));
  assert.ok(await page.locator('svg.map g.flow').count() > 0);
  assert.equal(await page.locator('h1').innerText(), 'Two flows');
  assert.deepEqual(errors, []);
  await page.close();
  await context.route('**/split_reader.wasm', (route) => route.abort('failed'));
  try {
    const { page: failed } = await openPage(context, server.origin, url, DESKTOP);
    const message = failed.locator('.load-error[role="alert"]');
    await message.waitFor();
    assert.match(await message.innerText(), /could not be loaded/);
    await failed.close();
  } finally {
    await context.unroute('**/split_reader.wasm');
  }
});

test('a dataset with an item that cannot be read fetches the full reader, which says why; the bundled one does not', async () => {
  const context = await browser.context;
  const data = bundledDataset();
  data.flows[0] = { ...data.flows[0], value: 'a lot' };
  await context.route('**/__fixtures__/one-bad-flow.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }));
  try {
    const { page, errors } = await openMap(context, server.origin, '/?data=__fixtures__/one-bad-flow.json', DESKTOP);
    const problems = page.locator('.problems:not(.warnings) li');
    await problems.first().waitFor();
    assert.match(await problems.first().innerText(), /^flows\[0\]\.value/);
    assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_reader.wasm'))));
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await context.unroute('**/__fixtures__/one-bad-flow.json');
  }
  const { page, fetched } = await open();
  assert.ok(!(await fetched()).includes('split_reader.wasm'));
  await page.close();
});
