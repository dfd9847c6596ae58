// The table view at scale: main-thread work to open it, sort it and turn a page, measured in
// the page (long tasks and the time to the next frame), on a generated dataset.
//
//   node bench/table.mjs [N=80000]     after `trunk build --release`
//
// Targets (issue 22): opening the table with 80,000 flows under 200 ms of main-thread work;
// each sort under 100 ms.
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openPage, ROOT } from '../tests/e2e/harness.mjs';
import { generate } from './generate.mjs';

const N = Number(process.argv[2] ?? 80000);
const file = path.join(ROOT, 'tests/fixtures/generated', `flows-${N}.json`);
if (!fs.existsSync(file)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(generate(N)));
}
const server = await serveDist();
const browser = await launch();
try {
  const url = `/?data=${encodeURIComponent(`__fixtures__/generated/flows-${N}.json`)}`;
  const { page } = await openPage(browser.context, server.origin, url, { width: 1280, height: 800 });
  await page.waitForSelector('.map-frame[data-flows-drawn]:not([data-flows-drawn="0"])', { timeout: 300000 });
  await page.waitForSelector('.flow-layers:not([aria-busy])', { state: 'attached', timeout: 300000 });
  await page.waitForTimeout(2000);
  /** Clicks the button under `selector` whose text includes `text`; the main-thread work until
   * the next frame. */
  const click = (selector, text) => page.evaluate(async ([selector, text]) => {
    const tasks = [];
    const observer = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(Math.round(e.duration)); });
    observer.observe({ type: 'longtask' });
    const button = [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(text));
    const start = performance.now();
    button.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const frame = Math.round(performance.now() - start);
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    return { frame, tasks };
  }, [selector, text]);
  const rows = [
    ['open the table', '.view-switch button', 'Table'],
    ['sort by value', '.flow-table thead button', 'Value'],
    ['sort by value, descending', '.flow-table thead button', 'Value'],
    ['sort by route', '.flow-table thead button', 'Route'],
    ['sort by goods', '.flow-table thead button', 'Goods'],
    ['sort by period', '.flow-table thead button', 'Period'],
    ['next page', '.pager button', 'Next'],
  ];
  console.log(`| ${N.toLocaleString('en')} flows | to the next frame (ms) | long tasks (ms) |\n|---|---|---|`);
  for (const [label, selector, text] of rows) {
    const { frame, tasks } = await click(selector, text);
    console.log(`| ${label} | ${frame} | ${tasks.join(', ') || 'none'} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
