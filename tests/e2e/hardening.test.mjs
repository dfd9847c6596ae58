// Hardening (issue 22): ?data= that points off the site is refused; embed.js takes height
// messages only from its own frames, from the frame's origin and of the right shape, and the
// framed map never touches the host page; the Content-Security-Policy holds in every view;
// and an error in any part of the map (loading, layout, painting, export) replaces the map
// with a message in its box, in the page's language, with the details in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, openMap, ROOT } from './harness.mjs';
import { generate } from '../../bench/generate.mjs';

let server;
let other; // the same files from another origin
let browser;
const LARGE = 'tests/fixtures/generated/flows-600.json';
before(async () => {
  fs.mkdirSync(path.join(ROOT, path.dirname(LARGE)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, LARGE), JSON.stringify(generate(600)));
  server = await serveDist();
  other = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await other?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const LARGE_URL = `/?data=${encodeURIComponent(LARGE.replace('tests/fixtures/', '__fixtures__/'))}`;

test('?data= off this site is refused with a sentence and no request: other hosts, schemes, and what the URL parser turns into them', async () => {
  for (const bad of [
    'https://example.com/flows.json', '//example.com/flows.json', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)',
    'data:application/json,{"version":2}', 'vbscript:msgbox(1)', '\\\\example.com\\flows.json', '/\\example.com/flows.json',
    // The URL parser drops tabs and line breaks anywhere and control characters in front.
    'ht\ttps://example.com/flows.json', '/\t/example.com/flows.json', '/\n/example.com/flows.json', '\u0000//example.com/flows.json',
  ]) {
    const { page, outside, errors } = await openPage(browser.context, server.origin, `/?data=${encodeURIComponent(bad)}`, DESKTOP);
    const alert = page.locator('main.flowmap [role="alert"]');
    await alert.waitFor({ timeout: 20000 });
    assert.match(await alert.innerText(), /only a dataset on this site can be shown/, JSON.stringify(bad));
    assert.equal(await page.locator('svg.map').count(), 0);
    assert.deepEqual(outside, [], `${JSON.stringify(bad)}: requests off the site`);
    assert.deepEqual(errors, [], `${JSON.stringify(bad)}: console errors`);
    await page.close();
  }
});

/** Opens host.html from `hostOrigin` with its data-flowmap frame showing the map from
 * `mapOrigin`; returns the page and both frames once their maps are drawn. */
async function openHost(hostOrigin, mapOrigin) {
  const page = await browser.context.newPage();
  await page.setViewportSize(DESKTOP);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${hostOrigin}/__fixtures__/host.html`);
  if (mapOrigin !== hostOrigin) {
    await page.evaluate((src) => { document.getElementById('map').src = src; }, `${mapOrigin}/?embed=1`);
  }
  const map = await (await page.$('#map')).contentFrame();
  await map.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  await page.frameLocator('#other').locator('.map-frame:not(.drawing) svg.map g.flow').first().waitFor({ timeout: 20000 });
  return { page, map, errors };
}

test('host page: a map from another origin is sized by its height messages and leaves the host page alone', async () => {
  const { page, map, errors } = await openHost(server.origin, other.origin);
  assert.equal(new URL(map.url()).origin, other.origin);
  // Everything the map did to the host page from now on (it may only be sized).
  await page.evaluate(() => {
    window.__mutations = [];
    new MutationObserver((ms) => {
      for (const m of ms) {
        const who = m.target.id || m.target.localName;
        if (!(m.type === 'attributes' && m.target.id === 'map' && m.attributeName === 'style')) window.__mutations.push(`${m.type} ${who} ${m.attributeName ?? ''}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.waitForFunction(() => document.getElementById('map').clientHeight > 300, null, { timeout: 10000 });
  const content = await map.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const height = await page.evaluate(() => document.getElementById('map').clientHeight);
  assert.ok(Math.abs(height - content) <= 4, `iframe ${height} px high, its map ${content} px`);
  // Reader actions in the map: still nothing on the host page but the frame's height.
  await map.locator('svg.map g.flow').first().focus();
  await map.locator('svg.map g.flow').first().press('Enter');
  await map.locator('aside.detail-panel').waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__mutations), [], 'the map changed the host page');
  assert.equal(await page.title(), 'Host article (test fixture for embed.js)');
  assert.deepEqual(errors, [], 'errors on the host page or in the frames');
  await page.close();
});

test('host page: forged height messages are ignored (another window, another origin in the frame, wrong shapes)', async () => {
  const { page, map } = await openHost(server.origin, server.origin);
  await page.waitForFunction(() => document.getElementById('map').clientHeight > 300, null, { timeout: 10000 });
  await page.evaluate(() => {
    window.__heights = [];
    const el = document.getElementById('map');
    new MutationObserver(() => window.__heights.push(el.style.height)).observe(el, { attributes: true, attributeFilter: ['style'] });
  });
  const height = () => page.evaluate(() => document.getElementById('map').style.height);
  const before = await height();

  // A data-flowmap frame of an opaque origin (a data: URL, whose URL's origin is "null" too).
  await page.evaluate(() => new Promise((resolve) => {
    const f = document.createElement('iframe');
    f.id = 'opaque';
    f.setAttribute('data-flowmap', '');
    f.onload = resolve;
    f.src = 'data:text/html,<script>parent.postMessage({ type: "flowmap:height", height: 210 }, "*")</script>';
    document.body.append(f);
  }));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.getElementById('opaque').style.height), '', 'a frame of opaque origin was sized');
  // A popup window (not a frame of the page), with the right shape.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => { window.open('/__fixtures__/host.html', 'forger'); })]);
  await popup.waitForLoadState('domcontentloaded');
  await popup.evaluate(() => window.opener.postMessage({ type: 'flowmap:height', height: 201 }, '*'));
  // A frame inside the map's frame (its contentWindow is not the data-flowmap frame's).
  await map.evaluate(() => new Promise((resolve) => {
    const inner = document.createElement('iframe');
    inner.src = '/__fixtures__/not-json.json';
    inner.onload = () => { inner.contentWindow.eval('top.postMessage({ type: "flowmap:height", height: 202 }, "*")'); resolve(); };
    document.body.append(inner);
  })).catch(() => {}); // the map's CSP may forbid eval in the inner frame; then nothing is posted
  // Right sender, shapes that only look right.
  await map.evaluate(() => {
    for (const m of [{ type: 'flowmap:height', height: NaN }, { type: 'flowmap:height', height: 0 }, { type: ['flowmap:height'], height: 203 },
      ['flowmap:height', 204], { type: 'FLOWMAP:HEIGHT', height: 205 }, { type: 'flowmap:height', height: '206px' }, new Number(207),
      { type: 'flowmap:height', height: 208n }]) parent.postMessage(m, '*');
  });
  // A well-formed message from the map last, larger than any page: capped at 10,000 px.
  await map.evaluate(() => parent.postMessage({ type: 'flowmap:height', height: 1e9 }, '*'));
  await page.waitForFunction(() => document.getElementById('map').style.height === '10000px', null, { timeout: 5000 });
  const forged = (await page.evaluate(() => window.__heights)).filter((h) => /^20\dpx$/.test(h));
  assert.deepEqual(forged, [], `forged heights applied (before: ${before})`);

  // The data-flowmap frame navigated to another origin: its src still names this one, so its
  // messages (the map there posts its height too) are ignored.
  await page.evaluate(() => { window.__heights = []; });
  await map.evaluate((url) => { location.href = url; }, `${other.origin}/?embed=1`);
  const moved = await (await page.$('#map')).contentFrame();
  await moved.waitForSelector('.map-frame:not(.drawing) svg.map g.flow', { timeout: 20000 });
  await moved.evaluate(() => parent.postMessage({ type: 'flowmap:height', height: 209 }, '*'));
  await page.waitForTimeout(500);
  assert.equal(new URL(moved.url()).origin, other.origin);
  assert.deepEqual(await page.evaluate(() => window.__heights), [], 'heights from a frame of another origin');
  assert.equal(await height(), '10000px');
  await popup.close();
  await page.close();
});

/** Runs before the page's scripts: records Content-Security-Policy violations. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
}

const violations = async (page) => { await page.waitForTimeout(300); return page.evaluate(() => window.__violations); };

test('Content-Security-Policy: no violation in any view (embed, themes, languages, panel, table, menus, canvas map, hostile data, errors)', async () => {
  const views = [
    ['/', async (page) => {
      await page.click('details.keys summary');
      await page.locator('svg.map g.flow').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('aside.detail-panel').waitFor();
      await page.keyboard.press('+');
    }],
    ['/?embed=1', null],
    ['/?theme=dark&lang=sr-Cyrl#flow=srb-cze-ukr-grad', async (page) => { await page.locator('aside.detail-panel').waitFor(); }],
    ['/?lang=ru', async (page) => {
      await page.locator('.view-switch button').nth(1).click();
      await page.locator('.table-wrap table').waitFor();
    }],
    ['/?data=__fixtures__/hostile.json', async (page) => {
      await page.locator('svg.map g.flow').nth(1).focus();
      await page.keyboard.press('Enter');
      await page.locator('aside.detail-panel').waitFor();
      await page.click('details.embed summary');
    }],
    ['/?data=__fixtures__/partly-broken.json', async (page) => { await page.locator('.problems').first().waitFor(); }],
  ];
  for (const [url, act] of views) {
    const { page, errors, outside } = await openMap(browser.context, server.origin, url, DESKTOP, { init: recordViolations });
    if (act) await act(page);
    assert.deepEqual(await violations(page), [], `${url}: CSP violations`);
    assert.deepEqual(errors, [], `${url}: console errors`);
    assert.deepEqual(outside, [], `${url}: requests off the site`);
    await page.close();
  }
  // Views without a drawn map: the canvas layers of a large map, an error panel.
  const large = await openPage(browser.context, server.origin, LARGE_URL, DESKTOP, { init: recordViolations });
  await large.page.waitForSelector('.map-frame[data-flows-drawn]:not([data-flows-drawn="0"])', { timeout: 30000 });
  assert.deepEqual(await violations(large.page), [], 'canvas map: CSP violations');
  assert.deepEqual(large.errors, [], 'canvas map: console errors');
  await large.page.close();
  const missing = await openPage(browser.context, server.origin, '/?data=__fixtures__/nope.json', DESKTOP, { init: recordViolations });
  await missing.page.locator('[role="alert"]').waitFor();
  assert.deepEqual(await violations(missing.page), [], 'error panel: CSP violations');
  // The listener works: an inline style attribute, which the policy forbids, is reported.
  await missing.page.evaluate(() => { document.body.insertAdjacentHTML('beforeend', '<p style="color:red">x</p>'); });
  await missing.page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 5000 });
  await missing.page.close();
});

/** Runs before the page's scripts: `window.__sabotage(name)` makes one browser API throw. */
function sabotageable() {
  const apis = {
    rect: [Element.prototype, 'getBoundingClientRect'],
    stroke: [CanvasRenderingContext2D.prototype, 'stroke'],
    click: [HTMLAnchorElement.prototype, 'click'],
    fetch: [window, 'fetch'],
    objectUrl: [URL, 'createObjectURL'],
    drawImage: [CanvasRenderingContext2D.prototype, 'drawImage'],
  };
  window.__sabotage = (name, when = () => true) => {
    const [owner, key] = apis[name];
    const original = owner[key];
    owner[key] = function (...args) {
      if (when.call(this, ...args)) throw new Error(`sabotaged ${key} (test)`);
      return original.apply(this, args);
    };
    window.__restore = () => { owner[key] = original; };
  };
  if (window.__sabotageAtStart) window.__sabotage(...window.__sabotageAtStart);
}

/** The map's box says the map stopped, in `lang`'s words, and nothing is left of the map. */
async function assertStopped(page, errors, { heading, text }, where) {
  const message = page.locator('main.flowmap > .stopped[role="alert"]');
  await message.waitFor({ timeout: 20000 });
  await page.evaluate(() => window.__restore?.());
  assert.equal(await message.locator('h2').innerText(), heading, `${where}: heading`);
  assert.equal(await message.locator('p').innerText(), text, `${where}: what to do`);
  const box = await page.evaluate(() => {
    const main = document.querySelector('main.flowmap');
    const r = main.getBoundingClientRect();
    return { children: main.children.length, height: r.height, width: r.width, maps: document.querySelectorAll('svg.map, canvas, .tooltip, aside.detail-panel').length, messages: document.querySelectorAll('.stopped').length };
  });
  assert.equal(box.children, 1, `${where}: something besides the message is left in the map's box`);
  assert.equal(box.maps, 0, `${where}: a part of the map is left on the page`);
  assert.equal(box.messages, 1, `${where}: one message`);
  assert.ok(box.height > 40 && box.width > 200, `${where}: the map's box is ${box.width}×${box.height}`);
  assert.ok(await message.isVisible(), `${where}: the message is not visible`);
  // The details are in the console.
  assert.ok(errors.some((e) => /sabotaged/.test(e)), `${where}: the console lacks the details: ${errors.join('\n')}`);
}

const UK = { heading: 'Карта перестала працювати', text: 'Перезавантажте сторінку, щоб спробувати знову. Якщо це повториться, подробиці для редакції — у консолі браузера.' };
const RU = { heading: 'Карта перестала работать', text: 'Перезагрузите страницу, чтобы попробовать снова. Если это повторится, подробности для редакции — в консоли браузера.' };
const EN = { heading: 'The map stopped working', text: "Reload the page to try again. If it stops again, the details for the newsroom are in the browser's console." };
const SR = { heading: 'Мапа је престала да ради', text: 'Поново учитајте страницу да бисте покушали поново. Ако се ово понови, детаљи за редакцију су у конзоли прегледача.' };

test('an error in layout (a browser API throwing on resize) replaces the map with a message in its box, in the page language', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/?lang=uk', DESKTOP, { init: sabotageable });
  await page.evaluate(() => window.__sabotage('rect'));
  await page.setViewportSize({ width: 900, height: 800 });
  await assertStopped(page, errors, UK, 'layout');
  await page.close();
});

test('an error while painting the canvas layers replaces the map with a message in its box', async () => {
  const init = `window.__sabotageAtStart = ['stroke']; (${sabotageable})();`;
  const { page, errors } = await openPage(browser.context, server.origin, `${LARGE_URL}&lang=ru`, DESKTOP, { init });
  await assertStopped(page, errors, RU, 'painting');
  await page.close();
});

test('an error while loading the dataset replaces the loading line with the message', async () => {
  const init = `window.__sabotageAtStart = ['fetch', (url) => String(url).includes('__fixtures__')]; (${sabotageable})();`;
  const { page, errors } = await openPage(browser.context, server.origin, '/?data=__fixtures__/linked.json&lang=sr-Cyrl', DESKTOP, { init });
  await assertStopped(page, errors, SR, 'loading');
  await page.close();
});

test('an error while exporting replaces the map with the message, and a later error adds no second one', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP, { init: sabotageable });
  await page.click('details.downloads summary');
  await page.locator('details.downloads button[data-export="csv"]').waitFor({ state: 'visible' });
  await page.evaluate(() => window.__sabotage('click'));
  await page.click('details.downloads button[data-export="csv"]');
  await assertStopped(page, errors, EN, 'export');
  // Another failure afterwards (the reader keeps trying): still one message.
  await page.evaluate(() => setTimeout(() => { throw new Error('sabotaged again (test)'); }));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.stopped').count(), 1);
  await page.close();
});

test('a download the browser refuses is said under the buttons, in the page language, and the map stays', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/?lang=ru', DESKTOP, { init: sabotageable });
  await page.click('details.downloads summary');
  const csv = page.locator('details.downloads button[data-export="csv"]');
  await csv.waitFor({ state: 'visible' });
  const refused = page.locator('details.downloads .export-error[role="alert"]');
  await page.evaluate(() => window.__sabotage('objectUrl'));
  await csv.click();
  await refused.waitFor();
  assert.equal(await refused.innerText(), 'Не удалось создать файл. Перезагрузите страницу, чтобы попробовать снова; подробности для редакции — в консоли браузера.');
  assert.ok(errors.some((e) => /flows\.csv was not saved/.test(e)), `console: ${errors.join('\n')}`);
  assert.ok(await page.locator('svg.map g.flow').count() > 0, 'the map is gone');
  assert.equal(await page.locator('.stopped').count(), 0);
  // Once the browser allows it again, the file is saved and the line goes.
  await page.evaluate(() => window.__restore());
  await Promise.all([page.waitForEvent('download', { timeout: 15000 }), csv.click()]);
  await refused.waitFor({ state: 'detached' });
  // The PNG fails later, when the image is drawn: said all the same.
  await page.evaluate(() => window.__sabotage('drawImage'));
  await page.click('details.downloads button[data-export="png-2x"]');
  await refused.waitFor();
  assert.ok(errors.some((e) => /flowmap-2x\.png was not saved/.test(e)), `console: ${errors.join('\n')}`);
  await page.close();
});

test('the WebAssembly failing to start leaves a plain message, not a blank page', async () => {
  const init = () => {
    const refuse = () => Promise.reject(new Error('sabotaged WebAssembly start (test)'));
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.instantiate = refuse;
  };
  const { page, errors } = await openPage(browser.context, server.origin, '/', DESKTOP, { init });
  // No app, so no map's box: the message is the page's.
  const message = page.locator('body > .stopped[role="alert"]');
  await message.waitFor({ timeout: 20000 });
  assert.equal(await message.locator('h2').innerText(), EN.heading);
  assert.equal(await message.locator('p').innerText(), EN.text);
  assert.ok(errors.some((e) => /sabotaged WebAssembly start/.test(e)), `console: ${errors.join('\n')}`);
  await page.close();
});

test('the app\'s script missing from the published folder leaves a plain message, not a blank page', async () => {
  const { page } = await openPage(browser.context, server.origin, '/', DESKTOP);
  await page.route('**/flowmap.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.reload();
  const message = page.locator('body > .stopped[role="alert"]');
  await message.waitFor({ timeout: 20000 });
  assert.equal(await message.locator('h2').innerText(), EN.heading);
  await page.close();
});

test('the WebAssembly missing from the published folder leaves a plain message, not a blank page', async () => {
  const { page } = await openPage(browser.context, server.origin, '/', DESKTOP);
  await page.route('**/flowmap_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.reload();
  const message = page.locator('body > .stopped[role="alert"]');
  await message.waitFor({ timeout: 20000 });
  assert.equal(await message.locator('h2').innerText(), EN.heading);
  assert.equal(await page.locator('.first-frame').count(), 0, 'the first frame went with the message');
  await page.close();
});

test('embedded: a map that stops shrinks its frame to the message, so the article shows no blank box', async () => {
  const { page, map } = await openHost(server.origin, server.origin);
  await page.waitForFunction(() => document.getElementById('map').clientHeight > 300, null, { timeout: 10000 });
  // The map's own measuring fails; the page's (the height it reports) still works.
  await map.evaluate(`(${sabotageable})(); window.__sabotage('rect', function () { return this !== document.body; });`);
  await page.evaluate(() => document.getElementById('map').setAttribute('width', '420'));
  await map.locator('main.flowmap > .stopped[role="alert"]').waitFor({ timeout: 20000 });
  assert.equal(await map.locator('main.flowmap > .stopped h2').innerText(), EN.heading);
  await page.waitForFunction(() => document.getElementById('map').clientHeight < 300, null, { timeout: 10000 });
  const content = await map.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const height = await page.evaluate(() => document.getElementById('map').clientHeight);
  assert.ok(Math.abs(height - content) <= 4, `iframe ${height} px high, the message ${content} px`);
  await page.close();
});

test('a clipboard the page may not write to is no error of the map (Copy code keeps the map)', async () => {
  const { page, errors } = await openMap(browser.context, server.origin, '/', DESKTOP);
  // Refused, as a browser without the permission does (here for certain).
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')); });
  await page.click('details.embed summary');
  await page.click('button[data-action="copy-embed"]');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.stopped').count(), 0, 'the refusal stopped the map');
  assert.equal(await page.locator('button[data-action="copy-embed"]').innerText(), 'Copy code', 'says Copied when nothing was copied');
  // Allowed: it says so.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.resolve(); });
  await page.click('button[data-action="copy-embed"]');
  await page.locator('button[data-action="copy-embed"]', { hasText: 'Copied' }).waitFor();
  assert.ok(await page.locator('svg.map g.flow').count() > 0);
  assert.deepEqual(errors, []);
  await page.close();
});
