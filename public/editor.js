// Starts the editor (editor.html). A file of its own, not an inline script, so that the page
// works under its Content-Security-Policy; a failure to load says so in plain words.
function stopped(error) {
  console.error('flowmap editor:', error);
  if (document.querySelector('.stopped')) return;
  const panel = document.createElement('p');
  panel.className = 'stopped';
  panel.setAttribute('role', 'alert');
  panel.textContent = 'The editor could not start. Reload the page to try again; the details are in the browser\'s console.';
  document.body.prepend(panel);
}
import('./flowmap_editor.js')
  .then((app) => app.default({ module_or_path: new URL('./flowmap_editor_bg.wasm', import.meta.url) }))
  .catch(stopped);
