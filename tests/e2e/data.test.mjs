// Loading other datasets with ?data=: partly broken data still draws its good flows and
// lists the rest; unreadable data and links to other hosts get a readable error panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDist, launch, openMap, openPage, ROOT } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEW = { width: 1280, height: 800 };

test('a partly broken dataset draws its valid flows and lists what it skipped', async () => {
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/partly-broken.json'), 'utf8'));
  const { page, errors, outside } = await openMap(browser.context, server.origin, '/?data=__fixtures__/partly-broken.json', VIEW);
  const ids = await page.locator('g.flow').evaluateAll((gs) => gs.map((g) => g.dataset.flowId));
  const valid = fixture.flows.map((f) => f.id).filter((id) => !id.startsWith('broken-'));
  assert.deepEqual(ids.sort(), valid.sort());
  const problems = await page.locator('.problems:not(.warnings) li').allInnerTexts();
  assert.equal(problems.length, 3, problems.join('\n'));
  // A version 1 file is read as version 2; its claim statuses are checked against the
  // citations, and the flow concerned is still drawn.
  const warnings = await page.locator('.problems.warnings li').allInnerTexts();
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /^flows\[1\]\.status: flow "kaz-rus-chp" is marked documented, but its citations allow at most reported/);
  assert.match(await page.locator('.problems.warnings h2').innerText(), /1 check for the editor: the flows concerned are shown as marked/);
  assert.ok(problems.some((p) => p.includes('flows[2].via[0]') && p.includes('"ATL"')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('sources[3].url')), problems.join('\n'));
  assert.match(await page.locator('h1').innerText(), /partly broken/);
  // The dangerous link was dropped, not rendered.
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('invalid JSON shows an error panel naming the file, line and column', async () => {
  const { page } = await openPage(browser.context, server.origin, '/?data=__fixtures__/not-json.json', VIEW);
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /__fixtures__\/not-json\.json, line 5, column 0: the file ends before the JSON is complete/);
  assert.equal(await page.locator('g.flow').count(), 0);
  await page.close();
});

test('a missing dataset says so', async () => {
  const { page } = await openPage(browser.context, server.origin, '/?data=__fixtures__/nope.json', VIEW);
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /nope\.json could not be downloaded \(HTTP 404\)/);
  await page.close();
});

test('a dataset on another host is refused without any request to it', async () => {
  const { page, outside } = await openPage(browser.context, server.origin, '/?data=https://example.com/flows.json', VIEW);
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /only a dataset on this site can be shown/);
  assert.deepEqual(outside, []);
  await page.close();
});

test('a dataset over the size limit is refused from its announced size, before it is read', async () => {
  const { page } = await openPage(browser.context, server.origin, '/?data=__fixtures__/huge.json', VIEW);
  // The server announces 150 MB (the body is never needed: the map stops at the header).
  await page.route('**/__fixtures__/huge.json', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'application/json', 'content-length': '150000000' },
    body: '{}',
  }));
  await page.reload();
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /huge\.json: the file is 150 MB; the map reads datasets of up to 100 MB/);
  await page.close();
});

test('a dataset that is not UTF-8 is refused at its first bad byte, in the words flowmap-data validate uses', async () => {
  const { page } = await openPage(browser.context, server.origin, '/?data=__fixtures__/latin1.json', VIEW);
  await page.route('**/__fixtures__/latin1.json', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{\n  "meta": {"title": "Caf\xe9"}}', 'latin1'),
  }));
  await page.reload();
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /latin1\.json, line 2, column 25: the file is not UTF-8 text; save it as UTF-8/);
  await page.close();
});

test('places symmetric about the equator draw finite paths (the cone becomes a cylinder)', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/?data=__fixtures__/equator.json', VIEW);
  const paths = await page.locator('svg.map g.flow path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  assert.ok(paths.length >= 2, `${paths.length} flow paths`);
  for (const d of paths) assert.ok(d.length > 0 && !/NaN|Infinity/.test(d), `a path reads "${d.slice(0, 80)}"`);
  // The markers lie inside the map, apart from each other.
  const boxes = await page.locator('svg.map .marker').evaluateAll((ms) => ms.map((m) => m.getBoundingClientRect().toJSON()));
  assert.equal(boxes.length, 3);
  const ys = boxes.map((b) => b.y).sort((a, b) => a - b);
  assert.ok(ys[2] - ys[0] > 100, `markers from ${ys[0]} to ${ys[2]} px: the map spans the extent`);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Opens `url`, recording the paths of the files the page asks for. */
async function openRecording(url) {
  const asked = [];
  const context = browser.context;
  const listener = (r) => { const u = new URL(r.url()); if (u.origin === server.origin) asked.push(u.pathname.slice(1)); };
  context.on('request', listener);
  const opened = await openMap(context, server.origin, url, VIEW);
  await opened.page.waitForLoadState('networkidle');
  context.off('request', listener);
  return { ...opened, asked };
}

test('a dataset in another region draws on world outlines, downloading only its part of the world', async () => {
  const { page, errors, asked } = await openRecording('/?data=__fixtures__/south-america.json');
  const world = asked.filter((f) => f.startsWith('world/'));
  assert.ok(world.includes('world/index.txt'), asked.join(', '));
  assert.ok(!asked.includes('atlas.json') && !asked.includes('data/flows.json'), `unused downloads: ${asked.join(', ')}`);
  const ids = await page.locator('svg.map-base path.country').evaluateAll((ps) => ps.map((p) => p.dataset.id));
  for (const id of ['BRA', 'ARG', 'CHL', 'PER', 'BOL']) assert.ok(ids.includes(id), `${id} is not drawn: ${ids.join(' ')}`);
  assert.ok(!ids.includes('RUS') && !ids.includes('SRB'), `countries of other regions: ${ids.join(' ')}`);
  // The budget: no more geometry than the bundled region's atlas.json (about 20 KB gzip).
  const gzip = (f) => zlib.gzipSync(fs.readFileSync(path.join(ROOT, 'dist', f)), { level: 9 }).length;
  const bytes = world.reduce((sum, f) => sum + gzip(f), 0);
  assert.ok(bytes <= gzip('atlas.json'), `${world.length} world files, ${bytes} bytes gzip, against ${gzip('atlas.json')} for atlas.json`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dataset inside the bundled region draws on the bundled atlas, with no world file but the index', async () => {
  const { page, errors, asked } = await openRecording('/?data=__fixtures__/linked.json');
  assert.ok(asked.includes('atlas.json'), asked.join(', '));
  assert.deepEqual(asked.filter((f) => f.startsWith('world/')), ['world/index.txt']);
  assert.ok(await page.locator('svg.map-base path.country').count() > 20);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dataset across the antimeridian is drawn the short way, with only its side of the globe', async () => {
  const { page, errors, asked } = await openRecording('/?data=__fixtures__/pacific.json');
  const ids = await page.locator('svg.map-base path.country').evaluateAll((ps) => ps.map((p) => p.dataset.id));
  for (const id of ['FJI', 'WSM', 'TON']) assert.ok(ids.includes(id), `${id} is not drawn: ${ids.join(' ')}`);
  assert.ok(ids.length < 15, `countries from the far side of the globe: ${ids.join(' ')}`);
  const paths = await page.locator('svg.map g.flow path, svg.map-base path.country').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  for (const d of paths) assert.ok(!/NaN|Infinity/.test(d), `a path reads "${d.slice(0, 80)}"`);
  // The short way: Samoa (172° W) east of Fiji (178° E), Tonga south of both.
  const at = async (id) => page.locator(`svg.map g.marker[data-id="${id}"] circle:not(.hit)`).boundingBox();
  const [fiji, samoa, tonga] = [await at('FJI'), await at('WSM'), await at('TON')];
  assert.ok(samoa.x > fiji.x && tonga.y > samoa.y, `Fiji ${fiji.x},${fiji.y}, Samoa ${samoa.x},${samoa.y}, Tonga ${tonga.x},${tonga.y}`);
  const world = asked.filter((f) => f.startsWith('world/') && f !== 'world/index.txt');
  assert.ok(world.length <= 3, world.join(', '));
  assert.deepEqual(errors, []);
  await page.close();
});
