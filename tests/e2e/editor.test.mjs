// The editor page (editor.html): sheets or a dataset in, every problem at its cell, the real
// map as the preview, the dataset file and embed code out, the work kept over a reload, and
// no request but to the site's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serveDist, launch, openPage, openMap, axe, ROOT, DIST, SHOTS } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };
const EXAMPLES = path.join(ROOT, 'docs/examples');
const FIXTURES = path.join(ROOT, 'tests/fixtures/editor');
const SHEETS = ['locations.csv', 'sources.csv', 'speakers.csv', 'flows.csv', 'categories.csv', 'meta.json'];
const example = (name) => path.join(EXAMPLES, name);
const exampleFlows = () => fs.readFileSync(example('flows.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);

/** Opens the editor with nothing kept from an earlier test. */
async function openEditor(viewport = WIDE, url = '/editor.html') {
  const opened = await openPage(browser.context, server.origin, url, viewport);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.waitForSelector('#pick', { state: 'attached' });
  return opened;
}

/** Drops files on the drop zone, as a file manager would: `files` are [name, bytes]. */
async function drop(page, files) {
  const data = files.map(([name, bytes]) => [name, [...bytes]]);
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    for (const [name, bytes] of data) transfer.items.add(new File([new Uint8Array(bytes)], name));
    document.querySelector('.drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/** The preview's map, once it has drawn its flows; returns the frame. */
async function previewed(page) {
  const handle = await page.waitForSelector('iframe.map-frame');
  await page.waitForFunction(() => {
    const doc = document.querySelector('iframe.map-frame')?.contentDocument;
    return doc && doc.querySelectorAll('.map-frame:not(.drawing) svg.map g.flow').length > 0;
  }, null, { timeout: 20000 });
  return handle.contentFrame();
}

const flowIds = (frame) => frame.locator('svg.map g.flow').evaluateAll((gs) => [...new Set(gs.map((g) => g.dataset.flowId))].sort());

test('the example sheets, picked, make the map of the example flows with no problem', async () => {
  const { page, errors, outside } = await openEditor();
  await page.setInputFiles('#pick', SHEETS.map(example));
  await page.waitForFunction(() => document.querySelectorAll('.files li').length === 6);
  const frame = await previewed(page);
  assert.deepEqual(await flowIds(frame), exampleFlows().sort());
  assert.equal(await page.locator('.problem-list li').count(), 0);
  assert.match(await page.locator('.problems .summary').innerText(), /No problems/);
  // Each file is recognised from its name.
  const roles = await page.locator('.files select').evaluateAll((s) => s.map((x) => x.value));
  assert.deepEqual(roles, ['locations', 'sources', 'speakers', 'flows', 'categories', 'meta']);
  const meta = JSON.parse(fs.readFileSync(example('meta.json'), 'utf8'));
  const title = typeof meta.title === 'string' ? meta.title : meta.title.en;
  assert.equal(await frame.locator('h1').innerText(), title);
  await page.screenshot({ path: path.join(SHOTS, 'editor-wide.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('a broken sheet lists its problems at their rows and cells, and the good flows still preview', async () => {
  const { page, errors, outside } = await openEditor();
  const files = SHEETS.filter((n) => n !== 'flows.csv').map((n) => [n, fs.readFileSync(example(n))]);
  files.push(['flows.csv', fs.readFileSync(path.join(FIXTURES, 'flows-broken.csv'))]);
  await drop(page, files);
  const frame = await previewed(page);
  const problems = await page.locator('.problem-list li').allInnerTexts();
  assert.ok(problems.some((p) => p.startsWith('flows.csv, row 3, column amount: "lots" is not a number')), problems.join('\n'));
  // Every flow but the broken one is drawn.
  const broken = exampleFlows()[1];
  assert.deepEqual(await flowIds(frame), exampleFlows().filter((id) => id !== broken).sort());
  // The link shows the sheet around row 3 with the cell marked, and takes the focus (keyboard).
  await page.locator('.problem-list a', { hasText: 'row 3, column amount' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'where');
  assert.equal(await page.locator('#where td.here').innerText(), 'lots');
  assert.equal(await page.locator('#where tr.here th[scope=row]').innerText(), '3');
  assert.match(await page.locator('.publish .help').innerText(), /Fix the problems/);
  await page.screenshot({ path: path.join(SHOTS, 'editor-problems.png'), fullPage: true });
  // In another language, the places are in its words; the problem itself stays as the core words it.
  await page.selectOption('.language select', 'sr-Cyrl');
  await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl');
  assert.ok((await page.locator('.problem-list li').allInnerTexts()).some((p) => p.startsWith('flows.csv, ред 3, колона amount')));
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('a Windows-1252 sheet reads with a warning; a damaged one is refused at its row', async () => {
  const { page, errors, outside } = await openEditor();
  const others = SHEETS.filter((n) => n !== 'locations.csv').map((n) => [n, fs.readFileSync(example(n))]);
  await drop(page, [...others, ['locations.csv', fs.readFileSync(path.join(FIXTURES, 'locations-1252.csv'))]]);
  await previewed(page);
  const warning = await page.locator('.problem-list li.warning').allInnerTexts();
  assert.equal(warning.length, 1, warning.join('\n'));
  assert.match(warning[0], /^to check: locations\.csv: this file is not UTF-8, so it was read as Windows-1252/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download]')]);
  const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.ok(json.locations.some((l) => JSON.stringify(l.name).includes('Curaçao')));
  await drop(page, [['locations.csv', fs.readFileSync(path.join(FIXTURES, 'locations-damaged.csv'))]]);
  await page.waitForFunction(() => [...document.querySelectorAll('.problem-list li')].some((li) => li.innerText.includes('row 4')));
  const problems = await page.locator('.problem-list li').allInnerTexts();
  assert.ok(problems.some((p) => p.startsWith('locations.csv, row 4: this row holds bytes that are not UTF-8')), problems.join('\n'));
  assert.equal(await page.locator('iframe.map-frame').count(), 0, 'nothing to preview without the places');
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('the downloaded dataset loads with ?data= and validates with flowmap-data', async () => {
  const { page, errors, outside } = await openEditor();
  await page.setInputFiles('#pick', SHEETS.map(example));
  await previewed(page);
  await page.fill('#set-title', 'Edited in the browser');
  await page.locator('#set-title').press('Tab');
  const frame = await previewed(page);
  await frame.waitForFunction(() => document.querySelector('h1')?.innerText === 'Edited in the browser');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download]')]);
  assert.equal(download.suggestedFilename(), 'flows.json');
  const out = path.join(ROOT, 'tests/fixtures/generated');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, 'editor-flows.json');
  fs.copyFileSync(await download.path(), file);
  const map = await openMap(browser.context, server.origin, '/?data=__fixtures__/generated/editor-flows.json', WIDE);
  assert.deepEqual(await flowIds(map.page), exampleFlows().sort());
  assert.equal(await map.page.locator('h1').innerText(), 'Edited in the browser');
  assert.equal(await map.page.locator('.problems li').count(), 0);
  const check = spawnSync('cargo', ['run', '-q', '-p', 'flowmap-data', '--', 'validate', file], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  // The embed code points at the map with this file, once the editor says where it goes.
  await page.fill('#file-path', 'stories/guns.json');
  const code = await page.locator('#embed-code').inputValue();
  assert.ok(code.startsWith(`<iframe src="${server.origin}/?embed=1&amp;data=stories/guns.json" title="Edited in the browser"`), code);
  assert.ok(code.endsWith(`<script src="${server.origin}/embed.js" async></script>`), code);
  assert.deepEqual([...errors, ...map.errors], []);
  assert.deepEqual([...outside, ...map.outside], []);
  await map.page.close();
  await page.close();
});

test('the work survives a reload until "start over", and the preview follows language, theme and width', async () => {
  const { page, errors, outside } = await openEditor(PHONE);
  await page.setInputFiles('#pick', SHEETS.map(example));
  await previewed(page);
  await page.fill('#set-credit', 'Graphic: the desk');
  await page.locator('#set-credit').press('Tab');
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.files li').length === 6);
  assert.equal(await page.inputValue('#set-credit'), 'Graphic: the desk');
  await page.selectOption('.language select', 'uk');
  await page.selectOption('.preview select', 'dark');
  await page.check('input[name=width] >> nth=1');
  const frame = await previewed(page);
  await frame.waitForFunction(() => document.documentElement.lang === 'uk' && document.documentElement.dataset.theme === 'dark');
  assert.equal(await page.locator('iframe.map-frame').evaluate((f) => f.getBoundingClientRect().width), 343, 'the phone width, inside the page');
  assert.equal(await page.locator('h1').innerText(), 'Редактор карти потоків');
  // No horizontal scrolling at 375 px.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
  await page.screenshot({ path: path.join(SHOTS, 'editor-phone.png'), fullPage: true });
  page.once('dialog', (d) => d.accept());
  await page.click('.start-over');
  await page.waitForFunction(() => document.querySelectorAll('.files li').length === 0);
  await page.reload();
  await page.waitForSelector('#pick', { state: 'attached' });
  assert.equal(await page.locator('.files li').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('a pasted sheet (tab-separated, as a spreadsheet copies it) is read as the sheet chosen', async () => {
  const { page, errors } = await openEditor();
  await page.setInputFiles('#pick', SHEETS.filter((n) => n !== 'locations.csv').map(example));
  const tsv = 'id\tname\tlon\tlat\nSRB\tSerbia\t20.46\t44.82\nCZE\tCzechia\t14.42\t50.09\nUKR\tUkraine\t30.52\t50.45\nRUS\tRussia\t37.62\t55.75\n';
  await page.fill('#paste', tsv);
  await page.selectOption('#paste-as', 'locations');
  await page.click('.paste-as button');
  const frame = await previewed(page);
  assert.deepEqual(await flowIds(frame), exampleFlows().sort());
  assert.match(await page.locator('.files li').last().innerText(), /locations \(pasted\)/);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, viewport] of [['desktop', WIDE], ['phone', PHONE]]) {
  test(`axe-core: no violation in the editor at ${name} size, light and dark, with problems and a cell shown`, async () => {
    const { page } = await openEditor(viewport);
    const files = SHEETS.filter((n) => n !== 'flows.csv').map((n) => [n, fs.readFileSync(example(n))]);
    await drop(page, [...files, ['flows.csv', fs.readFileSync(path.join(FIXTURES, 'flows-broken.csv'))]]);
    await previewed(page);
    await page.locator('.problem-list a').first().click();
    await page.waitForSelector('#where table');
    assert.deepEqual(await axe(page), [], 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axe(page), [], 'dark');
    await page.close();
  });
}

test('the map\'s page refuses a blob: address of another origin', async () => {
  const { page } = await openPage(browser.context, server.origin, '/?data=blob:https://evil.example/1234', WIDE);
  await page.waitForSelector('.load-error');
  assert.match(await page.locator('.load-error').innerText(), /only a dataset on this site can be shown/);
  await page.close();
});

test('the editor is its own download: the map page does not load it', async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'editor.html')) && fs.existsSync(path.join(DIST, 'flowmap_editor_bg.wasm')));
  const { page } = await openMap(browser.context, server.origin, '/', WIDE);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.ok(!loaded.some((u) => u.includes('editor')), loaded.join('\n'));
  await page.close();
});

test('a dataset JSON lists its problems by JSON path, each a link to its lines, and previews the rest', async () => {
  const { page, errors, outside } = await openEditor();
  await drop(page, [['mine.json', fs.readFileSync(path.join(ROOT, 'tests/fixtures/partly-broken.json'))]]);
  const frame = await previewed(page);
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/partly-broken.json'), 'utf8'));
  const valid = fixture.flows.map((f) => f.id).filter((id) => !id.startsWith('broken-'));
  assert.deepEqual(await flowIds(frame), valid.sort());
  const problems = await page.locator('.problem-list li').allInnerTexts();
  assert.ok(problems.some((p) => p.startsWith('mine.json, flows[2].via[0]')), problems.join('\n'));
  await page.locator('.problem-list a', { hasText: 'flows[2].via[0]' }).click();
  const marked = await page.locator('#where table.lines tr.here td').innerText();
  assert.match(marked, /ATL/);
  // The frame takes the map's height (the site's embed.js), not a fixed one.
  await page.waitForFunction(() => parseFloat(document.querySelector('iframe.map-frame').style.height) > 800);
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('what a file holds can be changed, and a file removed, from the keyboard', async () => {
  const { page, errors } = await openEditor();
  await page.setInputFiles('#pick', SHEETS.map(example));
  await previewed(page);
  // The flows sheet, taken for categories: the flows are missing, and the focus stays put.
  const menu = page.getByLabel('What flows.csv holds');
  await menu.focus();
  await menu.selectOption('categories');
  await page.waitForFunction(() => [...document.querySelectorAll('.problem-list li')].some((li) => li.innerText.includes('The flows sheet is missing')));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'What flows.csv holds');
  assert.equal(await page.locator('iframe.map-frame').count(), 0);
  await menu.selectOption('flows');
  await previewed(page);
  await page.getByLabel('Remove speakers.csv').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.files li').length === 5);
  assert.deepEqual(errors, []);
  await page.close();
});
