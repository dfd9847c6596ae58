// The benchmark's peer: the same flow map written the usual newsroom way, with D3 and SVG.
// It reads the same geometry (../atlas.json) and dataset (?data= or ../data/flows.json) as
// the app and draws the same encodings: countries, one curved arc per leg of a route with an
// arrowhead, width by value (square root; undisclosed thin), colour by category, dash by
// claim status, location markers (off-focus places at the map's edge), a hover tooltip with
// route and sources, and category checkboxes. bench/run.mjs bundles it with esbuild.
import { geoArea, geoCentroid, geoConicEqualArea, geoPath } from 'd3-geo';
import { select } from 'd3-selection';

const COLORS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];
const WIDTH = [1.5, 12]; // stroke width for the smallest and the largest stated value
const UNDISCLOSED_WIDTH = 1.75;
const RADIUS = [3.5, 9]; // marker radius by stated value in and out
const BEND = 0.16; // curvature of an arc; legs between the same places fan out by FAN each
const FAN = 0.12;
// Arrowheads are SVG markers, three sizes per colour: [max stroke width, length, width].
const ARROWS = [[3, 8.7, 8.3], [7, 12.3, 12.7], [Infinity, 16.8, 18.2]];
const STATUS = { documented: 'documented', reported: 'reported', alleged: 'alleged', denied: 'denied', unverified: 'unverified (secondary analysis)' };

const params = new URLSearchParams(location.search);

/** The dataset's URL: ?data= (a path on this site, like the app) or the bundled one. */
function dataUrl() {
  const raw = (params.get('data') ?? '').trim();
  if (!raw) return new URL('../data/flows.json', location.href);
  const url = new URL(raw, location.href);
  if (url.origin !== location.origin) throw new Error(`?data=${raw} was not loaded: only a dataset on this site can be shown`);
  return url;
}

/** dist/atlas.json → GeoJSON features. Each ring is [x0, y0, dx1, dy1, …] in 1/quantum
 * degrees, open and wound anticlockwise; d3-geo wants closed rings wound clockwise. */
export function decodeAtlas(atlas) {
  const q = atlas.quantum;
  return atlas.countries.map(({ id, name, polygons }) => ({
    type: 'Feature',
    id,
    properties: { name },
    geometry: {
      type: 'MultiPolygon',
      coordinates: polygons.map((rings) => {
        const poly = rings.map((flat) => {
          const ring = [];
          for (let i = 0, x = 0, y = 0; i < flat.length; i += 2) ring.push([(x += flat[i]) / q, (y += flat[i + 1]) / q]);
          ring.push(ring[0]);
          return ring;
        });
        // A polygon d3 reads as covering more than a hemisphere is wound the wrong way.
        return geoArea({ type: 'Polygon', coordinates: poly }) > 2 * Math.PI ? poly.map((r) => r.reverse()) : poly;
      }),
    },
  }));
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} could not be loaded (HTTP ${res.status})`);
  return res.json();
}

const [atlas, data] = await Promise.all([getJson(new URL('../atlas.json', location.href)), getJson(dataUrl())]).catch((e) => {
  document.getElementById('title').textContent = String(e.message ?? e);
  throw e;
});

const lang = params.get('lang') ?? data.meta.language ?? 'en';
const text = (t) => (t == null ? '' : typeof t === 'string' ? t : t[lang] ?? t.en ?? Object.values(t)[0] ?? '');
const countries = decodeAtlas(atlas);
const countryById = new Map(countries.map((f) => [f.id, f]));
const locations = new Map(data.locations.map((l) => [l.id, l]));
const sources = new Map(data.sources.map((s) => [s.id, s]));
const categories = data.categories.map((c, k) => ({ ...c, k, color: COLORS[k % COLORS.length] }));
const categoryById = new Map(categories.map((c) => [c.id, c]));

/** Where a location's arcs attach: its point, else the centre of its largest polygon. */
function lonLat(id) {
  const l = locations.get(id);
  if (l?.point) return l.point;
  const f = countryById.get(id);
  if (!f) return null;
  const polys = f.geometry.coordinates;
  const areas = polys.map((p) => geoArea({ type: 'Polygon', coordinates: p }));
  return geoCentroid({ type: 'Polygon', coordinates: polys[areas.indexOf(Math.max(...areas))] });
}
const points = new Map([...locations.keys()].map((id) => [id, lonLat(id)]));

// Flows that name unknown places or categories are left out and counted, as the app does.
const flows = [];
let skipped = 0;
data.flows.forEach((f, i) => {
  const route = [f.from, ...(f.via ?? []), f.to];
  if (route.every((id) => points.get(id)) && categoryById.has(f.category)) flows.push({ ...f, i, route });
  else skipped++;
});

const amountOf = (f) => (typeof f.value === 'object' ? f.value.amount : null);
const maxAmount = Math.max(0, ...flows.map((f) => amountOf(f) ?? 0));
const strokeWidth = (f) => {
  const a = amountOf(f);
  if (a == null) return UNDISCLOSED_WIDTH;
  return maxAmount > 0 ? WIDTH[0] + (WIDTH[1] - WIDTH[0]) * Math.sqrt(Math.min(1, Math.max(0, a) / maxAmount)) : WIDTH[0];
};
const totals = new Map();
for (const f of flows) {
  const a = amountOf(f) ?? 0;
  for (const id of [f.from, f.to]) totals.set(id, (totals.get(id) ?? 0) + a);
}
const largest = Math.max(0, ...totals.values());
const radius = (id) => RADIUS[0] + (RADIUS[1] - RADIUS[0]) * (largest > 0 ? Math.sqrt((totals.get(id) ?? 0) / largest) : 0);
const usedIds = new Set(flows.flatMap((f) => f.route));

const moneyFormats = new Map();
function money(v) {
  if (typeof v !== 'object') return 'value not disclosed';
  let fmt = moneyFormats.get(v.currency);
  if (!fmt) {
    fmt = new Intl.NumberFormat(lang, { style: 'currency', currency: v.currency, notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 4 });
    moneyFormats.set(v.currency, fmt);
  }
  const s = fmt.format(v.amount);
  // Version 2's basis, version 1's qualifier.
  const basis = v.basis ?? { 'at-least': 'minimum', about: 'estimate' }[v.qualifier];
  return basis === 'minimum' ? `at least ${s}` : basis === 'estimate' ? `about ${s}` : s;
}

document.title = text(data.meta.title);
document.getElementById('title').textContent = text(data.meta.title);
document.getElementById('subtitle').textContent = text(data.meta.subtitle);
document.getElementById('credit').textContent = `${text(data.meta.credit) || 'Graphic'}. Map: ${atlas.credit}`;

const frame = document.getElementById('frame');
const tooltip = document.getElementById('tooltip');
let svg = null;
let hidden = new Set();

/** Draws the whole map for the frame's current width. */
function draw() {
  const width = Math.round(frame.clientWidth);
  const focus = data.meta.focus?.length ? data.meta.focus : [...locations.keys()];
  const fit = { type: 'MultiPoint', coordinates: focus.map((id) => points.get(id)).filter(Boolean) };
  const lats = fit.coordinates.map((p) => p[1]);
  const lons = fit.coordinates.map((p) => p[0]);
  const [s, n] = [Math.min(...lats), Math.max(...lats)];
  const span = Math.max(1, n - s);
  const projection = geoConicEqualArea().parallels([s + span / 6, n - span / 6]).rotate([-(Math.min(...lons) + Math.max(...lons)) / 2, 0]);
  // Height: the focus's natural shape, between 0.5 and 0.85 of the width.
  let pad = Math.max(24, width * 0.08);
  projection.fitExtent([[pad, pad], [width - pad, width * 10 - pad]], fit);
  const ys = fit.coordinates.map((p) => projection(p)[1]);
  const height = Math.round(Math.min(width * 0.85, Math.max(width * 0.5, Math.max(...ys) - Math.min(...ys) + 2 * pad)));
  pad = Math.max(24, Math.min(width, height) * 0.08);
  projection.fitExtent([[pad, pad], [width - pad, height - pad]], fit);

  // Places outside the view sit on a frame just inside the map's edge, in their direction.
  const [x0, y0, x1, y1] = [pad * 0.4, pad * 0.4, width - pad * 0.4, height - pad * 0.4];
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const screen = new Map();
  for (const id of usedIds) {
    const [x, y] = projection(points.get(id));
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) { screen.set(id, { x, y, off: false }); continue; }
    const [dx, dy] = [x - cx, y - cy];
    const t = Math.min(dx ? ((dx > 0 ? x1 : x0) - cx) / dx : Infinity, dy ? ((dy > 0 ? y1 : y0) - cy) / dy : Infinity, 1);
    screen.set(id, { x: cx + dx * t, y: cy + dy * t, off: true });
  }

  // One quadratic curve per leg, trimmed clear of the markers; the arrowhead is a marker.
  const legsByCategory = categories.map(() => []);
  const fanned = new Map();
  for (const f of flows) {
    const w = strokeWidth(f);
    const size = ARROWS.findIndex(([max]) => w <= max);
    const cat = categoryById.get(f.category);
    const cls = `leg ${f.status}`;
    for (let j = 1; j < f.route.length; j++) {
      const [ia, ib] = [f.route[j - 1], f.route[j]];
      const key = `${ia}>${ib}`;
      const nth = fanned.get(key) ?? 0;
      fanned.set(key, nth + 1);
      const a = screen.get(ia);
      const b = screen.get(ib);
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      const startGap = radius(ia) + 1.5;
      const endGap = radius(ib) + 1.5 + ARROWS[size][1];
      if (len < startGap + endGap + 4) continue;
      const bend = BEND + FAN * nth;
      const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
      const p1 = { x: (a.x + b.x) / 2 + uy * bend * len, y: (a.y + b.y) / 2 - ux * bend * len };
      // Near its ends a quadratic moves 2·|p1 − p0| per unit of t.
      const speed = 2 * len * Math.hypot(0.5, bend);
      const [t0, t1] = [startGap / speed, 1 - endGap / speed];
      const at = (t) => ({ x: (1 - t) ** 2 * a.x + 2 * (1 - t) * t * p1.x + t * t * b.x, y: (1 - t) ** 2 * a.y + 2 * (1 - t) * t * p1.y + t * t * b.y });
      const [p, q] = [at(t0), at(t1)];
      // Control point of the piece between t0 and t1.
      const [ka, kb, kc] = [(1 - t0) * (1 - t1), (1 - t0) * t1 + t0 * (1 - t1), t0 * t1];
      const c = { x: a.x * ka + p1.x * kb + b.x * kc, y: a.y * ka + p1.y * kb + b.y * kc };
      legsByCategory[cat.k].push({
        flow: f.i,
        d: `M${p.x.toFixed(1)},${p.y.toFixed(1)}Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${q.x.toFixed(1)},${q.y.toFixed(1)}`,
        w: +w.toFixed(2),
        cls,
        marker: `url(#arrow-${cat.k}-${size})`,
      });
    }
  }

  svg?.remove();
  svg = select(frame).insert('svg', '.tooltip').attr('class', 'map').attr('width', width).attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img').attr('aria-label', `Map of ${flows.length} flows`);
  const node = svg.node();

  svg.append('defs').selectAll('marker').data(categories.flatMap((c) => ARROWS.map((a, size) => ({ c, size, len: a[1], wid: a[2] }))))
    .join('marker').attr('id', (d) => `arrow-${d.c.k}-${d.size}`).attr('markerUnits', 'userSpaceOnUse').attr('orient', 'auto')
    .attr('markerWidth', (d) => d.len).attr('markerHeight', (d) => d.wid).attr('refX', 0).attr('refY', (d) => d.wid / 2)
    .attr('viewBox', (d) => `0 0 ${d.len} ${d.wid}`)
    .append('path').attr('d', (d) => `M0,0L${d.len},${d.wid / 2}L0,${d.wid}Z`).attr('fill', (d) => d.c.color).attr('stroke', 'none');

  const path = geoPath(projection);
  svg.append('g').attr('aria-hidden', 'true').selectAll('path').data(countries).join('path')
    .attr('class', (d) => (usedIds.has(d.id) ? 'country involved' : 'country')).attr('d', path);

  const byFlow = new Map();
  svg.append('g').attr('class', 'arcs').selectAll('g').data(categories).join('g')
    .attr('class', 'cat').attr('stroke', (d) => d.color).attr('display', (d) => (hidden.has(d.id) ? 'none' : null))
    .selectAll('path').data((d) => legsByCategory[d.k]).join('path')
    .attr('class', (d) => d.cls).attr('d', (d) => d.d).attr('stroke-width', (d) => d.w).attr('marker-end', (d) => d.marker)
    .each(function (d) {
      const legs = byFlow.get(d.flow);
      if (legs) legs.push(this); else byFlow.set(d.flow, [this]);
    });

  const placed = [...screen].map(([id, p]) => ({ id, ...p, r: radius(id) })).sort((a, b) => b.r - a.r);
  const name = (id) => text(locations.get(id)?.name) || id;
  svg.append('g').selectAll('circle').data(placed).join('circle')
    .attr('class', (d) => (d.off ? 'marker off' : 'marker')).attr('cx', (d) => d.x.toFixed(1)).attr('cy', (d) => d.y.toFixed(1)).attr('r', (d) => d.r.toFixed(1));
  svg.append('g').selectAll('text').data(placed).join('text').attr('class', 'label')
    .attr('x', (d) => (d.x > width - 160 ? d.x - d.r - 3 : d.x + d.r + 3).toFixed(1)).attr('y', (d) => (d.y + 4).toFixed(1))
    .attr('text-anchor', (d) => (d.x > width - 160 ? 'end' : 'start'))
    .text((d) => (d.off ? `${name(d.id)} (off map)` : name(d.id)));

  // Hover: one delegated listener set for all arcs; the route's legs are highlighted.
  let active = null;
  const leave = () => {
    if (active == null) return;
    for (const el of byFlow.get(active) ?? []) el.classList.remove('active');
    node.classList.remove('hovering');
    tooltip.hidden = true;
    active = null;
  };
  const place = (ev) => {
    const r = frame.getBoundingClientRect();
    const [x, y] = [ev.clientX - r.left, ev.clientY - r.top];
    tooltip.style.left = `${Math.max(8, Math.min(x + 14, width - 288))}px`;
    if (y > height * 0.55) { tooltip.style.top = 'auto'; tooltip.style.bottom = `${height - y + 14}px`; }
    else { tooltip.style.top = `${y + 14}px`; tooltip.style.bottom = 'auto'; }
  };
  const arcs = node.querySelector('.arcs');
  arcs.addEventListener('pointerover', (ev) => {
    const d = ev.target.__data__;
    if (d?.flow == null) return;
    if (d.flow !== active) {
      leave();
      active = d.flow;
      for (const el of byFlow.get(active)) el.classList.add('active');
      node.classList.add('hovering');
      fillTooltip(data.flows[active], name);
      tooltip.hidden = false;
    }
    place(ev);
  });
  arcs.addEventListener('pointermove', (ev) => { if (active != null) place(ev); });
  arcs.addEventListener('pointerout', (ev) => {
    if (ev.relatedTarget?.__data__?.flow !== active) leave();
  });
}

/** Whether a citation supports its flow or disputes it: version 1's `supports`/`disputes`,
 * version 2's stances (`disputes` and `denies` against, any other for). */
const side = (c) => (c.stance === 'disputes' || c.stance === 'denies' ? 'disputes' : 'supports');

function fillTooltip(f, name) {
  const p = (cls, s) => Object.assign(document.createElement('p'), { className: cls, textContent: s });
  const list = (stance) => {
    const ul = document.createElement('ul');
    const seen = new Set();
    for (const c of f.citations) {
      if (side(c) !== stance || seen.has(c.source)) continue;
      seen.add(c.source);
      const s = sources.get(c.source);
      if (!s) continue;
      const li = document.createElement('li');
      li.textContent = [s.cites ? `${s.outlet}, citing ${s.cites}` : s.outlet, s.date].filter(Boolean).join(', ');
      ul.append(li);
    }
    return ul;
  };
  const period = f.period ? [f.period.start, f.period.end].filter(Boolean).join(' – ') : '';
  tooltip.replaceChildren(
    p('route', [f.from, ...(f.via ?? []), f.to].map(name).join(' → ')),
    p('what', text(f.description)),
    p('value', period ? `${money(f.value)} · ${period}` : money(f.value)),
    p('status', `Claim: ${STATUS[f.status] ?? f.status}`),
    p('head', 'Sources'),
    list('supports'),
  );
  if (f.citations.some((c) => side(c) === 'disputes')) tooltip.append(p('head', 'Disputed by'), list('disputes'));
}

// Category checkboxes: hiding a category hides its layer of arcs.
const shown = new Map(categories.map((c) => [c.id, flows.filter((f) => f.category === c.id).length]));
const note = document.getElementById('note');
const count = () => {
  const n = flows.filter((f) => !hidden.has(f.category)).length;
  note.textContent = `Showing ${n} of ${data.flows.length} flows${skipped ? ` (${skipped} could not be shown)` : ''}. ${text(data.meta.notes)}`;
};
select('#filters').selectAll('label').data(categories.filter((c) => shown.get(c.id) > 0)).join('label')
  .call((label) => {
    label.append('input').attr('type', 'checkbox').property('checked', true).on('change', function (_, d) {
      if (this.checked) hidden.delete(d.id); else hidden.add(d.id);
      svg.selectAll('g.cat').filter((c) => c.id === d.id).attr('display', this.checked ? null : 'none');
      count();
    });
    label.append('span').attr('class', 'swatch').style('border-top-color', (d) => d.color);
    label.append('span').text((d) => `${text(d.name)} (${shown.get(d.id)})`);
  });
count();

draw();
// What bench/run.mjs measures the first paint by, as the app does.
requestAnimationFrame(() => performance.mark('flowmap:map-drawn'));

let drawnWidth = frame.clientWidth;
let pending = 0;
addEventListener('resize', () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => {
    if (frame.clientWidth !== drawnWidth) { drawnWidth = frame.clientWidth; draw(); }
  });
});
