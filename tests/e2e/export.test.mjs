// The SVG and PNG downloads stand alone: with filters on, the SVG says what the page says
// around the map (title, subtitle, the legend entries the page shows, notes, sources,
// credit) and which filters are on; no text of it runs past its edges when the browser draws
// it on its own; the PNGs come at 1× and 2× the SVG's size. Against dist/, at 1280 and 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openMap, bundledDataset, SHOTS } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); fs.mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

// Arms and dual-use goods, without the unverified claims, 2022 and 2023.
const FILTERS = '#cat=-energy,-other-trade&status=-unverified&from=2022-01&to=2023-12';

/** Clicks an export button (the Download menu must be open) and returns the saved file. */
async function download(page, kind) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.click(`details.downloads button[data-export="${kind}"]`),
  ]);
  return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(buf) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(buf.length > 24 && buf.subarray(0, 8).equals(signature), 'not a PNG (bad signature)');
  assert.equal(buf.toString('latin1', 12, 16), 'IHDR', 'first PNG chunk is not IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const words = (s) => s.replace(/\s+/g, ' ').trim();

/** What the page shows around the map, as its reader sees it. */
function pageTexts(page) {
  return page.evaluate(() => {
    const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.innerText.replace(/\s+/g, ' ').trim());
    return {
      title: text('#graphic-title')[0],
      subtitle: text('header .subtitle')[0],
      legend: text('section.legend li'),
      hints: text('section.legend .legend-hint'),
      categories: text('section.legend div:first-child li'),
      notes: text('footer .notes')[0],
      sources: text('footer .sources')[0],
      credit: text('footer .credit')[0],
    };
  });
}

/** Opens `svg` on its own, as a reader would after downloading it; screenshots it into
 * `shot`, and returns the texts that the browser draws past the picture's edges. */
async function openAlone(svg, shot) {
  const alone = await browser.context.newPage();
  const url = `${server.origin}/__download__/flowmap.svg`;
  await alone.route(url, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
  await alone.goto(url);
  const size = await alone.evaluate(() => ['width', 'height'].map((a) => Number(document.documentElement.getAttribute(a))));
  // The whole picture in the viewport (a full-page screenshot of an SVG document hangs).
  await alone.setViewportSize({ width: Math.ceil(size[0]), height: Math.ceil(size[1]) });
  const outside = await alone.evaluate((width) => [...document.querySelectorAll('text')]
    .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
    .filter(({ box }) => box.left < -0.5 || box.right > width + 0.5)
    .map(({ text, box }) => `${text} (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`), size[0]);
  await alone.screenshot({ path: shot });
  await alone.close();
  return outside;
}

for (const [name, viewport, query] of [
  ['1280', { width: 1280, height: 800 }, '/'],
  ['375', { width: 375, height: 740 }, '/?lang=ru'],
]) {
  test(`${name} px: the SVG download with filters on says what the page says, and the PNGs are 1× and 2×`, async () => {
    const data = bundledDataset();
    const { page, errors } = await openMap(browser.context, server.origin, query + FILTERS, viewport);
    await page.click('details.downloads summary');
    await page.locator('details.downloads button[data-export="csv"]').waitFor({ state: 'visible' });
    const shown = await pageTexts(page);
    const svgFile = await download(page, 'svg');
    assert.equal(svgFile.name, 'flowmap.svg');
    const svg = svgFile.body.toString('utf8');
    const doc = await page.evaluate((text) => {
      const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      return {
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        text: [...root.querySelectorAll('text')].map((t) => t.textContent).join(' ').replace(/\s+/g, ' '),
      };
    }, svg);
    const lang = query.includes('ru') ? 'ru' : 'en';
    for (const [what, text] of Object.entries({ title: shown.title, subtitle: shown.subtitle, notes: shown.notes, sources: shown.sources, credit: shown.credit })) {
      assert.ok(text, `the page shows no ${what}`);
      assert.ok(doc.text.includes(words(text)), `the SVG lacks the page's ${what}: ${text}`);
    }
    // Every legend entry and hint the page shows is in the SVG …
    assert.ok(shown.legend.length >= 5, `legend: ${shown.legend.join(' | ')}`);
    for (const entry of [...shown.legend, ...shown.hints]) {
      assert.ok(doc.text.includes(words(entry)), `the SVG lacks the legend's "${entry}"`);
    }
    // … and no goods the filters hide.
    const hidden = data.categories.filter((c) => ['energy', 'other-trade'].includes(c.id)).map((c) => c.name[lang]);
    assert.equal(hidden.length, 2);
    for (const name of hidden) assert.ok(!doc.text.includes(name), `the SVG lists the hidden "${name}"`);
    assert.equal(shown.categories.length, 2, `the page's goods: ${shown.categories.join(' | ')}`);
    // The filters in words: the goods shown, the claims shown, the period.
    const [intro, period] = lang === 'ru'
      ? ['Включены фильтры — ', 'период: январь 2022 – декабрь 2023']
      : ['Filters on — ', 'period: Jan 2022 – Dec 2023'];
    const filters = doc.text.slice(doc.text.indexOf(intro));
    assert.ok(doc.text.includes(intro), `no filters line in: ${doc.text.slice(0, 600)}`);
    for (const goods of shown.categories) {
      assert.ok(filters.toLowerCase().includes(goods.toLowerCase()), `the filters line lacks "${goods}": ${filters.slice(0, 300)}`);
    }
    assert.ok(filters.includes(period), `the filters line lacks the period: ${filters.slice(0, 300)}`);
    assert.ok(!/Click or press Enter|Hold Ctrl|Щёлкните|Удерживайте/.test(doc.text), 'an interaction hint in the SVG');

    for (const scale of [1, 2]) {
      const png = await download(page, `png-${scale}x`);
      assert.equal(png.name, `flowmap-${scale}x.png`);
      fs.writeFileSync(path.join(SHOTS, `export-${name}-${scale}x.png`), png.body);
      const size = pngSize(png.body);
      assert.equal(size.width, Math.round(scale * doc.width), `PNG ${scale}× width`);
      assert.equal(size.height, Math.round(scale * doc.height), `PNG ${scale}× height`);
    }
    fs.writeFileSync(path.join(SHOTS, `export-${name}.svg`), svg);
    const outside = await openAlone(svg, path.join(SHOTS, `export-${name}-alone.png`));
    assert.deepEqual(outside, [], 'texts past the SVG\'s edges');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('without filters the SVG says nothing of them', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', { width: 1280, height: 800 });
  await page.click('details.downloads summary');
  await page.locator('details.downloads button[data-export="csv"]').waitFor({ state: 'visible' });
  const svg = (await download(page, 'svg')).body.toString('utf8');
  assert.ok(!svg.includes('Filters on'), 'a filters line without filters');
  assert.deepEqual(await openAlone(svg, path.join(SHOTS, 'export-1280-unfiltered-alone.png')), []);
  assert.deepEqual(errors, []);
  await page.close();
});
