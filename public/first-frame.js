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
// over a flow, the app's tooltip (the same markup and words: flowmap_core::export::flow_tip,
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
    // Beside the pointer, as flowmap_core::layout::place_tip puts it when nothing is in the
    // way: below right, above low down, inside the frame by 8 px.
    const r = box.getBoundingClientRect();
    const [x, y] = [e.clientX - r.left, e.clientY - r.top];
    const width = Math.min(280, r.width - 16);
    tip.style.width = `${width}px`;
    tip.hidden = false;
    const h = tip.offsetHeight;
    const left = x + 14 + width > r.width - 8 ? x - 14 - width : x + 14;
    const top = y > r.height * 0.55 || y + 14 + h > r.height - 8 ? y - 14 - h : y + 14;
    tip.style.left = `${Math.max(8, left)}px`;
    tip.style.top = `${Math.max(8, Math.min(top, r.height - 8 - h))}px`;
  };
  const on = { signal: stop.signal, passive: true };
  document.addEventListener('pointermove', move, on);
  document.addEventListener('pointerover', move, on);
  document.addEventListener('pointerout', (e) => { if (!e.relatedTarget) hide(); }, on);
})();
