// Trunk post_build step (scripts/post-build.mjs): writes the build's version and file list
// into the staged sw.js, so the service worker precaches exactly this build
// under a cache of its own, and the browser sees a changed sw.js (and offers
// the update) whenever any file of the app changes.
//
// The version is a hash of every file's name and bytes, except candor.json,
// which operators edit after deploying (the worker fetches it network first),
// and sw.js itself.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('usage: TRUNK_STAGING_DIR=dist node scripts/sw-stamp.mjs (Trunk sets it)');
  process.exit(2);
}

async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return files.flat();
}

const files = (await walk(staging))
  .map((path) => relative(staging, path).split('\\').join('/'))
  // Not sw.js itself, nor the .gz copies scripts/precompress.mjs writes
  // (after this step, or left from a dist/ built before): the server picks those by itself.
  .filter((name) => name !== 'sw.js' && !name.endsWith('.gz'))
  .sort();
const hash = createHash('sha256');
for (const name of files) {
  if (name === 'candor.json') continue;
  hash.update(`${name}\0`);
  hash.update(await readFile(join(staging, name)));
}
const version = hash.digest('hex').slice(0, 16);

const worker = join(staging, 'sw.js');
const source = await readFile(worker, 'utf8');
const placeholder = "const BUILD = { version: 'unstamped', files: [] };";
if (!source.includes(placeholder)) {
  console.error(`sw-stamp: ${worker} has no "${placeholder}" line to fill in`);
  process.exit(1);
}
const build = `const BUILD = ${JSON.stringify({ version, files })};`;
await writeFile(worker, source.replace(placeholder, build));
console.log(`sw-stamp: version ${version}, ${files.length} files precached`);
