// Trunk post_build step (scripts/post-build.mjs): the hand-written
// JavaScript the page loads as it opens — public/register-sw.js and the
// app's snippet src/store/later.js — is shipped without its whole-line
// comments and blank lines. They explain the code in the repository; in
// the main transfer they measured about 0.6 KB gzip of a budget with no
// room (SPEC §8). Only lines that are nothing but a `//` comment go: code
// and strings are left exactly as written. Trunk names each snippet in
// index.html with a subresource-integrity hash, which is written anew.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('usage: TRUNK_STAGING_DIR=dist node scripts/shipped-js.mjs (Trunk sets it)');
  process.exit(2);
}

/** Every .js file under `dir`, at any depth (none if it does not exist). */
async function scripts(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await scripts(path)));
    else if (entry.name.endsWith('.js')) found.push(path);
  }
  return found;
}

const index = join(staging, 'index.html');
let html = await readFile(index, 'utf8');
let saved = 0;
for (const file of [join(staging, 'register-sw.js'), ...(await scripts(join(staging, 'snippets')))]) {
  const text = await readFile(file, 'utf8');
  const kept = `${text
    .split('\n')
    .filter((line) => !/^\s*(\/\/.*)?$/.test(line))
    .join('\n')}\n`;
  saved += text.length - kept.length;
  await writeFile(file, kept);
  // <link rel="modulepreload" href="./snippets/…" … integrity="sha384-…">
  const href = `"./${relative(staging, file)}"`;
  const integrity = `sha384-${createHash('sha384').update(kept).digest('base64')}`;
  html = html.replace(new RegExp(`(href=${href.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^>]*integrity=")[^"]*"`), `$1${integrity}"`);
}
await writeFile(index, html);
console.log(`shipped-js: ${saved} bytes of comments and blank lines left out`);
