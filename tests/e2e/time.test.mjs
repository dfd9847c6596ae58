// The time range and what follows the filters (history, the shaded span, the legend), the
// printed page, and the picture shown without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openMap, openPage, DIST, SHOTS } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
/** The handle's width in CSS px, as public/style.css draws it. */
const THUMB = 20;

const first = (page) => page.getByRole('slider', { name: 'First month' });
const last = (page) => page.getByRole('slider', { name: 'Last month' });
const historyLength = (page) => page.evaluate(() => history.length);
const label = (page) => page.locator('.time-label').innerText();

/** Where the centre of a slider's handle is on the page, from its value. */
async function handleCentre(slider) {
  return slider.evaluate((el, thumb) => {
    const r = el.getBoundingClientRect();
    const f = (el.valueAsNumber - Number(el.min)) / (Number(el.max) - Number(el.min));
    return { x: r.left + thumb / 2 + f * (r.width - thumb), y: r.top + r.height / 2 };
  }, THUMB);
}

/** Waits until the URL hash has been written and satisfies `check` (a regular expression). */
const hashMatches = (page, re) => page.waitForFunction((src) => new RegExp(src).test(location.hash), re.source);

test('dragging a handle adds one history entry; Back returns to the view before the drag', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const before = { length: await historyLength(page), label: await label(page), hash: await page.evaluate(() => location.hash) };
  await page.locator('fieldset.time').scrollIntoViewIfNeeded();
  const start = await handleCentre(first(page));
  const track = await first(page).boundingBox();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Many small steps, each across at least a month: one `input` event apiece.
  for (let i = 1; i <= 12; i += 1) await page.mouse.move(start.x + (i * track.width) / 30, start.y);
  await page.mouse.up();
  await hashMatches(page, /from=/);
  const moved = await label(page);
  assert.notEqual(moved, before.label, 'the drag moved the first month');
  assert.equal(await historyLength(page), before.length + 1, 'one history entry for the drag');
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('from='));
  assert.equal(await page.evaluate(() => location.hash), before.hash);
  assert.equal(await label(page), before.label, 'Back returns to the range before the drag');
  assert.deepEqual(errors, []);
  await page.close();
});

test('each key press on a handle is one history entry; Back undoes the last one', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const length = await historyLength(page);
  const end = Number(await last(page).getAttribute('max'));
  await last(page).focus();
  await page.keyboard.press('ArrowLeft');
  await hashMatches(page, /to=/);
  assert.equal(await last(page).evaluate((el) => el.valueAsNumber), end - 1);
  const once = await page.evaluate(() => location.hash);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((h) => location.hash !== h, once);
  assert.equal(await historyLength(page), length + 2);
  await page.goBack();
  await page.waitForFunction((h) => location.hash === h, once);
  assert.equal(await last(page).evaluate((el) => el.valueAsNumber), end - 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the span between the handles is shaded, from one handle\'s centre to the other\'s', async () => {
  for (const [viewport, name] of [[DESKTOP, 'time-1280.png'], [PHONE, 'time-375.png']]) {
    const { page } = await openMap(browser.context, server.origin, '/#from=2022-09&to=2024-06', viewport);
    // A phone folds the filters behind a button (phone.test.mjs).
    if (viewport === PHONE) await page.locator('.filters-toggle').click();
    await page.locator('.time-span').waitFor();
    const span = await page.locator('.time-span').boundingBox();
    const [a, b] = [await handleCentre(first(page)), await handleCentre(last(page))];
    assert.ok(Math.abs(span.x - a.x) <= 1, `span starts at ${span.x}, the first handle at ${a.x}`);
    assert.ok(Math.abs(span.x + span.width - b.x) <= 1, `span ends at ${span.x + span.width}, the last handle at ${b.x}`);
    assert.ok(Math.abs(span.y + span.height / 2 - a.y) <= 1.5, 'the span is on the track');
    // It is painted: neither transparent nor the track's colour.
    const colours = await page.evaluate(() => {
      const track = getComputedStyle(document.querySelector('.time-track'), '::before').backgroundColor;
      return { span: getComputedStyle(document.querySelector('.time-span')).backgroundColor, track };
    });
    assert.notEqual(colours.span, 'rgba(0, 0, 0, 0)');
    assert.notEqual(colours.span, colours.track);
    await page.locator('fieldset.time').screenshot({ path: path.join(SHOTS, name) });
    // In forced colours (Windows high contrast) it is drawn in the system's highlight colour.
    await page.emulateMedia({ forcedColors: 'active' });
    const forced = await page.evaluate(() => getComputedStyle(document.querySelector('.time-span')).backgroundColor);
    assert.notEqual(forced, colours.span);
    assert.notEqual(forced, 'rgba(0, 0, 0, 0)');
    await page.close();
  }
});

test('the legend lists what the filtered flows use; the summary follows too', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const goods = () => page.locator('.legend > div').first().locator('li').allInnerTexts();
  const summary = () => page.locator('.summary').innerText();
  const all = await goods();
  assert.ok(all.some((t) => t.includes('Energy')));
  const before = await summary();
  await page.getByRole('checkbox', { name: 'Energy' }).uncheck();
  await page.waitForFunction(() => ![...document.querySelectorAll('.legend li')].some((li) => li.textContent.includes('Energy')));
  assert.deepEqual(await goods(), all.filter((t) => !t.includes('Energy')));
  assert.notEqual(await summary(), before, 'the summary follows the filter');
  await page.getByRole('checkbox', { name: 'Energy' }).check();
  await page.waitForFunction((n) => document.querySelector('.legend > div').querySelectorAll('li').length === n, all.length);
  // The energy flows are dated 2023 and 2024: a range ending in 2022 leaves them off.
  await page.goto(`${server.origin}/#to=2022-12`);
  await page.reload();
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow');
  await page.locator('.legend').waitFor();
  assert.ok(!(await goods()).some((t) => t.includes('Energy')), 'a time range the energy flows are outside of');
  assert.deepEqual(errors, []);
  await page.close();
});

test('printed: no controls, light, the pinned flow\'s details below the map', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/?theme=dark#flow=srb-isr-arms', DESKTOP);
  await page.locator('.detail-panel').waitFor();
  await page.locator('.legend').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.filters', '.toolbar', '.zoom-buttons', '.detail-panel .close']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is printed`);
  }
  for (const sel of ['#graphic-title', 'svg.map', '.legend', '.graphic footer .sources', '.detail-panel blockquote']) {
    assert.equal(await page.locator(sel).first().isVisible(), true, `${sel} is not printed`);
  }
  const box = await page.evaluate(() => {
    const frame = document.querySelector('.map-frame').getBoundingClientRect();
    const panel = document.querySelector('.detail-panel');
    const p = panel.getBoundingClientRect();
    return { frameBottom: frame.bottom, panelTop: p.top, scroll: panel.scrollHeight, client: panel.clientHeight,
      bg: getComputedStyle(document.body).backgroundColor };
  });
  assert.ok(box.panelTop >= box.frameBottom, 'the panel is below the map');
  assert.ok(box.scroll <= box.client + 1, 'the panel is not cut off');
  assert.equal(box.bg, 'rgb(255, 255, 255)', 'printed on white, not the dark theme');
  await page.screenshot({ path: path.join(SHOTS, 'print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(SHOTS, 'print.pdf'), pdf);
  assert.ok(pdf.length > 10000);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without JavaScript, a phone gets the narrow picture, no wider than its screen', async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'fallback-narrow.png')), 'run node scripts/fallback.mjs after the build');
  const noJs = await launch({ javaScriptEnabled: false });
  try {
    const { page } = await openPage(noJs.context, server.origin, '/', PHONE);
    const img = page.locator('noscript img, img').first();
    await img.waitFor();
    await page.waitForFunction(() => document.querySelector('img').complete);
    const seen = await img.evaluate((el) => ({ width: el.getBoundingClientRect().width, src: el.currentSrc,
      page: document.documentElement.scrollWidth }));
    assert.ok(seen.width <= PHONE.width, `the picture is ${seen.width} px wide`);
    assert.ok(seen.page <= PHONE.width, `the page is ${seen.page} px wide`);
    assert.match(seen.src, /fallback-narrow\.png$/);
    await page.screenshot({ path: path.join(SHOTS, 'noscript-375.png') });
  } finally {
    await noJs.close();
  }
});
