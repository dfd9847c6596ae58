// The JSON Schema published for editors (format version 2) accepts the bundled dataset, the
// converter's output and the command-line tool's fixture, and rejects shapes the app refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const schema = read('public/data/flows.schema.json');
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** Every file here is a clean version 2 dataset for the Rust validator too. */
const V2_FILES = [
  'public/data/flows.json', // the bundled dataset
  'tests/fixtures/examples.json', // `flowmap-data convert` of docs/examples/ (crates/cli/tests/cli.rs keeps it current)
  'crates/cli/tests/fixtures/v2.json', // every field of format 2
  'crates/core/tests/fixtures/two_flows.json',
  'tests/fixtures/hostile.json', // every text and id a payload (scripts/hostile.mjs; crates/core/tests/hostile_fixture.rs)
];
/** Version 2, every field: the base the mutations below start from. */
const fixture = () => read('crates/cli/tests/fixtures/v2.json');

/** The instance paths of the schema's errors for `d`, or [] when it passes. */
function errorPaths(d) {
  return validate(d) ? [] : [...new Set(validate.errors.map((e) => e.instancePath))].sort();
}

for (const file of V2_FILES) {
  test(`${file} matches the schema`, () => {
    assert.ok(validate(read(file)), JSON.stringify(validate.errors, null, 1));
  });
}

test('a citation without a speaker is rejected', () => {
  const d = fixture();
  delete d.flows[0].citations[1].speaker;
  assert.equal(validate(d), false);
  const missing = validate.errors.find((e) => e.keyword === 'required' && e.params.missingProperty === 'speaker');
  assert.ok(missing, JSON.stringify(validate.errors, null, 1));
  assert.equal(missing.instancePath, '/flows/0/citations/1');
});

test('a version 1 document is rejected: it needs `flowmap-data migrate`', () => {
  const d = read('crates/cli/tests/fixtures/v1.json');
  assert.equal(validate(d), false);
  const paths = new Set(validate.errors.map((e) => e.instancePath));
  for (const p of ['/version', '/sources/0', '/flows/0/citations/0', '/flows/1/value']) {
    assert.ok(paths.has(p), `${p} not reported: ${[...paths].join(', ')}`);
  }
});

test('the checks the validator shares with the schema are caught where they are', () => {
  const d = fixture();
  d.sources[1].url = 'javascript:alert(1)';
  d.flows[2].value.currency = 'DOGE';
  d.flows[3].value.unit = 'tonnes'; // and a currency
  d.flows[5].citations[0].stance = 'supports'; // format 1's word
  d.flows[6].value = { amount: 5, currency: 'EUR', basis: 'part' }; // part of nothing
  d.flows[7].value.of = { amount: 9e6, what: 'all' }; // part of something, basis estimate
  d.speakers[0].kind = 'spy-agency';
  d.sources[0].cites = 'Russia\'s SVR'; // format 1's field
  d.events[0].date = '2023-02-29';
  assert.deepEqual(errorPaths(d), [
    '/events/0/date', '/flows/2/value', '/flows/2/value/currency', '/flows/3/value', '/flows/5/citations/0/stance',
    '/flows/6/value', '/flows/7/value', '/flows/7/value/basis', '/sources/0', '/sources/1/url', '/speakers/0/kind',
  ]);
});

test('shape errors are caught', () => {
  const d = fixture();
  d.flows[0].status = 'rumoured';
  delete d.flows[1].citations;
  d.flows[2].value = { amount: -5, currency: 'usd' };
  d.flows[3].period = { start: '2023-13' };
  d.flows[4].citations[0].quote = ' ';
  d.flows[5].value = { amount: 1e14, unit: 'rounds' };
  d.locations[0].point = [200, 44];
  d.speakers[1].plural = 'yes';
  d.meta.language = 'de';
  assert.equal(validate(d), false);
  const paths = new Set(validate.errors.map((e) => e.instancePath));
  for (const p of ['/flows/0/status', '/flows/1', '/flows/2/value', '/flows/3/period/start', '/flows/4/citations/0/quote',
    '/flows/5/value', '/locations/0/point/0', '/speakers/1/plural', '/meta/language']) {
    assert.ok(paths.has(p), `${p} not reported: ${[...paths].join(', ')}`);
  }
});

test('what the model accepts, the schema accepts', () => {
  const d = fixture();
  delete d.speakers; // optional, as in the model (then every citation's speaker is unknown to the validator)
  delete d.events;
  d.flows.forEach((f) => { f.citations.forEach((c) => { c.speaker = 'x'; }); });
  d.meta.language = 'sr_Latn_RS';
  d.locations.push({ id: 'port-of-bar', name: 'Bar', point: [19.09, 42.09] }); // any id, with a point
  d.locations[0].other_names = ['Republic of Serbia', 'Srbija']; // found by the place search
  d.sources[0].url = 'HTTP://example.org';
  d.flows[0].value = { amount: 1e13, unit: 'shells', basis: 'minimum', parts: [{ amount: 0, what: { en: 'none' } }] };
  d.flows[1].period = { end: '2024-02-29' };
  assert.deepEqual(errorPaths(d), []);
});

// PartialDate (crates/core/src/date.rs): YYYY, YYYY-MM or YYYY-MM-DD with a day the month has.
function isDate(s) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] && Number(m[2]), m[3] && Number(m[3])];
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day >= 1 && day <= days;
}

test('dates follow the model: every day of each month, leap years included', () => {
  const date = new RegExp(schema.$defs.date.pattern, 'u');
  const two = (n) => String(n).padStart(2, '0');
  const samples = ['2023', '0000', '2023-1', '2023-001', '23-01', 'June 2023', '', '2023-06-1', '2023-06-01-01'];
  for (const year of ['0000', '1900', '2000', '2023', '2024', '2100', '2400']) {
    for (let month = 0; month <= 13; month++) {
      samples.push(`${year}-${two(month)}`);
      for (let day = 0; day <= 32; day++) samples.push(`${year}-${two(month)}-${two(day)}`);
    }
  }
  for (const s of samples) assert.equal(date.test(s), isDate(s), s);
});

test('a story step needs a title and a text, and a callout exactly one anchor', () => {
  const d = read('public/data/flows.json');
  assert.ok(d.story.length > 0 && validate(d));
  delete d.story[1].title;
  d.story[2].view.colour = 'red';
  d.story[3].annotations = [{ text: 'Both', place: 'SRB', flow: 'srb-rus-dual-use' }, { text: 'None' }];
  assert.deepEqual(errorPaths(d), ['/story/1', '/story/2/view', '/story/3/annotations/0', '/story/3/annotations/1']);
});
