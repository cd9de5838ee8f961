// Trunk post_build step (scripts/post-build.mjs): builds the wasm modules
// the app imports later, each a crate of its own, so none counts against
// the main wasm's budget (SPEC §8: each module loaded later ≤ 60 KB gzip,
// scripts/size.sh):
//   token-client   crates/token-client (SPEC §6.10), imported when tokens are fetched
//   pilot-results  crates/pilot-results (SPEC §10), imported when the Pilots page opens
//   pilot-desk     crates/pilot-desk (SPEC §10), imported once the File page is up
//   team-map       crates/team-map (SPEC §5), imported when the Team map or My map opens
//
// 1. One cargo build of every module's crate, --lib --target
//    wasm32-unknown-unknown --profile later-module (opt-level z, whatever
//    profile Trunk builds the app with: the modules are small), in Cargo's
//    usual target directory.
// 2. Per module: wasm-bindgen --target web, then wasm-opt -Oz (npm's
//    binaryen, as Trunk uses for the app), in a scratch directory of that
//    target directory.
// 3. Into the staging directory as NAME-<hash>.js and NAME-<hash>_bg.wasm,
//    <hash> the first 16 hex digits of the SHA-256 of both files: immutable
//    names (static_files::is_hashed, sw.js) that precompress.mjs gzips. The
//    JavaScript loads its wasm by that name.
// 4. Into index.html: <meta name="candor-NAME" content="NAME-<hash>.js" />,
//    where the app finds the module's URL (relative to the page). Not
//    "./name": scripts/size.sh counts those as loaded with the page.
//
// It runs first, so the service worker precaches the modules (sw-stamp.mjs)
// and the build's CSP (csp-meta.mjs) covers them: a same-origin import() is
// script-src 'self', the wasm's fetch connect-src 'self'.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('usage: TRUNK_STAGING_DIR=dist node scripts/later-modules.mjs (Trunk sets it)');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
// Cargo reads a relative CARGO_TARGET_DIR from where it runs: the project root here.
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const PROFILE = 'later-module';
// name: the files' and the meta tag's name (candor-NAME); crate: the package; lib: its wasm file.
const MODULES = [
  { name: 'token-client', crate: 'candor-token-client', lib: 'candor_token_client' },
  { name: 'pilot-results', crate: 'candor-pilot-results', lib: 'candor_pilot_results' },
  { name: 'pilot-desk', crate: 'candor-pilot-desk', lib: 'candor_pilot_desk' },
  { name: 'team-map', crate: 'candor-team-map', lib: 'candor_team_map' },
];

/** Runs a tool from the project root, its output on ours; throws on failure. */
function run(command, args) {
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** npm's wasm-opt (binaryen 132) first, as ./candor puts it first on PATH for Trunk. */
function wasmOpt() {
  const local = join(root, 'node_modules', '.bin', 'wasm-opt');
  return existsSync(local) ? local : 'wasm-opt';
}

/** Puts `<meta name="META" content="FILE" />` into the page's head, replacing an older one. */
function nameInHead(html, meta, file) {
  const tag = `<meta name="${meta}" content="${file}" />`;
  const existing = new RegExp(`<meta name="${meta}"[^>]*>`, 'i');
  if (existing.test(html)) return html.replace(existing, tag);
  if (!/<\/head>/i.test(html)) {
    console.error(`later-modules: index.html has no </head> to put ${tag} before`);
    process.exit(1);
  }
  return html.replace(/\s*<\/head>/i, () => `\n    ${tag}\n  </head>`);
}

// Trunk.toml builds offline (./candor fetches first); so does this.
run('cargo', [
  'build', '--offline', ...MODULES.flatMap((m) => ['-p', m.crate]),
  '--lib', '--target', 'wasm32-unknown-unknown', '--profile', PROFILE,
]);

const files = await readdir(staging);
const index = join(staging, 'index.html');
let html = await readFile(index, 'utf8');
for (const { name: NAME, lib } of MODULES) {
  const built = join(targetDir, 'wasm32-unknown-unknown', PROFILE, `${lib}.wasm`);
  const scratch = join(targetDir, `${NAME}-bindgen`);
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', scratch, '--out-name', NAME, built]);
  const bindgenWasm = join(scratch, `${NAME}_bg.wasm`);
  // -Oz as Trunk runs it for the app (index.html: data-wasm-opt="z"); wasm-opt
  // reads the features rustc enabled from the module, then drops the two
  // custom sections no browser reads (producers, target_features): 185 bytes
  // gzip of the team map, whose budget it nearly fills.
  run(wasmOpt(), ['-Oz', '--strip-producers', '--strip-target-features', '--output', bindgenWasm, bindgenWasm]);

  const wasm = await readFile(bindgenWasm);
  let js = await readFile(join(scratch, `${NAME}.js`), 'utf8');
  const hash = createHash('sha256').update(wasm).update(js).digest('hex').slice(0, 16);
  const name = `${NAME}-${hash}`;
  // wasm-bindgen's loader: `new URL('NAME_bg.wasm', import.meta.url)`.
  const loads = `'${NAME}_bg.wasm'`;
  if (js.split(loads).length !== 2) {
    console.error(`later-modules: expected ${loads} once in wasm-bindgen's ${NAME}.js, to give it the hashed name`);
    process.exit(1);
  }
  js = js.replace(loads, `'${name}_bg.wasm'`);

  // A dist/ built before (when run by hand) may hold an older module.
  const stale = new RegExp(`^${NAME}-[0-9a-f]{8,}(_bg)?\\.(js|wasm)(\\.gz)?$`);
  for (const file of files) {
    if (stale.test(file)) await rm(join(staging, file));
  }
  await writeFile(join(staging, `${name}_bg.wasm`), wasm);
  await writeFile(join(staging, `${name}.js`), js);
  html = nameInHead(html, `candor-${NAME}`, `${name}.js`);
  console.log(`later-modules: ${name}.js and ${name}_bg.wasm (${wasm.length} bytes) staged, named in index.html`);
}
await writeFile(index, html);
