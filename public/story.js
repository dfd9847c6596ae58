/* flowmap story host script: an article's paragraphs drive the steps of an embedded map.
 *
 * Mark the map's iframe data-flowmap-story, each paragraph that shows a step
 * data-flowmap-step="N" (N from 1), and load this script once:
 *   <iframe src="https://cdn.example/flowmap/?embed=1&story=host" data-flowmap-story title="…"></iframe>
 *   <p data-flowmap-step="1">…</p> <p data-flowmap-step="2">…</p>
 *   <script src="https://cdn.example/flowmap/story.js" async></script>
 *
 * When a marked paragraph reaches the middle of the window (or the line the iframe's CSS
 * property --flowmap-trigger sets, a share of the window's height from its top: 0.75 puts
 * it below a map stuck to the top of a phone's screen), the map is sent
 * {type: "flowmap:step", step: N}, to the iframe's own origin only. The map answers with
 * {type: "flowmap:step", step, steps} whenever its step changes (step 0: the reader left
 * the story); the paragraph shown gets data-flowmap-active. Messages of any other shape, or
 * from another frame or origin, are ignored. The map never scrolls or changes this page.
 */
(function () {
  'use strict';
  var frame = document.querySelector('iframe[data-flowmap-story]');
  if (!frame || !('IntersectionObserver' in window)) return;
  var origin = new URL(frame.src, window.location.href).origin;
  var paragraphs = document.querySelectorAll('[data-flowmap-step]');
  var wanted = 0;
  function send(step) {
    wanted = step;
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'flowmap:step', step: step }, origin);
  }
  var observer = null;
  function observe() {
    var line = parseFloat(getComputedStyle(frame).getPropertyValue('--flowmap-trigger'));
    var top = Math.round(100 * (line > 0 && line < 1 ? line : 0.5));
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var step = parseInt(entry.target.getAttribute('data-flowmap-step'), 10);
        if (entry.isIntersecting && step > 0) send(step);
      });
    }, { rootMargin: '-' + (top - 5) + '% 0px -' + (95 - top) + '% 0px' });
    for (var i = 0; i < paragraphs.length; i++) observer.observe(paragraphs[i]);
  }
  observe();
  window.addEventListener('resize', observe);
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    if (!data || typeof data !== 'object' || data.type !== 'flowmap:step' || typeof data.step !== 'number') return;
    // The map has loaded after the paragraph was reached: send it again.
    if (wanted && data.step !== wanted && !frame.hasAttribute('data-flowmap-ready')) send(wanted);
    frame.setAttribute('data-flowmap-ready', '');
    for (var j = 0; j < paragraphs.length; j++) {
      var on = paragraphs[j].getAttribute('data-flowmap-step') === String(data.step);
      if (on) paragraphs[j].setAttribute('data-flowmap-active', '');
      else paragraphs[j].removeAttribute('data-flowmap-active');
    }
  });
})();
