// The story (issue 21): each step restores its view exactly from a link (#step=N) and from
// the step controls; keys and swipes move between steps; touching a filter leaves the story
// and offers to return; reduced motion makes the zoom instant; the demo host page drives the
// steps by scrolling (docs/story-demo.html, copied into dist/ by the build); axe finds
// nothing in story mode.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { serveDist, launch, openMap, openPage, bundledDataset, axe } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const story = bundledDataset().story;

/** The flow ids a step's view shows, from the dataset. */
function expectedFlows(step) {
  const { categories = [], statuses = [] } = step.view;
  return bundledDataset().flows
    .filter((f) => (!categories.length || categories.includes(f.category)) && (!statuses.length || statuses.includes(f.status)))
    .map((f) => f.id).sort();
}

/** What the map shows once its zoom has rested: the flows drawn, the pinned flow's panel,
 * every marker's position, the hash and the card's count. */
async function shown(page) {
  await page.waitForFunction(() => !document.querySelector('svg.map g.view').hasAttribute('transform'));
  // Two quiet frames: the transition and the layout after it are done.
  await page.waitForTimeout(250);
  await page.waitForFunction(() => !document.querySelector('svg.map g.view').hasAttribute('transform'));
  return page.evaluate(() => ({
    flows: [...document.querySelectorAll('svg.map g.flow:not(.filtered)')].map((g) => g.dataset.flowId).sort(),
    panel: document.querySelector('.detail-panel')?.textContent.slice(0, 60) ?? null,
    markers: Object.fromEntries([...document.querySelectorAll('svg.map g.marker')].map((g) => {
      const c = g.querySelector('circle:not(.hit)');
      return [g.dataset.id, [Math.round(Number(c.getAttribute('cx'))), Math.round(Number(c.getAttribute('cy')))]];
    })),
    hash: location.hash,
    count: document.querySelector('.story-count')?.textContent ?? null,
  }));
}

test('each step restores its view from a link and from the step buttons', async () => {
  const byLink = [];
  for (let n = 1; n <= story.length; n++) {
    const { page, errors } = await openMap(browser.context, server.origin, `/#step=${n}`, DESKTOP);
    const s = await shown(page);
    assert.deepEqual(s.flows, expectedFlows(story[n - 1]), `step ${n}: the flows its filters show`);
    assert.equal(s.panel !== null, Boolean(story[n - 1].view.flow), `step ${n}: a panel only for a pinned flow`);
    assert.equal(s.hash, `#step=${n}`);
    assert.equal(s.count, `Step ${n} of ${story.length}`);
    assert.equal(await page.textContent('.story-title'), story[n - 1].title.en);
    byLink.push(s);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // The steps zoom: step 1 (Serbia and Russia) is not the whole map.
  const { page } = await openMap(browser.context, server.origin, '/', DESKTOP);
  const whole = await shown(page);
  assert.notDeepEqual(byLink[0].markers.SRB, whole.markers.SRB);
  await page.click('.story-start');
  for (let n = 1; n <= story.length; n++) {
    if (n > 1) await page.click(`.story-nav button[aria-label="Next step"]`);
    assert.deepEqual(await shown(page), byLink[n - 1], `step ${n} from the buttons is its link's view`);
  }
  assert.ok(await page.isDisabled('.story-nav button[aria-label="Next step"]'));
  await page.close();
});

test('a step pins its flow, from a link and from the buttons, and unpinning leaves the step', async () => {
  const url = `/?data=${encodeURIComponent('__fixtures__/story-pin.json')}`;
  const { page, errors } = await openMap(browser.context, server.origin, `${url}#step=1`, DESKTOP);
  const pinned = await shown(page);
  assert.deepEqual(pinned.flows, ['kits']);
  assert.match(pinned.panel, /Serbia/);
  await page.click('.story-nav button[aria-label="Next step"]');
  const two = await shown(page);
  assert.deepEqual([two.flows, two.panel, two.hash], [['goods', 'kits'], null, '#step=2']);
  await page.click('.story-nav button[aria-label="Previous step"]');
  assert.deepEqual(await shown(page), pinned);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.story-left');
  assert.deepEqual(errors, []);
  await page.close();
});

test('arrow keys and a swipe on the card move between steps; the browser Back returns', async () => {
  const { page } = await openMap(browser.context, server.origin, '/#step=2', PHONE);
  await shown(page);
  await page.focus('.story-nav button[aria-label="Next step"]');
  await page.keyboard.press('ArrowRight');
  assert.equal((await shown(page)).hash, '#step=3');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await shown(page)).hash, '#step=1');
  const box = await page.locator('.story').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 20, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, y, { steps: 5 });
  await page.mouse.up();
  assert.equal((await shown(page)).hash, '#step=2');
  await page.goBack();
  assert.equal((await shown(page)).hash, '#step=1');
  await page.close();
});

test('touching a filter leaves the story, says so, and offers to return', async () => {
  const { page } = await openMap(browser.context, server.origin, '/#step=3', DESKTOP);
  const step = await shown(page);
  await page.waitForSelector('.filters input[type=checkbox]');
  await page.locator('.filters input[type=checkbox]').first().click();
  await page.waitForSelector('.story-left');
  assert.match(await page.textContent('.story-left'), /You have left the story/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /step=/);
  await page.click('.story-left button');
  assert.deepEqual(await shown(page), step);
  await page.close();
});

test('a step zooms smoothly, and at once under reduced motion', async () => {
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const { page } = await openMap(browser.context, server.origin, '/#step=1', DESKTOP);
    await page.emulateMedia({ reducedMotion });
    await shown(page);
    await page.evaluate(() => {
      window.__shifts = [];
      const view = document.querySelector('svg.map g.view');
      new MutationObserver(() => window.__shifts.push(view.getAttribute('transform')))
        .observe(view, { attributes: true, attributeFilter: ['transform'] });
    });
    await page.click('.story-nav button[aria-label="Next step"]');
    await shown(page);
    const moves = (await page.evaluate(() => window.__shifts)).filter(Boolean);
    if (reducedMotion === 'reduce') assert.ok(moves.length <= 1, `${moves.length} steps under reduced motion`);
    else assert.ok(moves.length > 5, `only ${moves.length} frames of transition`);
    const animated = await page.evaluate(() => getComputedStyle(document.querySelector('svg.map g.flow')).animationName);
    assert.equal(animated, reducedMotion === 'reduce' ? 'none' : 'fm-fade-in');
    await page.close();
  }
});

test('callouts and rings are drawn clear of labels, read in the card, and in the SVG download', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    for (let n = 1; n <= story.length; n++) {
      const { page } = await openMap(browser.context, server.origin, `/#step=${n}`, viewport);
      await shown(page);
      const drawn = await page.evaluate(() => {
        const box = (el) => el.getBoundingClientRect();
        const apart = (a, b) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        const notes = [...document.querySelectorAll('.story-notes .callout rect')].map(box);
        const labels = [...document.querySelectorAll('svg.map g.marker:not(.tucked) text, svg.map g.marker circle:not(.hit)')].map(box);
        return {
          texts: [...document.querySelectorAll('.story-notes .callout')].map((g) => g.textContent),
          rings: document.querySelectorAll('.story-notes .ring').length,
          clear: notes.every((a, i) => labels.every((b) => apart(a, b)) && notes.slice(i + 1).every((b) => apart(a, b))),
          read: [...document.querySelectorAll('.story ul li')].map((li) => li.textContent),
        };
      });
      const want = story[n - 1].annotations.map((a) => a.text.en);
      assert.deepEqual(drawn.read, want, `step ${n}: the card reads the callouts in order`);
      assert.equal(drawn.texts.length, want.length);
      assert.ok(drawn.texts.every((t, i) => t.replace(/\s+/g, ' ').trim().length > 0 && want[i].startsWith(t.split(' ')[0])));
      assert.equal(drawn.rings, story[n - 1].view.places.length);
      assert.ok(drawn.clear, `step ${n} at ${viewport.width} px: a callout covers a label or marker`);
      if (n === 2) {
        await page.click('details.downloads summary');
        const [file] = await Promise.all([
          page.waitForEvent('download', { timeout: 15000 }),
          page.click('details.downloads button[data-export="svg"]'),
        ]);
        const svg = fs.readFileSync(await file.path(), 'utf8');
        assert.equal((svg.match(/class="callout"/g) ?? []).length, want.length);
        for (const word of want.join(' ').split(' ').filter((w) => w.length > 3)) assert.ok(svg.includes(word), `${word} not in the SVG`);
      }
      await page.close();
    }
  }
});

test('no accessibility violations in story mode, on a desktop and a phone', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { page } = await openMap(browser.context, server.origin, '/#step=3', viewport);
    await shown(page);
    assert.deepEqual(await axe(page), []);
    await page.close();
  }
});

test('the demo host page drives the map by scrolling', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, errors, outside } = await openPage(browser.context, server.origin, '/story-demo.html', viewport);
    const frame = await (await page.waitForSelector('iframe[data-flowmap-story]')).contentFrame();
    await frame.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
    for (const n of [1, 3, 5, 2]) {
      await page.evaluate((n) => {
        const p = document.querySelector(`[data-flowmap-step="${n}"]`);
        window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - window.innerHeight / 2 + p.offsetHeight / 2);
      }, n);
      await frame.waitForFunction((n) => location.hash === `#step=${n}`, n, { timeout: 5000 });
      await page.waitForSelector(`[data-flowmap-step="${n}"][data-flowmap-active]`);
      const scrolled = await page.evaluate(() => window.scrollY);
      await page.waitForTimeout(800);
      assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the map never scrolls the host page');
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
    await page.close();
  }
});
