#!/usr/bin/env node
// CI check: what a reader downloads for the map's default view, gzip -9, against a budget.
//
//   node scripts/size-budget.mjs            budget 200 KB (204800 bytes)
//   SIZE_BUDGET_BYTES=400000 node scripts/size-budget.mjs
//
// Prints each file of dist/ the default view loads and the total; exits 1 only when the
// total is over the budget (2 when dist/ lacks a file: build first). Then, not counted, the
// wasm chunks of the tools a reader opens (scripts/split.sh, src/lazy.rs): each is fetched by
// __wasm_split.js on the tool's first use, never for the default view (which
// tests/e2e/lazy.test.mjs checks on a real page load).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
// What the page requests for the default view, in load order (see bench/run.mjs, which
// lists the responses of a real page load).
// __wasm_split.js, the chunks' loader, is imported by flowmap.js: it is part of the default view.
const FILES = ['index.html', 'first-frame.js', 'boot.js', 'flowmap.js', '__wasm_split.js', 'flowmap_bg.wasm', 'style.css', 'theme.css', 'atlas.json', 'data/flows.json'];
// The lazily loaded chunks that wasm-split writes: one per split point, and shared ones.
const isChunk = (name) => /^(split|chunk)_.*\.wasm$/.test(name);

const budget = Number(process.env.SIZE_BUDGET_BYTES ?? 204800);
if (!Number.isFinite(budget) || budget <= 0) {
  console.error(`SIZE_BUDGET_BYTES must be a positive number of bytes, got "${process.env.SIZE_BUDGET_BYTES}"`);
  process.exit(2);
}

const missing = FILES.filter((f) => !fs.existsSync(path.join(DIST, f)));
if (missing.length) {
  console.error(`dist/ lacks ${missing.join(', ')}: run scripts/build.sh first`);
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
let raw = 0;
let gz = 0;
console.log(`${'file'.padEnd(20)}${'raw'.padStart(10)}${'gzip -9'.padStart(10)}`);
for (const f of FILES) {
  const body = fs.readFileSync(path.join(DIST, f));
  const g = zlib.gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  console.log(`${f.padEnd(20)}${kb(body.length)}${kb(g)}`);
}
console.log(`${'total'.padEnd(20)}${kb(raw)}${kb(gz)}`);
const chunks = fs.readdirSync(DIST).filter(isChunk).sort();
if (chunks.length) {
  console.log('not counted: fetched on first use of a tool');
  for (const f of chunks) {
    const body = fs.readFileSync(path.join(DIST, f));
    console.log(`  ${f.padEnd(18)}${kb(body.length)}${kb(zlib.gzipSync(body, { level: 9 }).length)}`);
  }
}
const verdict = gz <= budget ? 'within' : 'OVER';
console.log(`gzip total ${gz} bytes: ${verdict} the budget of ${budget} bytes (${(budget / 1024).toFixed(1)} KB)` +
  (gz > budget ? `, by ${gz - budget} bytes` : ''));
process.exit(gz <= budget ? 0 : 1);
