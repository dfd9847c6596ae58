// The map's wasm writes numbers with the browser's Number#toString and #toFixed
// (crates/core/src/decimal.rs); they must read exactly as Rust's own `{}` and `{:.N}`. This
// builds crates/core/examples/decimal_check.rs for WebAssembly and runs it in Chromium, where
// it compares the two on special values, exact ties and random numbers of every size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch } from '../e2e/harness.mjs';

const TARGET = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');

/** The example built and bound for the web, in a fresh folder. */
function build() {
  execFileSync('cargo', ['build', '-q', '-p', 'flowmap-core', '--release', '--example', 'decimal_check', '--target', 'wasm32-unknown-unknown'],
    { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowmap-decimal-'));
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir,
    path.join(TARGET, 'wasm32-unknown-unknown/release/examples/decimal_check.wasm')], { stdio: 'inherit' });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>decimal check</title>');
  return dir;
}

/** Serves `dir` on a free localhost port. */
async function serve(dir) {
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.basename(new URL(req.url, 'http://localhost').pathname) || 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

test('the browser writes numbers exactly as Rust does', { timeout: 600_000 }, async () => {
  const dir = build();
  const server = await serve(dir);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/index.html`);
    for (const seed of [1, 2, 3]) {
      const report = await page.evaluate(async (seed) => {
        const m = await import('./decimal_check.js');
        await m.default();
        return m.check(seed, 100_000);
      }, seed);
      const [, checked, wrong] = report.match(/^checked (\d+) numbers, (\d+) texts differ/) ?? [];
      assert.ok(Number(checked) > 100_000, report);
      assert.equal(Number(wrong), 0, report);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
