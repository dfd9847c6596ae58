// The place search: a combobox (WAI-ARIA 1.2, list autocomplete) that finds a place by
// any of its names, in every interface language, by keyboard alone; choosing one highlights
// its flows and zooms to them, Esc undoes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openMap, openPage, axe, bundledDataset } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const LANGS = ['en', 'ru', 'uk', 'sr-Latn', 'sr-Cyrl'];

const box = (page) => page.locator('#place-search');
const hash = (page) => page.evaluate(() => location.hash);

/** The ids of the flows highlighted on the map. */
const highlighted = (page) => page.$$eval('svg.map g.flow.active', (gs) => gs.map((g) => g.getAttribute('data-flow-id')));

/** Tabs from the page's start until the search box has the focus (keyboard alone). */
async function tabToSearch(page) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'place-search')) return;
  }
  throw new Error('Tab never reached the place search');
}

test('a place is found by keyboard in each of the five languages, by each of its names', async () => {
  const data = bundledDataset();
  const serbia = data.locations.find((l) => l.id === 'SRB');
  const through = data.flows
    .filter((f) => [f.from, ...(f.via ?? []), f.to].includes('SRB'))
    .map((f) => f.id)
    .sort();
  for (const lang of LANGS) {
    const { page, errors } = await openMap(browser.context, server.origin, `/?lang=${lang}`, DESKTOP);
    await page.waitForSelector('#place-search');
    await tabToSearch(page);
    // Typed in another language's name: the list still finds it, and shows the page's name.
    const other = LANGS[(LANGS.indexOf(lang) + 2) % LANGS.length];
    await page.keyboard.type(serbia.name[other].slice(0, 4));
    assert.equal(await box(page).getAttribute('aria-expanded'), 'true', `${lang}: the list opens`);
    await page.keyboard.press('ArrowDown');
    const active = await box(page).getAttribute('aria-activedescendant');
    assert.ok(active, `${lang}: ArrowDown makes an option active`);
    const option = page.locator(`[id="${active}"]`);
    assert.equal(await option.getAttribute('role'), 'option');
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.match(await option.innerText(), new RegExp(`^${serbia.name[lang]}`), `${lang}: the first option is Serbia, named in ${lang}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /place=SRB/.test(location.hash) && /zoom=/.test(location.hash));
    assert.equal(await box(page).inputValue(), serbia.name[lang]);
    assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'place-search', 'the focus stays in the box');
    await page.waitForFunction(() => !document.querySelector('svg.map g.view').hasAttribute('transform'));
    assert.deepEqual((await highlighted(page)).sort(), through, `${lang}: Serbia's flows are highlighted`);
    assert.ok(await page.locator('svg.map g.flows.focusing').count(), 'the other flows are dimmed');
    // The same in the page's own language, in capitals and without diacritics.
    await page.keyboard.press('Escape');
    assert.equal(await box(page).inputValue(), '', 'Esc on a closed list empties the box');
    await page.waitForFunction(() => !/place=|zoom=/.test(location.hash));
    assert.deepEqual(await highlighted(page), [], 'and nothing is highlighted any more');
    const czechia = data.locations.find((l) => l.id === 'CZE').name[lang];
    await page.keyboard.type(czechia.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase());
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /place=CZE/.test(location.hash));
    assert.equal(await box(page).inputValue(), czechia);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the combobox: arrows move through the options and wrap, Esc closes then clears, a link reopens the place', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  await box(page).focus();
  await page.keyboard.type('a');
  const options = page.locator('#place-options').getByRole('option');
  const n = await options.count();
  assert.ok(n > 2 && n <= 8, `a few options, at most 8 (${n})`);
  assert.equal(await page.getByRole('listbox').getAttribute('aria-labelledby'), 'place-search-label');
  assert.equal(await box(page).getAttribute('aria-controls'), 'place-options');
  assert.equal(await box(page).getAttribute('aria-activedescendant'), null, 'no option is active until an arrow is pressed');
  await page.keyboard.press('ArrowUp');
  assert.equal(await box(page).getAttribute('aria-activedescendant'), `place-option-${n - 1}`, 'ArrowUp goes to the last');
  await page.keyboard.press('ArrowDown');
  assert.equal(await box(page).getAttribute('aria-activedescendant'), 'place-option-0', 'and wraps to the first');
  assert.equal(await page.locator('[aria-selected="true"]').count(), 1);
  const violations = await axe(page);
  assert.deepEqual(violations, [], 'no axe-core violations with the list open');
  await page.screenshot({ path: '/tmp/finder-search-1280.png' });
  await page.keyboard.press('Escape');
  assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
  assert.equal(await box(page).inputValue(), 'a', 'the first Esc only closes the list');
  await page.keyboard.type('xq');
  assert.equal(await page.locator('.place-none').isVisible(), true, 'no match says so');
  assert.equal(await box(page).getAttribute('aria-expanded'), 'false');

  // Chosen by the pointer too; the choice is a history entry and a link.
  await page.keyboard.press('Escape');
  assert.equal(await box(page).inputValue(), '', 'with nothing listed, Esc empties the box');
  assert.equal(await page.locator('.place-none').isVisible(), false);
  await page.keyboard.type('kyr');
  await page.getByRole('option', { name: 'Kyrgyzstan' }).click();
  await page.waitForFunction(() => /place=KGZ/.test(location.hash));
  const link = await hash(page);
  await page.goBack();
  await page.waitForFunction(() => !/place=/.test(location.hash));
  await page.waitForFunction(() => document.querySelector('#place-search').value === '');
  assert.equal(await highlighted(page).then((h) => h.length), 0, 'Back empties the box and undoes the highlight');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#place-search').value === 'Kyrgyzstan');
  // Zoomed to the place, the map's first flow may be out of view: wait for the box.
  const again = await openPage(browser.context, server.origin, `/${link}`, DESKTOP);
  await again.page.waitForSelector('#place-search');
  assert.equal(await again.page.locator('#place-search').inputValue(), 'Kyrgyzstan', 'a link shows the place in the box');
  assert.ok((await highlighted(again.page)).length > 0, 'and highlights its flows');
  assert.deepEqual([...errors, ...again.errors], []);
  await again.page.close();
  await page.close();
});

test('on a phone the search is in view below the map, not folded with the filters', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/?lang=ru', PHONE);
  await page.waitForSelector('#place-search');
  assert.equal(await page.locator('.filters-toggle').getAttribute('aria-expanded'), 'false');
  assert.ok(await box(page).isVisible(), 'the search shows while the filters are folded');
  const { width } = await box(page).boundingBox();
  assert.ok(width >= 150, `the box is wide enough to type in (${width} px)`);
  await box(page).focus();
  await page.keyboard.type('бол');
  await page.keyboard.press('ArrowDown');
  const list = await page.getByRole('listbox').boundingBox();
  assert.ok(list.x >= 0 && list.x + list.width <= PHONE.width, 'the list fits the screen');
  await page.screenshot({ path: '/tmp/finder-search-375.png', fullPage: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /place=BGR/.test(location.hash));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
