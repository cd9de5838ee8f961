// Trunk post_build step (scripts/post-build.mjs): the message catalogs of
// every language but English (SPEC §9), compiled from
// locales/<lang>/<domain>.ftl by the candor-catalog binary (crates/catalog)
// into the staging directory's lang/<code>.<domain>.txt, with the en-XA
// pseudo-locale. English is compiled into each wasm part by its build.rs;
// a part fetches the chosen language's catalog beside candor.json (today
// the Pilots page and the pilot desk: domains pilot-results, pilot-desk).
//
// It runs before sw-stamp.mjs, so the service worker precaches lang/*.txt
// and offline works in every language. scripts/size.sh lists each catalog
// as a module loaded later (≤ 60 KB gzip each, SPEC §8). A catalog that
// does not match English fails the build, naming every problem.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('usage: TRUNK_STAGING_DIR=dist node scripts/catalogs.mjs (Trunk sets it)');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(
  'cargo',
  ['run', '--quiet', '-p', 'candor-catalog', '--', join(staging, 'lang'), join(root, 'locales')],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
