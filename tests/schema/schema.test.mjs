// The JSON Schema published for editors accepts the bundled dataset and the converter's
// output, and rejects shapes the app refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(read('public/data/flows.schema.json'));

test('the bundled dataset matches the schema', () => {
  assert.ok(validate(read('public/data/flows.json')), JSON.stringify(validate.errors, null, 1));
});

test('in the partly broken fixture the schema catches the link and the currency code', () => {
  const d = read('tests/fixtures/partly-broken.json');
  assert.equal(validate(d), false);
  // The unknown location in a route is a reference problem: only the validator sees it.
  assert.deepEqual([...new Set(validate.errors.map((e) => e.instancePath))].sort(),
    ['/flows/3/value', '/flows/3/value/currency', '/sources/3/url']);
});

test('shape errors are caught', () => {
  const d = read('public/data/flows.json');
  d.flows[0].status = 'rumoured';
  delete d.flows[1].citations;
  d.flows[2].value = { amount: -5, currency: 'usd' };
  d.flows[3].period = { start: '2023-13' };
  assert.equal(validate(d), false);
  const paths = new Set(validate.errors.map((e) => e.instancePath));
  for (const p of ['/flows/0/status', '/flows/1', '/flows/2/value', '/flows/3/period/start']) {
    assert.ok(paths.has(p), `${p} not reported: ${[...paths].join(', ')}`);
  }
});
