/* flowmap host script: resizes embedded flow maps to their content.
 *
 * Put the map in an iframe marked data-flowmap and load this script once on the page:
 *   <iframe src="https://cdn.example/flowmap/?embed=1" data-flowmap title="…" width="100%" height="700"></iframe>
 *   <script src="https://cdn.example/flowmap/embed.js" async></script>
 *
 * The map posts {type: "flowmap:height", height: <CSS pixels>} to its parent on load and
 * whenever its height changes. Messages of any other shape, from any other origin (or an
 * opaque one) or from a frame that is not a data-flowmap iframe are ignored. The map only
 * posts; it never reads or changes this page.
 */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'flowmap:height') return;
    if (typeof data.height !== 'number' || !isFinite(data.height) || data.height <= 0) return;
    var frames = document.querySelectorAll('iframe[data-flowmap]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      // An opaque origin ("null": data: and sandboxed frames) is nobody's, so it matches none.
      if (event.origin === 'null' || new URL(frame.src, window.location.href).origin !== event.origin) return;
      frame.style.height = Math.min(Math.ceil(data.height), 10000) + 'px';
      return;
    }
  });
})();
