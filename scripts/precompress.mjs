// Trunk post_build step (scripts/post-build.mjs): writes a gzip -9 copy (NAME.gz) of each
// content-hashed asset, which candor-server sends as it is to browsers that
// accept gzip (ServeDir::precompressed_gzip) instead of compressing the wasm
// again on every request (about 40 ms of server CPU per page load, on the
// critical path of the first visit). Static hosts can use them too (nginx:
// gzip_static on). Unhashed files (index.html, sw.js…) change after this
// hook or in place, so they are left to on-the-fly compression.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('usage: TRUNK_STAGING_DIR=dist node scripts/precompress.mjs (Trunk sets it)');
  process.exit(2);
}
// Trunk's hashed names, as crates/server/src/static_files.rs tells them.
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(wasm|js|css)$/;
for (const name of await readdir(staging)) {
  if (!HASHED.test(name)) continue;
  const bytes = await readFile(join(staging, name));
  await writeFile(join(staging, `${name}.gz`), gzipSync(bytes, { level: 9 }));
}
