// The time player: a month a second from the dataset's first month to its last, announced
// politely; it stops at the end and when the reader changes a filter; with reduced motion a
// stepper (previous, next month) instead, and no transition anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openMap, axe } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

const play = (page) => page.locator('.player .play');
const said = (page) => page.locator('.player-month');
const first = (page) => page.getByRole('slider', { name: 'First month' });
const last = (page) => page.getByRole('slider', { name: 'Last month' });
const months = async (page) => [await first(page).inputValue(), await last(page).inputValue()].map(Number);

/** Opens the map with the page's timers under the test's control. */
async function openWithClock(url, viewport, media = {}) {
  const page = await browser.context.newPage();
  await page.clock.install();
  // The fake clock's timer ids (10^12 and up) do not fit the 32-bit ids the wasm passes back
  // to clearInterval and clearTimeout: the page is given small ids for them.
  await page.addInitScript(() => {
    for (const [set, clear] of [['setInterval', 'clearInterval'], ['setTimeout', 'clearTimeout']]) {
      const [s, c, ids] = [window[set], window[clear], new Map()];
      let n = 0;
      window[set] = (...args) => { n += 1; ids.set(n, s(...args)); return n; };
      window[clear] = (id) => { c(ids.get(id)); ids.delete(id); };
    }
  });
  await page.setViewportSize(viewport);
  if (media.reducedMotion) await page.emulateMedia(media);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.origin + url);
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  await page.clock.runFor(1500);
  await page.waitForSelector('.player', { state: 'attached' });
  return { page, errors };
}

test('play shows a month a second, says it politely, and stops at the last month', async () => {
  const { page, errors } = await openWithClock('/', DESKTOP);
  const start = Number(await first(page).getAttribute('min'));
  const end = Number(await first(page).getAttribute('max'));
  assert.equal(await said(page).getAttribute('aria-live'), 'polite');
  assert.equal(await play(page).innerText(), 'Play month by month');
  await play(page).click();
  assert.deepEqual(await months(page), [start, start], 'the first month alone');
  assert.equal(await play(page).innerText(), 'Pause');
  const opening = await said(page).innerText();
  assert.match(opening, /^[A-Z][a-z]{2} \d{4}/, `the month is said (${opening})`);
  await page.clock.runFor(1000);
  assert.deepEqual(await months(page), [start + 1, start + 1], 'a second later, the next month');
  assert.notEqual(await said(page).innerText(), opening);
  // An event's month says the event.
  await page.clock.runFor(1000 * (end - start));
  assert.deepEqual(await months(page), [end, end], 'stopped at the last month');
  assert.equal(await play(page).innerText(), 'Play month by month', 'and no longer playing');
  await page.clock.runFor(3000);
  assert.deepEqual(await months(page), [end, end], 'it stays there');
  await page.waitForFunction(() => /from=\d{4}-\d{2}&to=\d{4}-\d{2}/.test(location.hash));
  // Played again from the end: from the start.
  await play(page).click();
  assert.deepEqual(await months(page), [start, start]);
  await play(page).click();
  assert.equal(await play(page).innerText(), 'Play month by month', 'Pause pauses');
  await page.clock.runFor(2000);
  assert.deepEqual(await months(page), [start, start], 'paused: the month stays');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the months with events say them as they pass', async () => {
  const { page, errors } = await openWithClock('/#from=2022-01&to=2022-01', DESKTOP);
  await play(page).click();
  await page.clock.runFor(1000);
  assert.match(await said(page).innerText(), /^Feb 2022: Russia's full-scale invasion of Ukraine/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a filter changed by the reader pauses the play', async () => {
  const { page, errors } = await openWithClock('/', DESKTOP);
  await play(page).click();
  await page.clock.runFor(2000);
  const at = await months(page);
  await page.locator('.filters .check input').first().uncheck();
  await page.clock.runFor(1000);
  assert.equal(await play(page).innerText(), 'Play month by month', 'paused by the change, instead of the next step');
  await page.clock.runFor(2000);
  assert.deepEqual(await months(page), at, 'the month stays');
  assert.deepEqual(errors, []);
  await page.close();
});

test('with reduced motion: previous and next month instead of a play, and every transition instant', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, errors } = await openWithClock('/', viewport, { reducedMotion: 'reduce' });
    if (viewport === PHONE) await page.locator('.filters-toggle').click();
    assert.equal(await play(page).isVisible(), false, 'no play button');
    const next = page.getByRole('button', { name: 'Next month' });
    const previous = page.getByRole('button', { name: 'Previous month' });
    const start = Number(await first(page).getAttribute('min'));
    const end = Number(await first(page).getAttribute('max'));
    await next.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await months(page), [start, start]);
    await previous.click();
    assert.deepEqual(await months(page), [start, start], 'nothing before the first month');
    await next.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await months(page), [start + 1, start + 1]);
    await previous.click();
    assert.deepEqual(await months(page), [start, start]);
    await page.clock.runFor(3000);
    assert.deepEqual(await months(page), [start, start], 'nothing moves by itself');
    await page.evaluate((m) => { location.hash = `#from=${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}&to=${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`; }, end);
    await page.waitForFunction((m) => Number(document.querySelector('input[type=range]').value) === m, end);
    await next.click();
    assert.deepEqual(await months(page), [end, end], 'nothing after the last');
    // No element of the page moves over time: every transition and animation is instant.
    const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
      .map((el) => [el, getComputedStyle(el)])
      .filter(([, s]) => s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
        || (s.animationName !== 'none' && s.animationDuration.split(',').some((d) => parseFloat(d) > 0)))
      .map(([el]) => el.tagName + (el.className ? `.${String(el.className.baseVal ?? el.className)}` : '')));
    assert.deepEqual(moving, []);
    assert.deepEqual(await axe(page), []);
    if (viewport === PHONE) await page.screenshot({ path: '/tmp/finder-stepper-375.png', fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the player at 375 px and 1280 px, playing', async () => {
  for (const [viewport, name] of [[DESKTOP, '1280'], [PHONE, '375']]) {
    const { page, errors } = await openWithClock('/', viewport);
    if (viewport === PHONE) await page.locator('.filters-toggle').click();
    await play(page).click();
    await page.clock.runFor(3000);
    await page.locator('.player').scrollIntoViewIfNeeded();
    const box = await page.locator('.player').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, 'the player fits the width');
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `/tmp/finder-player-${name}.png` });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
