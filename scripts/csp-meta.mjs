// Trunk post_build step (scripts/post-build.mjs): locks index.html down for
// hosts that cannot send headers (SPEC §6.8).
//
// 1. Moves every inline <script> (Trunk writes one: the module that loads
//    the wasm) into a file of its own, start-<hash>.js, loaded with `src`.
//    With no inline script left, one fixed policy fits every build: the
//    sync server's header, the nginx recipe's (docs/deploy/nginx-static.conf)
//    and the meta tag below all allow scripts from 'self' only, plus
//    'wasm-unsafe-eval', as SPEC §6.8 says, and need no per-build hash.
// 2. Writes the Content-Security-Policy as a <meta> tag first in <head>.
//    A browser applies every policy it gets, header and meta alike, so
//    under a server that sends its own header the stricter of the two
//    holds. frame-ancestors is left out: browsers ignore it in a meta tag
//    (the headers carry it). connect-src is 'self' plus the origin of
//    candor.json's sync_url when it names another one.
//
// Running it again on a deployed dist/ after editing candor.json's sync_url
// (`node scripts/csp-meta.mjs /srv/candor/dist`) rewrites the meta tag.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('usage: node scripts/csp-meta.mjs DIST (or TRUNK_STAGING_DIR=DIST, as Trunk sets it)');
  process.exit(2);
}

/** The origin of candor.json's sync_url, when it is an absolute http(s) URL. */
async function syncOrigin() {
  let config;
  try {
    config = JSON.parse(await readFile(join(staging, 'candor.json'), 'utf8'));
  } catch {
    return null; // the app itself reports a missing or broken config
  }
  try {
    const url = new URL(config.sync_url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null; // relative (the sync server's own "/api/v1") or absent
  }
}

/** The policy of the sync server (crates/server/src/headers.rs) less frame-ancestors. */
function metaPolicy(origin) {
  const connect = origin ? `'self' ${origin}` : "'self'";
  return (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    `connect-src ${connect}; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'`
  );
}

const path = join(staging, 'index.html');
let html = await readFile(path, 'utf8');

const moved = [];
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, attributes, text) => {
  if (/(^|\s)src\s*=/i.test(attributes)) return tag;
  const name = `start-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`;
  moved.push({ name, text: `${text.trim()}\n` });
  return `<script${attributes} src="./${name}"></script>`;
});
for (const { name, text } of moved) await writeFile(join(staging, name), text);

const meta = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(await syncOrigin())}" />`;
const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
if (existing.test(html)) {
  html = html.replace(existing, meta);
} else {
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) {
    console.error(`csp-meta: ${path} has no <meta charset> to put the policy after`);
    process.exit(1);
  }
  html = html.replace(charset, (tag) => `${tag}\n    ${meta}`);
}
await writeFile(path, html);
console.log(`csp-meta: policy written; ${moved.length} inline script(s) moved to ${moved.map((m) => m.name).join(', ') || '-'}`);
