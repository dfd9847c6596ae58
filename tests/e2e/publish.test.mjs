// Publishing: the Content-Security-Policy, the embed mode and its host script, the
// downloads of the view and the data, and the static fallback picture, against dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, openMap, bundledDataset, parseCsv, DIST } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const KINDS = ['svg', 'png-1x', 'png-2x', 'csv', 'json'];

/** Runs before the page's scripts: records Content-Security-Policy violations. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
}

/** Clicks an export button (the Download menu must be open) and returns the saved file. */
async function download(page, kind) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.click(`details.downloads button[data-export="${kind}"]`),
  ]);
  return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
}

async function openDownloads(page) {
  await page.click('details.downloads summary');
  await page.locator('details.downloads button[data-export="csv"]').waitFor({ state: 'visible' });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(buf) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(buf.length > 24 && buf.subarray(0, 8).equals(signature), 'not a PNG (bad signature)');
  assert.equal(buf.toString('latin1', 12, 16), 'IHDR', 'first PNG chunk is not IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}


/** The ids of the flows the map shows. */
function shownIds(page) {
  return page.locator('svg.map g.flow').evaluateAll((gs) => gs.map((g) => g.dataset.flowId).sort());
}

test('Content-Security-Policy: no violation while loading, opening the menus and exporting', async () => {
  const csp = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
    .match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i)?.[1];
  assert.ok(csp, 'dist/index.html has no Content-Security-Policy meta');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(!csp.includes("'unsafe-inline'"), 'CSP allows inline code');

  const { page, errors, outside } = await openMap(browser.context, server.origin, '/', DESKTOP, { init: recordViolations });
  await openDownloads(page);
  // The exports make blobs, an <a download> and (PNG) an image from a blob: URL.
  for (const kind of KINDS) await download(page, kind);
  // Opened after the exports: its menu covers the Download menu's buttons when both are open.
  await page.click('details.embed summary');
  await page.locator('#embed-code').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300); // violation events are dispatched asynchronously
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
  assert.deepEqual(errors, [], 'console errors');
  assert.deepEqual(outside, [], 'requests off localhost');

  // The listener works: an inline script, which the policy forbids, is reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  await page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined, 'inline script ran despite the CSP');
  await page.close();
});

test('?embed=1 shows the map, legend and credits without the toolbar and filters', async () => {
  // The full page, as a control for the selectors below.
  const full = await openMap(browser.context, server.origin, '/', DESKTOP);
  assert.equal(await full.page.locator('.toolbar').count(), 1, 'the full page has no .toolbar');
  assert.equal(await full.page.locator('section.filters').count(), 1, 'the full page has no .filters');
  await full.page.close();

  const data = bundledDataset();
  const { page, errors, outside } = await openMap(browser.context, server.origin, '/?embed=1', DESKTOP);
  assert.equal(await page.locator('svg.map g.flow').count(), data.flows.length);
  assert.ok(await page.locator('.legend').isVisible(), 'legend not visible');
  const footer = await page.locator('footer').innerText();
  assert.match(footer, /Natural Earth/);
  assert.match(footer, /Source:/);
  assert.equal(await page.locator('.toolbar').count(), 0, 'toolbar shown when embedded');
  assert.equal(await page.locator('.filters').count(), 0, 'filters shown when embedded');
  assert.equal(await page.locator('details.downloads, details.embed').count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('host page: embed.js sizes a data-flowmap iframe to its map and ignores other messages', async () => {
  const { page, errors, outside } = await openPage(browser.context, server.origin, '/__fixtures__/host.html', DESKTOP);
  const map = page.frameLocator('#map');
  const other = page.frameLocator('#other');
  await map.locator('.map-frame:not(.drawing) svg.map g.flow').first().waitFor({ timeout: 20000 });
  await other.locator('.map-frame:not(.drawing) svg.map g.flow').first().waitFor({ timeout: 20000 });
  const mapFrame = await (await page.$('#map')).contentFrame();
  const otherFrame = await (await page.$('#other')).contentFrame();

  // Grows from 150 to the framed document's height.
  await page.waitForFunction(() => document.getElementById('map').clientHeight > 300, null, { timeout: 10000 });
  await page.waitForTimeout(300); // let any further height messages settle
  const content = await mapFrame.evaluate(() => document.documentElement.scrollHeight);
  const height = await page.evaluate(() => document.getElementById('map').clientHeight);
  assert.ok(Math.abs(height - content) <= 4, `iframe ${height} px high, its document ${content} px`);
  // The unmarked frame posted the same kind of message and stays as it was.
  assert.equal(await page.evaluate(() => document.getElementById('other').clientHeight), 150);

  // Watch every height the host script sets from now on.
  await page.evaluate(() => {
    window.__heights = [];
    const el = document.getElementById('map');
    new MutationObserver(() => window.__heights.push(el.style.height)).observe(el, { attributes: true, attributeFilter: ['style'] });
  });
  // Right shape, wrong sender: the host page itself and the unmarked frame.
  await page.evaluate(() => window.postMessage({ type: 'flowmap:height', height: 5 }, '*'));
  await otherFrame.evaluate(() => parent.postMessage({ type: 'flowmap:height', height: 6 }, '*'));
  // Right sender, wrong shapes.
  await mapFrame.evaluate(() => {
    for (const m of [{ type: 'other', height: 7 }, { type: 'flowmap:height', height: '8' }, { type: 'flowmap:height', height: -9 },
      { type: 'flowmap:height', height: Infinity }, { type: 'flowmap:height' }, 'flowmap:height', null]) parent.postMessage(m, '*');
  });
  // A well-formed message from the map frame last: once it is applied, the others were handled.
  await mapFrame.evaluate(() => parent.postMessage({ type: 'flowmap:height', height: 321.4 }, '*'));
  await page.waitForFunction(() => document.getElementById('map').style.height === '322px', null, { timeout: 5000 });
  // Only 322px, and perhaps the map's own height again if the smaller frame changed its layout.
  const heights = await page.evaluate(() => window.__heights);
  assert.equal(heights[0], '322px', `heights set by the host script: ${heights}`);
  assert.ok(heights.every((h) => h === '322px' || Math.abs(parseFloat(h) - content) <= 4), `heights set by the host script: ${heights}`);
  assert.equal(await page.evaluate(() => document.getElementById('other').clientHeight), 150);
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

// The map must report its content's height, not the root's scroll height (which never drops
// below the frame's own), or a frame that grew when narrow would not shrink when wider.
test('host page: the iframe shrinks again when the map gets shorter', async () => {
  const { page } = await openPage(browser.context, server.origin, '/__fixtures__/host.html', DESKTOP);
  const mapFrame = await (await page.$('#map')).contentFrame();
  await mapFrame.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  const content = () => mapFrame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY
    + parseFloat(getComputedStyle(document.body).marginBottom)));
  const fits = async () => {
    for (let i = 0; i < 25; i++) {
      const [h, c] = [await page.evaluate(() => document.getElementById('map').clientHeight), await content()];
      if (Math.abs(h - c) <= 4) return [h, c];
      await page.waitForTimeout(200);
    }
    return [await page.evaluate(() => document.getElementById('map').clientHeight), await content()];
  };
  await page.evaluate(() => document.getElementById('map').setAttribute('width', '360'));
  const [narrow, narrowContent] = await fits();
  assert.ok(Math.abs(narrow - narrowContent) <= 4, `360 px wide: iframe ${narrow} px, map ${narrowContent} px`);
  await page.evaluate(() => document.getElementById('map').setAttribute('width', '1200'));
  const [wide, wideContent] = await fits();
  assert.ok(wideContent < narrowContent - 50, `the map did not get shorter when wider (${narrowContent} → ${wideContent})`);
  assert.ok(Math.abs(wide - wideContent) <= 4, `1200 px wide: iframe ${wide} px, map ${wideContent} px`);
  await page.close();
});

test('the embed code keeps the dataset, language and view of the map being viewed; one menu open at a time', async () => {
  const { page } = await openMap(browser.context, server.origin, '/?data=__fixtures__/linked.json&lang=uk', DESKTOP);
  await page.click('details.downloads summary');
  await page.click('details.embed summary');
  assert.equal(await page.locator('details.downloads').getAttribute('open'), null, 'the Download menu stayed open under Embed');
  const code = await page.locator('#embed-code').inputValue();
  const src = code.match(/<iframe[^>]*\ssrc="([^"]*)"/)?.[1];
  assert.ok(src, `no iframe src in ${code}`);
  const url = new URL(src.replaceAll('&amp;', '&'));
  assert.equal(url.searchParams.get('embed'), '1');
  assert.equal(url.searchParams.get('data'), '__fixtures__/linked.json', `iframe src ${src}`);
  assert.equal(url.searchParams.get('lang'), 'uk', `iframe src ${src}`);
  await page.close();
});

test('SVG and PNG downloads: the view with its legs, title and credits; PNG at 2×', async () => {
  const data = bundledDataset();
  const title = data.meta.title[data.meta.language];
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  await openDownloads(page);
  const svgFile = await download(page, 'svg');
  assert.match(svgFile.name, /\.svg$/);
  const svg = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const paths = [...root.querySelectorAll('g.flow path')].filter((p) => !p.closest('.against-mark'));
    const lines = paths.filter((p) => p.getAttribute('fill') === 'none' && !p.hasAttribute('stroke-opacity'));
    const arrows = paths.filter((p) => p.getAttribute('fill') !== 'none');
    return {
      parserErrors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      flows: root.querySelectorAll('g.flow').length,
      lines: lines.length,
      arrows: arrows.length,
      marks: root.querySelectorAll('g.flow .against-mark').length,
      text: [...root.querySelectorAll('text')].map((t) => t.textContent).join(' ').replace(/\s+/g, ' '),
    };
  }, svgFile.body.toString('utf8'));
  assert.equal(svg.parserErrors, 0, 'the SVG does not parse');
  assert.equal(svg.root, 'svg');
  assert.equal(svg.ns, 'http://www.w3.org/2000/svg');
  const shown = await page.locator('svg.map g.flow').count();
  const legs = await page.locator('svg.map g.flow path.line').count();
  assert.equal(legs, data.flows.reduce((n, f) => n + (f.via?.length ?? 0) + 1, 0));
  assert.equal(svg.flows, shown, 'flow groups in the SVG');
  assert.equal(svg.lines, legs, 'legs in the SVG');
  assert.equal(svg.arrows, legs, 'arrowheads in the SVG');
  // Flows someone cited denies or disputes carry their mark, explained in the legend.
  const against = data.flows.filter((f) => f.citations.some((c) => c.stance === 'denies' || c.stance === 'disputes')).length;
  assert.ok(against > 0);
  assert.equal(svg.marks, against, 'marks of denied or disputed flows in the SVG');
  assert.match(svg.text, /denied or disputed by someone cited/);
  assert.ok(svg.text.includes(title), `SVG lacks the title "${title}"`);
  assert.match(svg.text, /Natural Earth/);
  assert.match(svg.text, /Source: /);
  const mapWidth = await page.locator('svg.map').evaluate((s) => s.getBoundingClientRect().width);
  assert.ok(Math.abs(svg.width - mapWidth) < 1, `SVG ${svg.width} wide, the map ${mapWidth}`);

  const pngFile = await download(page, 'png-2x');
  assert.equal(pngFile.name, 'flowmap-2x.png');
  const png = pngSize(pngFile.body);
  assert.equal(png.width, Math.round(2 * svg.width), 'PNG width');
  assert.equal(png.height, Math.round(2 * svg.height), 'PNG height');
  assert.deepEqual(errors, []);
  await page.close();
});

test('CSV and JSON downloads hold the flows shown, and follow the filters', async () => {
  const data = bundledDataset();
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  await openDownloads(page);

  const check = async (label) => {
    const ids = await shownIds(page);
    const csvFile = await download(page, 'csv');
    assert.match(csvFile.name, /\.csv$/);
    const [header, ...rows] = parseCsv(csvFile.body.toString('utf8')).filter((r) => r.some((f) => f !== ''));
    assert.equal(header[0], 'id', `${label}: CSV header ${header}`);
    for (const name of ['from', 'to', 'category', 'status']) assert.ok(header.includes(name), `${label}: CSV lacks ${name}`);
    for (const r of rows) assert.equal(r.length, header.length, `${label}: CSV row ${r[0]} has ${r.length} fields`);
    assert.equal(rows.length, ids.length, `${label}: CSV rows`);
    assert.deepEqual(rows.map((r) => r[0]).sort(), ids, `${label}: CSV ids`);

    const jsonFile = await download(page, 'json');
    assert.match(jsonFile.name, /\.json$/);
    const json = JSON.parse(jsonFile.body.toString('utf8'));
    assert.ok(Array.isArray(json.flows), `${label}: JSON has no flows array`);
    assert.equal(json.flows.length, ids.length, `${label}: JSON flows`);
    assert.deepEqual(json.flows.map((f) => f.id).sort(), ids, `${label}: JSON ids`);
    return ids;
  };

  const all = await check('unfiltered');
  assert.equal(all.length, data.flows.length);

  // Hide the first category: fewer flows on the map, and in the files.
  const box = page.locator('section.filters fieldset').first().locator('input[type="checkbox"]').first();
  await box.uncheck();
  await page.waitForFunction((n) => document.querySelectorAll('svg.map g.flow').length < n, all.length);
  const some = await check('one category hidden');
  assert.ok(some.length > 0 && some.length < all.length, `${some.length} of ${all.length} flows after filtering`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('dist/fallback.png and the social cards: pictures of the map (made by scripts/fallback.mjs)', () => {
  const file = path.join(DIST, 'fallback.png');
  assert.ok(fs.existsSync(file), 'dist/fallback.png is missing: run node scripts/fallback.mjs after the build');
  const { width, height } = pngSize(fs.readFileSync(file));
  assert.equal(width, 1280);
  assert.ok(height >= 600 && height <= 4000, `fallback.png is ${height} px high`);
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<img src="fallback\.png"/);
  assert.match(html, /property="og:image" content="fallback\.en\.png"/);
  for (const lang of ['en', 'ru', 'uk', 'sr-Latn', 'sr-Cyrl']) {
    const card = path.join(DIST, `fallback.${lang}.png`);
    assert.ok(fs.existsSync(card), `dist/fallback.${lang}.png is missing`);
    assert.deepEqual(pngSize(fs.readFileSync(card)), { width: 1200, height: 630 }, `fallback.${lang}.png`);
  }
});

/** The page's head as the app leaves it: title, description, locale and picture. */
async function head(page) {
  return page.evaluate(() => {
    const meta = (attr, name) => document.head.querySelector(`meta[${attr}="${name}"]`)?.getAttribute('content') ?? null;
    return {
      title: document.title,
      description: meta('name', 'description'),
      ogTitle: meta('property', 'og:title'),
      locale: meta('property', 'og:locale'),
      image: meta('property', 'og:image'),
    };
  });
}

test('the page title, description and social card follow the dataset and the language', async () => {
  const data = bundledDataset();
  for (const lang of ['ru', 'sr-Cyrl']) {
    const { page, errors } = await openMap(browser.context, server.origin, `/?lang=${lang}`, DESKTOP);
    await page.waitForFunction((t) => document.title === t, data.meta.title[lang]);
    const h = await head(page);
    assert.equal(h.ogTitle, data.meta.title[lang]);
    assert.equal(h.description, data.meta.subtitle[lang]);
    assert.equal(h.locale, { ru: 'ru_RU', 'sr-Cyrl': 'sr_RS' }[lang]);
    assert.equal(h.image, `${server.origin}/fallback.${lang}.png`, 'the picture made for the language, as a full address');
    assert.deepEqual(errors, []);
    await page.close();
  }
  // Another dataset: its own title, its summary as the description, and no picture of the bundled story.
  const { page, errors } = await openMap(browser.context, server.origin, '/?data=__fixtures__/linked.json', DESKTOP);
  await page.waitForFunction(() => document.title === 'Two flows');
  const h = await head(page);
  assert.equal(h.ogTitle, 'Two flows');
  assert.match(h.description, /^2 flows/);
  assert.equal(h.image, null);
  assert.deepEqual(errors, []);
  await page.close();
});
