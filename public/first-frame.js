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
