// Static hosting on a real nginx (Debian's, installed by `./candor test`):
// the committed recipe docs/deploy/nginx-static.conf, run as it is on a
// throwaway nginx with only its `listen` and `alias` lines changed, serves
// the built app under /candor/ with SPEC §6.8's headers on every response;
// every route opens in Chromium, the service worker and the manifest load,
// and the app keeps working offline after the first visit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, freePort, launchBrowser, recordTraffic, runNginx } from './harness.mjs';

const RECIPE = new URL('../../docs/deploy/nginx-static.conf', import.meta.url);
// The two lines of the recipe a deployment changes, exactly as committed.
const LISTEN = 'listen 127.0.0.1:8080;';
const ALIAS = 'alias /srv/candor/dist/;';
// Client-side routes and the heading each one shows.
const ROUTES = [
  ['', /How did AI do/],
  ['history', 'History'],
  ['map', 'My map'],
  ['team', 'Team map'],
];

/**
 * Writes the recipe into a fresh directory with its port and dist/ path
 * filled in and starts `nginx -c FILE -p DIR` in the foreground (the recipe
 * says `daemon off;`). Resolves once nginx has written its pid file, which it
 * does after it has bound its port.
 */
async function startNginx() {
  const dir = await mkdtemp(join(tmpdir(), 'candor-nginx-'));
  const port = await freePort();
  const recipe = await readFile(RECIPE, 'utf8');
  assert.ok(recipe.includes(LISTEN) && recipe.includes(ALIAS), `the recipe keeps the lines "${LISTEN}" and "${ALIAS}"`);
  const config = recipe.replace(LISTEN, `listen 127.0.0.1:${port};`).replace(ALIAS, `alias ${join(DIST, '/')};`);
  const nginx = await runNginx(dir, config);
  return { base: `http://127.0.0.1:${port}/candor/`, origin: `http://127.0.0.1:${port}`, stop: nginx.stop };
}

let browser;
let nginx;
before(async () => {
  nginx = await startNginx();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
});

/** Asserts SPEC §6.8's headers on one response. */
function assertLockedDown(headers, what) {
  const policy = headers.get('content-security-policy') ?? '';
  assert.match(policy, /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; /, `${what}: CSP ${policy}`);
  assert.match(policy, /connect-src 'self';/, `${what}: connect-src`);
  assert.match(policy, /frame-ancestors 'none'/, `${what}: frame-ancestors`);
  assert.doesNotMatch(policy, /unsafe-inline/, what);
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(headers.get('referrer-policy'), 'no-referrer', what);
  assert.equal(headers.get('set-cookie'), null, what);
}

test('every file and route under /candor/ answers with its type, its caching and the §6.8 headers, errors too', async () => {
  const files = await readdir(DIST);
  const hashed = files.filter((name) => /-[0-9a-f]{8,}(_bg)?\.(wasm|js|css)$/.test(name));
  assert.ok(hashed.some((name) => name.endsWith('.wasm')), `hashed files in dist/: ${hashed}`);
  const index = await readFile(join(DIST, 'index.html'), 'utf8');

  const expected = [
    // path, status, type, Cache-Control
    ['', 200, 'text/html', 'no-cache'],
    ['history', 200, 'text/html', 'no-cache'],
    ['map', 200, 'text/html', 'no-cache'],
    ['team', 200, 'text/html', 'no-cache'],
    ['index.html', 200, 'text/html', 'no-cache'],
    ['candor.json', 200, 'application/json', 'no-cache'],
    ['sw.js', 200, 'application/javascript', 'no-cache'],
    ['register-sw.js', 200, 'application/javascript', 'no-cache'],
    ['manifest.webmanifest', 200, 'application/manifest+json', 'no-cache'],
    ['icons/icon-192.png', 200, 'image/png', 'no-cache'],
    ...hashed.map((name) => [name, 200, null, 'public, max-age=31536000, immutable']),
    ['missing-0123456789abcdef.js', 404, 'text/html', null],
    ['no/such/file.css', 404, 'text/html', null],
  ];
  for (const [path, status, type, cache] of expected) {
    const response = await fetch(`${nginx.base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
    const what = `/candor/${path}`;
    assert.equal(response.status, status, what);
    if (type) assert.equal(response.headers.get('content-type'), type, what);
    assert.equal(response.headers.get('cache-control'), cache, what);
    assertLockedDown(response.headers, what);
    const body = await response.arrayBuffer();
    if (status === 200 && type === 'text/html') assert.equal(Buffer.from(body).toString(), index, `${what} is the app`);
    // gzip_static sends the build's NAME.gz copies.
    if (hashed.includes(path) && files.includes(`${path}.gz`)) {
      assert.equal(response.headers.get('content-encoding'), 'gzip', `${what} from ${path}.gz`);
    }
  }
  // Outside the app, and the bare prefix.
  const outside = await fetch(`${nginx.origin}/elsewhere`);
  assert.equal(outside.status, 404);
  assertLockedDown(outside.headers, '/elsewhere');
  const bare = await fetch(`${nginx.origin}/candor`, { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), '/candor/');
  assertLockedDown(bare.headers, '/candor');
});

test('every route opens the app in Chromium, under the CSP, with its service worker and manifest; then it works offline', async () => {
  const context = await browser.newContext();
  const seen = { errors: [], violations: [], responses: [] };
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy|Manifest/i.test(message.text())) seen.violations.push(message.text());
  });
  const traffic = recordTraffic(context, {
    onResponse: async (response) => {
      seen.responses.push({ url: response.url(), headers: new Headers(await response.allHeaders()) });
    },
  });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => seen.errors.push(error.message));

    // The first visit: every route opens from nginx.
    for (const [route, heading] of ROUTES) {
      await page.goto(`${nginx.base}${route}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `CSP violations on /candor/${route}`);
    }

    // The service worker took control, scoped to /candor/.
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
      }
      return { script: navigator.serviceWorker.controller.scriptURL, scope: registration.scope };
    });
    assert.deepEqual(worker, { script: `${nginx.base}sw.js`, scope: nginx.base });

    // The browser loads and parses the manifest (manifest-src 'self').
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${nginx.base}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    assert.ok(JSON.parse(manifest.data).name, 'the manifest has a name');
    await cdp.detach();
    const type = await page.evaluate(async () => (await fetch('manifest.webmanifest', { cache: 'no-store' })).headers.get('content-type'));
    assert.equal(type, 'application/manifest+json');

    // Every response the browser had from nginx carried the headers.
    await traffic.stop();
    const fromNginx = seen.responses.filter(({ url }) => url.startsWith(nginx.origin));
    assert.ok(fromNginx.length >= ROUTES.length + 3, `responses seen: ${fromNginx.length}`);
    for (const { url, headers } of fromNginx) assertLockedDown(headers, url);

    // nginx goes away, the network with it: every route still opens, and a
    // report is filed and kept on the device.
    await nginx.stop();
    await context.setOffline(true);
    for (const [route, heading] of ROUTES) {
      await page.goto(`${nginx.base}${route}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.goto(`${nginx.base}?task=debugging&tool=agent`);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    const history = await page.evaluate(() => JSON.parse(localStorage.getItem('candor.history')));
    assert.equal(history.reports.length, 1, 'the report is kept');

    assert.deepEqual(seen.violations, [], 'CSP or manifest messages on the console');
    assert.deepEqual(seen.errors, [], 'page errors');
  } finally {
    try {
      await traffic.stop();
    } finally {
      await context.close();
    }
  }
});
