// Makes dist/fallback.png, the picture shown without JavaScript (<noscript>) and as og:image:
// the embedded view (?embed=1) of the built site, light theme, 1280 CSS px wide at scale 1,
// full page height. Run after `trunk build --release` (which empties dist/):
//   node scripts/fallback.mjs
import path from 'node:path';
import { serveDist, launch, DIST } from '../tests/e2e/harness.mjs';

const out = path.join(DIST, 'fallback.png');
const server = await serveDist();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${server.origin}/?embed=1`);
  await page.waitForSelector('svg.map g.flow', { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  // A picture has no use for the zoom buttons (set through the CSSOM, which the CSP allows).
  await page.evaluate(() => document.querySelectorAll('.zoom-buttons').forEach((e) => { e.style.display = 'none'; }));
  await page.screenshot({ path: out, fullPage: true, animations: 'disabled' });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await server.close();
}
