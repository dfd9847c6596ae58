// A plain static server for a built site (scripts/serve.sh falls back to it when trunk's file
// watcher fails): node's own http module, no packages, no rebuilds, no caching.
// Usage: node scripts/serve-static.mjs DIR [PORT] [HOST]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const [dirArg = 'dist', portArg = '8080', host = '127.0.0.1'] = process.argv.slice(2);
const root = resolve(dirArg);
const port = Number(portArg);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

// The file for a URL path, or null: no escape from root, a folder means its index.html.
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const st = statSync(file);
    if (st.isFile()) return { file, size: st.size };
    if (st.isDirectory()) {
      const index = join(file, 'index.html');
      return { file: index, size: statSync(index).size };
    }
  } catch {}
  return null;
}

const server = createServer((req, res) => {
  const found = req.method === 'GET' || req.method === 'HEAD' ? fileFor(req.url || '/') : null;
  if (!found) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(found.file).toLowerCase()] || 'application/octet-stream',
    'content-length': found.size,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(found.file).pipe(res);
});
server.on('error', (err) => {
  console.error(`static server: cannot listen on ${host}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`static server: serving ${root} at http://${host}:${port}/ (Ctrl-C stops it)`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
