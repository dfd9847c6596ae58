// Hostile text (issue 22): tests/fixtures/hostile.json (written by scripts/hostile.mjs) fills
// every text field and id with HTML, script, URL and CSS payloads, each of which, if it ran,
// would set window.__pwned or open a dialog. The map is read, hovered, focused, pinned,
// filtered, reloaded from its hash, shown as a table, downloaded and embedded; nothing may
// run, and every payload must show as the literal text it is.
//
// The browser here lifts the page's Content-Security-Policy (bypassCSP): the policy would
// block inline scripts and handlers anyway, and must not be what hides a text that was
// parsed as HTML. The policy itself is tested in hardening.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serveDist, launch, openMap, hoverFlow, parseCsv, ROOT } from './harness.mjs';

let server;
let browser;
const dialogs = [];
before(async () => {
  server = await serveDist();
  browser = await launch({ bypassCSP: true });
  // Any alert, confirm or prompt, from any page of the browser.
  browser.context.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
});
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const read = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures', name), 'utf8'));
const DATA = read('hostile.json');
const LINKS = read('hostile-links.json');
const en = (t) => (typeof t === 'string' ? t : t.en);
const IDS = DATA.flows.map((f) => f.id);

/** Runs before the page's scripts: the sentinel stays unset unless a payload runs. */
function guard() {
  Object.defineProperty(window, '__pwnedBy', { value: [], writable: false });
  let value;
  Object.defineProperty(window, '__pwned', {
    get: () => value,
    set: (v) => { value = v; window.__pwnedBy.push(String(v)); },
    configurable: false,
  });
  // The flow group of an id, found by comparing the attribute (ids are not safe in selectors).
  window.__flowById = (id) => [...document.querySelectorAll('svg.map g.flow')].find((g) => g.getAttribute('data-flow-id') === id);
}

/** Opens the map on `url`, watching for payloads. */
async function open(url, viewport = DESKTOP) {
  return openMap(browser.context, server.origin, url, viewport, { init: guard });
}

/** What would show that a payload was parsed as markup or ran: elements the app never makes,
 * any `on…` attribute, links that are not http(s); and the sentinel. */
function injected(page) {
  return page.evaluate(() => {
    const found = [...window.__pwnedBy].map((t) => `ran: ${t}`);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        if (/^\s*(javascript|vbscript|data):/i.test(a.value) && a.name !== 'href') found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
      }
    }
    const markup = 'body script, body style, img, iframe, object, embed, math, foreignObject, animate, body svg svg, a:not([href])';
    for (const el of document.querySelectorAll(markup)) found.push(`<${el.localName}> in the page`);
    return found;
  });
}

/** Every link of the page: only http(s), and each opening a new tab keeps no tie to the map. */
async function checkLinks(page, where) {
  const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => ({
    href: a.getAttribute('href'), protocol: a.protocol, target: a.target, rel: a.rel.split(/\s+/), external: a.origin !== location.origin,
  })));
  for (const l of links) {
    assert.ok(l.protocol === 'http:' || l.protocol === 'https:', `${where}: a link that is not http(s): ${l.href}`);
    if (l.target === '_blank' || l.external) {
      assert.ok(l.rel.includes('noopener') && l.rel.includes('noreferrer'), `${where}: ${l.href} opens without rel="noopener noreferrer"`);
    }
  }
  return links;
}

/** The map's text and accessible names (labels that would collide are not drawn, but every
 * place is named to screen readers). */
const mapText = (page) => page.locator('svg.map').evaluate((s) => [s.textContent, ...[...s.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))].join('\n'));

/** Moves the mouse onto a visible point of flow `id`. */
const hover = hoverFlow;

/** Focuses flow `id` as the keyboard would. */
const focus = (page, id) => page.evaluate((id) => window.__flowById(id).focus(), id);

/** Elements wider than their box (a long word that does not wrap), and the page's own
 * horizontal overflow. */
const overflow = (page, selector) => page.evaluate((sel) => [
  // (Text for screen readers only is clipped to a pixel on purpose.)
  ...[...document.querySelectorAll(sel)].filter((e) => !e.closest('.visually-hidden') && e.scrollWidth > e.clientWidth + 1).map((e) => `${e.localName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
  ...(document.documentElement.scrollWidth > innerWidth ? [`the page: ${document.documentElement.scrollWidth} > ${innerWidth}`] : []),
], selector);

/** The flow id of the focused element, if it is (in) a flow. */
const focused = (page) => page.evaluate(() => document.activeElement?.closest('g.flow')?.getAttribute('data-flow-id') ?? null);

/** Clicks an export button (the Download menu must be open) and returns the saved file. */
async function download(page, kind) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.click(`details.downloads button[data-export="${kind}"]`),
  ]);
  return fs.readFileSync(await file.path(), 'utf8');
}


test('the committed fixtures are what scripts/hostile.mjs writes', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/hostile.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('hostile.json: every flow draws with its id intact, and every text shows as literal text', async () => {
  const { page, errors, outside } = await open('/?data=__fixtures__/hostile.json');
  const drawn = await page.locator('svg.map g.flow').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-flow-id')));
  assert.deepEqual(drawn.sort(), [...IDS].sort(), 'flows drawn');
  await page.locator('footer .credit').waitFor();
  const text = (sel) => page.locator(sel).first().evaluate((e) => e.textContent);
  assert.equal(await text('h1'), DATA.meta.title.en);
  assert.equal(await text('header .subtitle'), DATA.meta.subtitle.en);
  assert.equal(await text('footer .notes'), DATA.meta.notes.en);
  assert.ok((await text('footer .credit')).includes(DATA.meta.credit), 'credit line');
  const legend = await text('.legend');
  for (const c of DATA.categories) assert.ok(legend.includes(en(c.name)), `legend lacks ${en(c.name)}`);
  const sources = await text('footer .sources');
  for (const s of DATA.sources) assert.ok(sources.includes(en(s.outlet)), `sources line lacks ${en(s.outlet)}`);
  const labels = await mapText(page);
  for (const l of DATA.locations) assert.ok(labels.includes(en(l.name)), `map lacks the name ${en(l.name)}`);
  const filters = await text('section.filters');
  for (const s of DATA.speakers) assert.ok(filters.includes(en(s.name)), `speaker menu lacks ${en(s.name)}`);
  assert.ok(filters.includes(en(DATA.events[0].label)) || (await page.locator('.event-tick').evaluateAll((t) => t.map((e) => e.title).join('\n'))).includes(en(DATA.events[0].label)), 'event label');
  assert.equal(await page.locator('.problems').count(), 0, 'the fixture is valid: no problem listed');
  assert.deepEqual(await overflow(page, 'footer, footer p, header, section.filters, section.filters label, .legend'), [], 'a long word widens the page');
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(outside, []);
  await page.close();
});

test('hostile.json: hover, focus and pin every flow; the hash reopens it; Escape returns focus to it', async () => {
  const { page, errors } = await open('/?data=__fixtures__/hostile.json');
  for (const flow of DATA.flows) {
    await hover(page, flow.id);
    const tip = page.locator('.tooltip');
    await tip.waitFor();
    assert.ok((await tip.evaluate((t) => t.textContent)).includes(en(flow.description)), `tooltip of ${flow.id}`);
    assert.deepEqual(await overflow(page, '.tooltip, .tooltip *'), [], `tooltip of ${flow.id}: a long word overflows`);
    await page.mouse.move(2, 2);
    await focus(page, flow.id);
    await tip.waitFor();
    assert.ok((await tip.evaluate((t) => t.textContent)).includes(en(flow.description)), `focus tooltip of ${flow.id}`);
  }
  for (const flow of DATA.flows) {
    await focus(page, flow.id);
    await page.keyboard.press('Enter');
    const panel = page.locator('aside.detail-panel');
    await page.waitForFunction((id) => document.querySelector('aside.detail-panel')?.getAttribute('data-flow-id') === id, flow.id);
    const quotes = await panel.locator('blockquote').evaluateAll((qs) => qs.map((q) => q.textContent));
    assert.deepEqual(quotes.sort(), flow.citations.map((c) => c.quote).sort(), `quotes of ${flow.id}`);
    if (flow.note) assert.equal(await panel.locator('.note').evaluate((n) => n.textContent), en(flow.note), `note of ${flow.id}`);
    const body = await panel.evaluate((p) => p.textContent);
    for (const a of [...(flow.actors?.from ?? []), ...(flow.actors?.to ?? [])]) assert.ok(body.includes(en(a)), `panel of ${flow.id} lacks actor ${en(a)}`);
    await checkLinks(page, `panel of ${flow.id}`);
    assert.deepEqual(await overflow(page, 'aside.detail-panel, aside.detail-panel p'), [], `panel of ${flow.id}: a long word overflows`);
    assert.deepEqual(await injected(page), [], `panel of ${flow.id}`);

    // The id went into the hash; a reload with it pins the same flow.
    // (Waited for: the address is written after the panel opens.)
    await page.waitForFunction((id) => new URLSearchParams(location.hash.slice(1)).get('flow') === id, flow.id);
    await page.reload();
    // (The whole map: until then the page's first frame covers it, the panel included.)
    await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
    await page.waitForFunction((id) => document.querySelector('aside.detail-panel')?.getAttribute('data-flow-id') === id, flow.id, { timeout: 20000 });
    // Escape closes the panel and gives the focus back to the flow it was about.
    await page.keyboard.press('Escape');
    await page.locator('aside.detail-panel').waitFor({ state: 'detached' });
    assert.equal(await focused(page), flow.id, `focus after closing the panel of ${flow.id}`);
  }
  // The panels had links (http(s) ones, with payloads in them): the check above saw some.
  await focus(page, IDS[0]);
  await page.keyboard.press('Enter');
  assert.ok((await checkLinks(page, 'panel')).length > 0, 'no link in the panel of the first flow');
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile.json: filters by hostile source, speaker and category ids survive a reload from the hash', async () => {
  const { page, errors } = await open('/?data=__fixtures__/hostile.json');
  await page.locator('section.filters').waitFor();
  const shown = () => page.locator('svg.map g.flow:not(.filtered)').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-flow-id')).sort());
  const source = DATA.sources[1].id;
  await page.locator('label.source select').selectOption({ value: source });
  const citing = DATA.flows.filter((f) => f.citations.some((c) => c.source === source)).map((f) => f.id).sort();
  await page.waitForFunction((n) => document.querySelectorAll('svg.map g.flow:not(.filtered)').length === n, citing.length);
  assert.deepEqual(await shown(), citing);
  await page.waitForFunction(() => location.hash.includes('src='));
  await page.reload();
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  await page.locator('label.source select').waitFor();
  assert.equal(await page.locator('label.source select').inputValue(), source, 'source menu after reload');
  assert.deepEqual(await shown(), citing, 'flows after reload');

  await page.locator('section.filters button', { hasText: /reset/i }).click();
  const speaker = DATA.speakers[0].id;
  await page.locator('label.speaker select').selectOption({ value: speaker });
  const spoken = DATA.flows.filter((f) => f.citations.some((c) => c.speaker === speaker)).map((f) => f.id).sort();
  await page.waitForFunction((n) => document.querySelectorAll('svg.map g.flow:not(.filtered)').length === n, spoken.length);
  // The count may already be right before the filter is written to the address.
  await page.waitForFunction(() => location.hash.includes('who='));
  await page.reload();
  await page.locator('label.speaker select').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('label.speaker select').inputValue(), speaker, 'speaker menu after reload');

  await page.locator('section.filters button', { hasText: /reset/i }).click();
  // Hide the first category, whose id has quotes and markup in it.
  const box = page.locator('section.filters fieldset').first().locator('input[type="checkbox"]').first();
  await box.uncheck();
  const rest = DATA.flows.filter((f) => f.category !== DATA.categories[0].id).map((f) => f.id).sort();
  await page.waitForFunction((n) => document.querySelectorAll('svg.map g.flow:not(.filtered)').length === n, rest.length);
  await page.waitForFunction(() => location.hash.includes('cat='));
  await page.reload();
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  await page.locator('section.filters').waitFor();
  assert.deepEqual(await shown(), rest, 'flows after reload with a hidden category');
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile.json: the table, the downloads and the embed code keep the payloads inert', async () => {
  const { page, errors } = await open('/?data=__fixtures__/hostile.json');
  await page.locator('.view-switch button').nth(1).click();
  await page.locator('.table-wrap table').waitFor();
  const rows = await page.locator('.table-wrap tr[data-flow-id]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-flow-id')));
  assert.deepEqual(rows.sort(), [...IDS].sort(), 'table rows');
  const table = await page.locator('.table-wrap').evaluate((t) => t.textContent);
  for (const f of DATA.flows) assert.ok(table.includes(en(f.description)), `table lacks ${en(f.description).slice(0, 40)}`);
  assert.ok((await checkLinks(page, 'table')).length > 0, 'no link in the table');
  assert.deepEqual(await injected(page), [], 'table');
  await page.locator('.view-switch button').nth(0).click();
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow');

  await page.click('details.downloads summary');
  await page.locator('details.downloads button[data-export="csv"]').waitFor({ state: 'visible' });
  const svg = await download(page, 'svg');
  // Every tag is real markup (text has its < escaped): none may carry a handler or a script URL.
  assert.doesNotMatch(svg, /<script/i);
  assert.doesNotMatch(svg, /<foreignObject/i);
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `handler in the SVG: ${tag.slice(0, 80)}`);
    assert.doesNotMatch(tag, /javascript:|vbscript:|data:/i, `script URL in the SVG: ${tag.slice(0, 80)}`);
  }
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { errors: doc.getElementsByTagName('parsererror').length, text: doc.documentElement.textContent };
  }, svg);
  assert.equal(parsed.errors, 0, 'the SVG does not parse (a character XML forbids?)');
  // The title, as text (the characters XML forbids are left out of the file).
  const xmlSafe = (s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  for (const word of DATA.meta.title.en.split(/\s+/)) assert.ok(parsed.text.includes(xmlSafe(word)), `SVG lacks "${word}" of the title`);
  for (const c of DATA.categories) assert.ok(parsed.text.includes(xmlSafe(en(c.name))), `SVG legend lacks ${en(c.name)}`);

  // Opened on its own, as a reader might after downloading it: nothing runs.
  const svgUrl = `${server.origin}/__download__/flowmap.svg`;
  const alone = await browser.context.newPage();
  await alone.addInitScript(guard);
  await alone.route(svgUrl, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
  const aloneErrors = [];
  alone.on('pageerror', (e) => aloneErrors.push(String(e)));
  await alone.goto(svgUrl);
  await alone.waitForTimeout(500);
  assert.equal(await alone.evaluate(() => document.documentElement.localName), 'svg');
  assert.deepEqual(await alone.evaluate(() => window.__pwnedBy), []);
  assert.equal(await alone.evaluate(() => document.querySelectorAll('script, foreignObject, [onload], [onerror]').length), 0);
  assert.deepEqual(aloneErrors, []);
  await alone.close();

  const csv = parseCsv(await download(page, 'csv')).filter((r) => r.some((f) => f !== ''));
  const [header, ...lines] = csv;
  const at = (name) => header.indexOf(name);
  assert.deepEqual(lines.map((r) => r[at('id')]).sort(), [...IDS].sort(), 'CSV ids');
  for (const f of DATA.flows) {
    const row = lines.find((r) => r[at('id')] === f.id);
    // A text a spreadsheet would run as a formula comes after an apostrophe.
    const formula = /^[=+\-@\t\r]/.test(en(f.description));
    assert.equal(row[at('description')], `${formula ? "'" : ''}${en(f.description)}`, `CSV description of ${f.id}`);
  }
  assert.ok(DATA.flows.some((f) => en(f.description).startsWith('=')), 'the fixture has a formula');
  assert.ok(!lines.some((r) => r.some((c) => /^[=+@\t\r]/.test(c))), 'a CSV field starts a formula');
  const json = JSON.parse(await download(page, 'json'));
  assert.deepEqual(json.flows.map((f) => f.id).sort(), [...IDS].sort(), 'JSON ids');
  assert.deepEqual(json.flows.map((f) => f.citations.map((c) => c.quote)), DATA.flows.map((f) => f.citations.map((c) => c.quote)), 'JSON quotes');
  assert.deepEqual(json.meta, DATA.meta, 'JSON meta');

  await page.click('details.embed summary');
  const code = await page.locator('#embed-code').inputValue();
  // Attribute values: no raw quote or angle bracket, every & starts a reference.
  for (const [, name, value] of code.matchAll(/\s([a-z-]+)="([^"]*)"/g)) {
    assert.doesNotMatch(value, /[<>]/, `embed code: ${name} holds < or >`);
    assert.doesNotMatch(value, /&(?!(amp|lt|gt|quot);)/, `embed code: ${name} holds a bare &`);
  }
  const snippet = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const frame = doc.querySelector('iframe');
    return {
      elements: [...doc.body.querySelectorAll('*'), ...doc.head.querySelectorAll('*')].map((e) => e.localName).sort(),
      attributes: frame && [...frame.attributes].map((a) => a.name).sort(),
      title: frame?.getAttribute('title'),
      src: frame?.getAttribute('src'),
    };
  }, code);
  assert.deepEqual(snippet.elements, ['iframe', 'script']);
  assert.deepEqual(snippet.attributes, ['data-flowmap', 'height', 'loading', 'src', 'style', 'title', 'width']);
  assert.equal(snippet.title, `Map: ${DATA.meta.title.en}`, 'the frame title reads back as the dataset title');
  assert.equal(new URL(snippet.src).searchParams.get('data'), '__fixtures__/hostile.json');
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile.json in every interface language: the names per language show as text', async () => {
  for (const lang of ['ru', 'uk', 'sr-Latn', 'sr-Cyrl']) {
    const { page, errors } = await open(`/?data=__fixtures__/hostile.json&lang=${lang}`);
    assert.equal(await page.locator('h1').evaluate((h) => h.textContent), DATA.meta.title[lang], `${lang} title`);
    const labels = await mapText(page);
    for (const l of DATA.locations) {
      const name = typeof l.name === 'string' ? l.name : l.name[lang];
      assert.ok(labels.includes(name), `${lang}: map lacks the label ${name}`);
    }
    await focus(page, IDS[1]);
    await page.keyboard.press('Enter');
    await page.locator('aside.detail-panel').waitFor();
    assert.deepEqual(await injected(page), [], lang);
    assert.deepEqual(errors, [], `${lang}: console errors`);
    await page.close();
  }
  assert.deepEqual(dialogs, []);
});

test('hostile-links.json: links that are not http(s) are dropped and listed, never made clickable', async () => {
  const { page, errors } = await open('/?data=__fixtures__/hostile-links.json');
  const problems = await page.locator('.problems:not(.warnings) li').evaluateAll((ls) => ls.map((l) => l.textContent));
  assert.equal(problems.length, LINKS.sources.length, problems.join('\n'));
  // Each problem quotes its link as text.
  for (const s of LINKS.sources) assert.ok(problems.some((p) => p.includes(s.url.trim())), `no problem quotes ${s.url}`);
  const warnings = await page.locator('.problems.warnings li').evaluateAll((ls) => ls.map((l) => l.textContent));
  assert.ok(warnings.some((w) => w.includes(LINKS.flows[2].value.unit)), `the unit is not quoted as text: ${warnings}`);
  for (const id of IDS) {
    await focus(page, id);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('aside.detail-panel')?.getAttribute('data-flow-id') === id, id);
    assert.equal(await page.locator('aside.detail-panel a').count(), 0, `a link in the panel of ${id}`);
  }
  await page.locator('.view-switch button').nth(1).click();
  await page.locator('.table-wrap table').waitFor();
  assert.equal(await page.locator('.table-wrap a').count(), 0, 'a link in the table');
  await checkLinks(page, 'hostile links');
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile.json on a phone: long words and names wrap; the page never scrolls sideways', async () => {
  const { page, errors } = await open('/?data=__fixtures__/hostile.json', { width: 375, height: 740 });
  await page.locator('footer .credit').waitFor();
  // A phone folds the filters behind a button (phone.test.mjs): unfolded, their labels count.
  await page.locator('.filters-toggle').click();
  for (const id of [IDS[5], IDS[3], IDS[0]]) {
    await focus(page, id);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('aside.detail-panel')?.getAttribute('data-flow-id') === id, id);
    assert.deepEqual(await overflow(page, 'aside.detail-panel, aside.detail-panel *, footer p, section.filters label'), [], `phone, panel of ${id}`);
  }
  assert.deepEqual(await injected(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
