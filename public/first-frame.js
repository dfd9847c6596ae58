// Runs before the first paint (a classic script in the head, a file of its own for the CSP):
// tells the style sheet what the page's first frame (index.html, scripts/first-frame.sh)
// may show before the app has loaded.
// - `?data=`: another dataset, so not the bundled picture but a skeleton (ff-skeleton);
// - `?embed=1`: the embedded layout, whose map keeps its natural height on a phone too;
// - `?lang=`: the language asked for (as flowmap_core::i18n::Lang::parse reads it); the
//   frame's words show only when they are in it (style.css), its shapes always;
// - `?theme=`: applied now, as the app applies it, so that the frame has the right colours.
(() => {
  const q = new URLSearchParams(location.search);
  const root = document.documentElement;
  if (q.has('data')) root.classList.add('ff-skeleton');
  if (['1', 'true'].includes(q.get('embed'))) root.classList.add('ff-embed');
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  const [base, ...rest] = (q.get('lang') || '').trim().toLowerCase().replace(/_/g, '-').split('-');
  const asked = { en: 'en', ru: 'ru', uk: 'uk' }[base]
    ?? (base === 'sr' || base === 'sh' ? (rest.includes('latn') ? 'sr-Latn' : 'sr-Cyrl') : null);
  if (asked) root.dataset.askedLang = asked;
})();

// Until the app takes over, the bundled picture answers the pointer as the app's map does:
// over a flow, the app's tooltip (the same markup and words: flowmap_core::layout::flow_tip,
// written into the frame as JSON at build time, shown as text), beside the pointer; off it,
// none. Not for a skeleton, nor when the frame's words are not in the language asked for.
// boot.js calls flowmapFrameGone() when it removes the frame, which takes the listeners.
(() => {
  const root = document.documentElement;
  const stop = new AbortController();
  window.flowmapFrameGone = () => stop.abort();
  let words = null;
  let tip = null;
  let shown = null;
  const hide = () => {
    if (tip) tip.hidden = true;
    shown = null;
  };
  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  };
  // The app's tooltip (src/components/tooltip.rs) for tip `n`.
  const fill = (n) => {
    const [[claim, who, hint], tips] = words;
    const [route, what, value, status, sources, speakers] = tips[n];
    const list = el('ul', 'sources');
    for (const [head, reported, against] of sources) {
      const li = el('li', against ? 'against' : '');
      li.append(el('strong', '', head), reported ?? '');
      list.append(li);
    }
    if (speakers != null) list.append(el('li', '', speakers));
    const state = el('p', 'status', `${claim} `);
    state.append(el('strong', '', status));
    tip.replaceChildren(el('p', 'route', route), el('p', 'what', what), el('p', 'value', value),
      state, el('p', 'sources-head', who), list, el('p', 'hint', hint));
  };
  const move = (e) => {
    const frame = document.querySelector('.first-frame');
    const box = frame?.querySelector('.ff-frame');
    if (!box || root.classList.contains('ff-skeleton')
      || (root.dataset.askedLang && root.dataset.askedLang !== frame.dataset.lang)) return hide();
    for (const svg of box.querySelectorAll('svg')) svg.style.pointerEvents = 'auto';
    const flow = document.elementFromPoint(e.clientX, e.clientY)?.closest('.first-frame g.flow[data-tip]');
    if (!flow) return hide();
    if (!words) words = JSON.parse(document.getElementById('ff-tips').textContent);
    if (!tip) {
      tip = el('div', 'tooltip');
      tip.setAttribute('role', 'tooltip');
      tip.hidden = true;
      box.append(tip);
    }
    if (shown !== flow) fill(flow.dataset.tip);
    shown = flow;
    // Beside the pointer and off the hovered route, as flowmap_core::layout::place_tip puts
    // it: below right (above low down), else another corner around the pointer, the one
    // covering fewest points of the route; inside the frame by 8 px.
    const r = box.getBoundingClientRect();
    const [x, y] = [e.clientX - r.left, e.clientY - r.top];
    const w = Math.min(280, r.width - 16);
    tip.style.width = `${w}px`;
    tip.hidden = false;
    const h = tip.offsetHeight;
    const route = [];
    for (const leg of flow.querySelectorAll('path.line')) {
      const [m, length] = [leg.getScreenCTM(), leg.getTotalLength()];
      for (let i = 0; i <= 16; i++) {
        const p = leg.getPointAtLength((length * i) / 16);
        route.push([m.a * p.x + m.c * p.y + m.e - r.left, m.b * p.x + m.d * p.y + m.f - r.top]);
      }
    }
    const low = y > r.height * 0.55;
    let best = null;
    for (const [right, above] of [[1, low], [0, low], [1, !low], [0, !low]]) {
      const left = Math.max(8, Math.min(right ? x + 14 : x - 14 - w, r.width - 8 - w));
      const top = Math.max(8, Math.min(above ? y - 14 - h : y + 14, r.height - 8 - h));
      const inside = (px, py, g) => px >= left - g && px <= left + w + g && py >= top - g && py <= top + h + g;
      const cost = route.filter(([px, py]) => inside(px, py, 6)).length + (inside(x, y, 4) ? 1e6 : 0);
      if (!best || cost < best[0]) best = [cost, left, top];
    }
    tip.style.left = `${best[1]}px`;
    tip.style.top = `${best[2]}px`;
  };
  const on = { signal: stop.signal, passive: true };
  // A failure here must not reach boot.js's error handler, which would stop the app: the
  // frame then just stops answering.
  const guarded = (e) => {
    try {
      move(e);
    } catch {
      hide();
      stop.abort();
    }
  };
  document.addEventListener('pointermove', guarded, on);
  document.addEventListener('pointerover', guarded, on);
  document.addEventListener('pointerout', (e) => { if (!e.relatedTarget) hide(); }, on);
})();
