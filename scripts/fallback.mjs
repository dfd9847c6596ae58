// The picture shown without JavaScript (<noscript>) and as og:image: the embedded view
// (?embed=1) of the built site, light theme, full page height — dist/fallback.png 1280 CSS px
// wide at scale 1, and for phones (index.html's srcset) dist/fallback-narrow.png, the
// phone layout 400 CSS px wide at scale 2 (800 px), and the social cards (og:image)
// dist/fallback.LANG.png in each interface language. Run after `trunk build --release`
// (which empties dist/):
//   node scripts/fallback.mjs
import path from 'node:path';
import { serveDist, launch, DIST } from '../tests/e2e/harness.mjs';

/** The picture of the map at `width` CSS px and `scale` device px per CSS px, into `file`:
 * the full page, or the first `height` CSS px when given (a social card is 1200 × 630). */
async function picture(origin, file, width, scale, { query = '', height = null } = {}) {
  const browser = await launch({ deviceScaleFactor: scale });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: height ?? 800 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(`${origin}/?embed=1${query}`);
    await page.waitForSelector('svg.map g.flow', { timeout: 20000 });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    // A picture has no use for the zoom buttons (set through the CSSOM, which the CSP allows).
    await page.evaluate(() => document.querySelectorAll('.zoom-buttons').forEach((e) => { e.style.display = 'none'; }));
    const out = path.join(DIST, file);
    await page.screenshot({ path: out, fullPage: height === null, animations: 'disabled' });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await browser.close();
  }
}

const server = await serveDist();
try {
  await picture(server.origin, 'fallback.png', 1280, 1);
  await picture(server.origin, 'fallback-narrow.png', 400, 2);
  // The social card per language (page_meta.rs: fallback.LANG.png), 1200 × 630.
  for (const lang of ['en', 'ru', 'uk', 'sr-Latn', 'sr-Cyrl']) {
    await picture(server.origin, `fallback.${lang}.png`, 1200, 1, { query: `&lang=${lang}`, height: 630 });
  }
} finally {
  await server.close();
}
