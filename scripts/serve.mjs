// A small static server for the built app: what `./candor run` serves until
// the sync server takes over, and what the end-to-end tests start.
// It logs nothing about who asks (no addresses, no user agents).
//
//   node scripts/serve.mjs --dist dist [--listen 127.0.0.1:8080]
//                          [--config FILE] [--prefix /candor]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Starts serving `dist`; resolves to `{ url, close }` once listening. */
export async function startServer({ dist, host = '127.0.0.1', port = 0, config, prefix = '' }) {
  const root = resolve(dist);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      if (prefix && !path.startsWith(prefix)) {
        response.writeHead(404).end('not found');
        return;
      }
      const inApp = path.slice(prefix.length) || '/';
      let file;
      if (config && inApp.endsWith('/candor.json')) {
        file = resolve(config);
      } else {
        file = normalize(join(root, inApp));
        if (!file.startsWith(root)) {
          response.writeHead(403).end('forbidden');
          return;
        }
        const info = await stat(file).catch(() => null);
        // Client-side routes (/history, /map) get the app's index.html.
        if (!info || info.isDirectory()) {
          if (info || !extname(inApp)) {
            file = join(root, 'index.html');
          } else {
            response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
            return;
          }
        }
      }
      const body = await readFile(file);
      const name = file.split('/').pop();
      const cache = name === 'index.html' || name.endsWith('.json') ? 'no-cache' : 'public, max-age=31536000, immutable';
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cache,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      response.end(body);
    } catch (error) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(port, host, done));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}${prefix}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const [host, port] = option(args, '--listen', '127.0.0.1:8080').split(':');
  const { url } = await startServer({
    dist: option(args, '--dist', 'dist'),
    host,
    port: Number(port),
    config: option(args, '--config'),
    prefix: option(args, '--prefix', ''),
  });
  console.log(`Candor is running at ${url}  (Ctrl+C to stop)`);
}
