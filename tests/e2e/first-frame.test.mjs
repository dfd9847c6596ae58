// The page's first frame (issue 18): the bundled view, drawn at build time by the native core
// (scripts/first-frame.sh), shows before the WebAssembly runs; the app's own first frame
// takes its place without a layout shift. Held here by holding the WebAssembly's download
// (a Playwright route answered only when the test lets it go).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, axe, bundledDataset, SHOTS } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const data = bundledDataset();

/** Opens `url` with the WebAssembly's download held; `release()` lets it go. Layout shifts
 * are recorded from the start (window.__shifts, the sum of their values). */
async function held(url, viewport) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const asked = new Promise((resolve) => {
    page.route('**/flowmap_bg.wasm', (route) => {
      release = () => route.continue();
      resolve();
    });
  });
  await page.goto(server.origin + url);
  await asked;
  // Two frames painted while the WebAssembly is still on its way.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, errors, release: () => release() };
}

/** The boxes of the title, summary, map frame and hint, in page coordinates. */
const boxes = (page, frame, hint) => page.evaluate(([frame, hint]) => ['h1', '.summary', frame, hint].map((s) => {
  const els = [...document.querySelectorAll(s)].filter((e) => e.checkVisibility());
  if (els.length !== 1) return `${s}: ${els.length} shown`;
  const r = els[0].getBoundingClientRect();
  return [s, Math.round(r.x), Math.round(r.y + scrollY), Math.round(r.width), Math.round(r.height)];
}), [frame, hint]);

for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
  test(`at ${viewport.width} px the bundled map shows before the WebAssembly runs, and the app takes it over in place`, async () => {
    const { page, errors, release } = await held('/', viewport);
    assert.equal(await page.locator('svg.map').count(), 0, 'the app has not drawn yet');
    const picture = page.locator('.first-frame svg.ff-map').filter({ visible: true });
    assert.equal(await picture.count(), 1, 'one picture of the map shown');
    const box = await picture.boundingBox();
    assert.ok(box.width > 300 && box.height > 300, JSON.stringify(box));
    // The flows and places are drawn, with the places' names.
    assert.equal(await picture.locator('g.flow').count(), data.flows.length);
    const labels = await picture.locator('g.marker:not(.tucked) text').allTextContents();
    assert.ok(labels.includes('Serbia') && labels.includes('Russia'), labels.join(', '));
    // Readable and accessible: the dataset's title as the page's heading, one name for the
    // picture, nothing to focus in it, and no axe violations.
    assert.equal(await page.locator('h1').filter({ visible: true }).innerText(), data.meta.title.en);
    assert.equal(await picture.getAttribute('role'), 'img');
    assert.match(await page.getByRole('img').filter({ visible: true }).getAttribute('aria-labelledby'), /-label$/);
    assert.equal(await page.getByRole('img', { name: `Map of ${data.flows.length} flows` }).count(), 1);
    assert.equal(await page.locator('.first-frame [tabindex], .first-frame a, .first-frame button').count(), 0);
    assert.deepEqual(await axe(page), []);
    // Phones see the portrait picture, as the app's phone frame is.
    assert.equal(box.height > box.width, viewport.width < 600, JSON.stringify(box));
    const before = await boxes(page, '.ff-frame', '.ff-hint');
    await page.screenshot({ path: path.join(SHOTS, `first-frame-${viewport.width}.png`) });

    release();
    await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
    assert.equal(await page.locator('.first-frame').count(), 0, 'the first frame is gone');
    const afterwards = await boxes(page, '.map-frame', '.map-hint');
    const near = (a, b) => a.every((v, i) => (typeof v === 'string' ? true : Math.abs(v - b[i]) <= 1));
    for (const [i, b] of before.entries()) {
      assert.ok(Array.isArray(b) && near(b, afterwards[i]), `${JSON.stringify(b)} → ${JSON.stringify(afterwards[i])}`);
    }
    assert.ok(await page.evaluate(() => window.__shifts) < 0.01, `layout shift ${await page.evaluate(() => window.__shifts)}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// Lighthouse (issue 18: total blocking time): the app mounts its map a part per task
// (src/components/map.rs), behind the first frame, which stays until the map is whole; the
// reader never sees a half-drawn map.
test('the map is mounted a part per task behind the first frame, which goes when the map is whole', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // What the page holds at each change (an observer made before boot.js's, so called first).
  await page.addInitScript(() => {
    window.__parts = [];
    new MutationObserver(() => {
      const count = (s) => document.querySelectorAll(s).length;
      const main = document.querySelector('main.flowmap');
      window.__parts.push({
        frame: count('.first-frame'), countries: count('svg.map-base path.country'),
        flows: count('svg.map g.flow'), places: count('svg.map g.marker'),
        shown: Boolean(main && getComputedStyle(main).visibility === 'visible' && main.getBoundingClientRect().height > 100),
        at: performance.now(),
      });
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.goto(server.origin + '/');
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  const parts = await page.evaluate(() => window.__parts);
  const last = parts[parts.length - 1];
  assert.equal(last.frame, 0, 'the first frame is gone');
  assert.ok(last.countries > 0 && last.flows > 0 && last.places > 0, JSON.stringify(last));
  // In parts: flows in the page before the places, countries before the flows.
  assert.ok(parts.some((p) => p.flows > 0 && p.places === 0), 'flows mounted before the places');
  assert.ok(parts.some((p) => p.countries > 0 && p.flows === 0), 'countries mounted before the flows');
  assert.ok(parts.some((p) => p.flows > 0 && p.flows < last.flows), 'the flows mounted in shares');
  // The first frame stays, and the app's page hidden, until the map is whole; then the frame
  // goes at once (in the same change).
  for (const p of parts.filter((p) => p.countries > 0)) {
    const whole = p.flows === last.flows && p.places === last.places && p.countries === last.countries;
    if (!whole) assert.ok(p.frame === 1 && !p.shown, `half-drawn and shown: ${JSON.stringify(p)}`);
    if (p.frame === 0) assert.ok(whole && p.shown, `frame gone early: ${JSON.stringify(p)}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('another dataset (?data=) gets a light skeleton, not the bundled picture', async () => {
  const { page, release } = await held('/?data=__fixtures__/partly-broken.json', { width: 1280, height: 900 });
  const frame = page.locator('.first-frame .ff-frame');
  assert.ok(await frame.isVisible(), 'a frame for the map to come');
  const box = await frame.boundingBox();
  assert.ok(box.height > 200, JSON.stringify(box));
  // Nothing of the bundled dataset shows or is read out.
  assert.equal(await page.locator('.first-frame svg').filter({ visible: true }).count(), 0);
  assert.equal(await page.locator('h1').filter({ visible: true }).count(), 0);
  assert.equal(await page.getByRole('img').count(), 0);
  assert.equal(await page.getByText(data.meta.title.en).filter({ visible: true }).count(), 0);
  // Bars where the title and subtitle will be.
  const bar = await page.locator('.first-frame header').evaluate((h) => getComputedStyle(h, '::before').backgroundColor);
  assert.notEqual(bar, 'rgba(0, 0, 0, 0)');
  await page.screenshot({ path: path.join(SHOTS, 'first-frame-skeleton.png') });
  release();
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  assert.match(await page.locator('h1').innerText(), /partly broken/);
  assert.equal(await page.locator('.first-frame').count(), 0);
  await page.close();
});

test('in another language (?lang=) the frame shows its shapes and waits for the app for its words', async () => {
  const { page, release } = await held('/?lang=ru', { width: 1280, height: 900 });
  assert.equal(await page.locator('.first-frame svg.ff-map').filter({ visible: true }).count(), 1);
  assert.equal(await page.locator('h1').filter({ visible: true }).count(), 0);
  assert.equal(await page.locator('.first-frame text').filter({ visible: true }).count(), 0);
  release();
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  assert.equal(await page.locator('h1').innerText(), data.meta.title.ru);
  await page.close();
});

// Lighthouse (issue 18) charges the page's largest paint with every download that ended
// before it: the app and its data are downloaded once the first frame is on the screen
// (public/boot.js), not preloaded with the page.
for (const [url, paint, files] of [
  ['/', 'first-contentful-paint', ['flowmap.js', 'flowmap_bg.wasm', 'atlas.json', 'data/flows.json']],
  ['/?data=__fixtures__/partly-broken.json', 'first-paint', ['flowmap.js', 'flowmap_bg.wasm', 'world/index.txt']],
]) {
  test(`${url}: the app and its data are downloaded after the first frame's ${paint}, and the app then draws`, async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.origin + url);
    await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
    const { painted, started } = await page.evaluate(([paint, files]) => ({
      painted: performance.getEntriesByName(paint)[0]?.startTime,
      started: files.map((f) => [f, performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(`/${f}`))?.startTime]),
    }), [paint, files]);
    assert.ok(painted > 0, `${paint} reported`);
    for (const [file, at] of started) assert.ok(at >= painted, `${file} requested at ${at} ms, the ${paint} at ${painted} ms`);
    assert.equal(await page.locator('link[rel=preload], link[rel=modulepreload]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** A point on a flow of the shown picture of the first frame (or of the app's map), where the
 * flow is the top element: the middle of a leg, as the bench points. */
const pointOnFlow = (page, picture) => page.evaluate((sel) => {
  for (const leg of document.querySelectorAll(sel)) {
    if (!leg.checkVisibility()) continue;
    for (const at of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const p = leg.getPointAtLength(leg.getTotalLength() * at);
      const m = leg.getScreenCTM();
      const [x, y] = [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f];
      if (leg.closest('g.flow').contains(document.elementFromPoint(x, y))) return { x, y };
    }
  }
  return null;
}, `${picture} g.flow path.line`);

/** Rests the pointer on a flow of the first frame's `picture`; its tooltip, once shown. */
async function hoverStatic(page, picture, what) {
  await page.mouse.move(5, 5);
  const at = await pointOnFlow(page, picture);
  assert.ok(at, what);
  await page.mouse.move(at.x, at.y);
  const tip = page.locator('.first-frame .tooltip:not([hidden])');
  await tip.waitFor({ timeout: 5000 });
  return { at, tip };
}

test('until the app has loaded, the first frame answers a hover with the app\'s tooltip, and the app then takes over with one', async () => {
  const { page, errors, release } = await held('/', { width: 1280, height: 900 });
  assert.equal(await page.locator('.tooltip').count(), 0);
  const { at, tip } = await hoverStatic(page, '.first-frame svg.ff-wide', 'a point on a flow of the picture');
  assert.equal(await page.locator('svg.map').count(), 0, 'the app has not drawn yet');
  // Its route and who says so, in the dataset's words, as text.
  const name = (id) => data.locations.find((l) => l.id === id).name.en;
  const routes = data.flows.map((f) => [f.from, ...(f.via ?? []), f.to].map(name).join(' → '));
  const route = await tip.locator('.route').innerText();
  assert.ok(routes.includes(route), route);
  const flow = data.flows[routes.indexOf(route)];
  const speakers = flow.citations.map((c) => data.speakers.find((s) => s.id === c.speaker).name.en);
  const sources = await tip.locator('.sources li strong').allInnerTexts();
  assert.ok(sources.length > 0 && sources.every((s) => speakers.some((n) => s.startsWith(n))), sources.join('; '));
  assert.match(await tip.locator('.status').innerText(), /^Claim: /);
  assert.equal(await tip.getAttribute('role'), 'tooltip');
  assert.equal(await page.locator('.first-frame .tooltip script, .first-frame .tooltip [href]').count(), 0);
  const box = await tip.boundingBox();
  assert.ok(box.width > 200 && box.height > 60, JSON.stringify(box));
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: path.join(SHOTS, 'first-frame-tooltip-1280.png') });
  const words = await tip.innerText();
  // Off the flow, it goes.
  await page.mouse.move(5, 5);
  assert.equal(await page.locator('.tooltip:not([hidden])').count(), 0);

  release();
  await page.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  assert.equal(await page.locator('.first-frame, .tooltip').count(), 0, 'the frame went with its tooltip');
  // The app's map answers at the same point, with one tooltip, in the same words.
  const again = await pointOnFlow(page, 'svg.map');
  assert.ok(again);
  await page.mouse.move(again.x, again.y);
  await page.locator('.tooltip').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.tooltip').count(), 1);
  await page.mouse.move(5, 5);
  await page.mouse.move(at.x, at.y);
  await page.locator('.tooltip').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('.tooltip').count(), 1);
  assert.equal(await page.locator('.tooltip').innerText(), words);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a skeleton (?data=) and a frame in another language (?lang=) answer no hover', async () => {
  for (const url of ['/?data=__fixtures__/partly-broken.json', '/?lang=ru']) {
    const { page, release } = await held(url, { width: 1280, height: 900 });
    const box = await page.locator('.first-frame .ff-frame').boundingBox();
    for (let x = box.x + 10; x < box.x + box.width; x += 60) {
      for (let y = box.y + 10; y < box.y + box.height; y += 60) await page.mouse.move(x, y);
    }
    assert.equal(await page.locator('.tooltip').count(), 0, url);
    release();
    await page.close();
  }
});

test('on a phone the portrait picture answers too, inside its frame', async () => {
  const { page, release } = await held('/', { width: 375, height: 740 });
  const { tip } = await hoverStatic(page, '.first-frame svg.ff-narrow', 'a point on a flow of the portrait picture');
  const name = (id) => data.locations.find((l) => l.id === id).name.en;
  const routes = data.flows.map((f) => [f.from, ...(f.via ?? []), f.to].map(name).join(' → '));
  assert.ok(routes.includes(await tip.locator('.route').innerText()));
  const [t, frame] = [await tip.boundingBox(), await page.locator('.ff-frame').boundingBox()];
  assert.ok(t.x >= frame.x && t.x + t.width <= frame.x + frame.width + 1, `${JSON.stringify(t)} in ${JSON.stringify(frame)}`);
  release();
  await page.close();
});
