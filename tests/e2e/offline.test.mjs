// End-to-end: the service worker (public/sw.js) keeps the app usable with the
// network and the server down, and a new deployment is offered, never forced.
// Real built app, real candor-server, Debian's Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, countingKeyboard, freePort, launchBrowser, outboxOf, serveApp, startSyncServer, waitWithClock } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

// A Wednesday in 2026-W47; the server is told the same day.
const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T10:00:00`);

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Resolves to the worker's URL once a service worker controls the page. It
 * waits on promises in the page, not timers (the page's clock may be fake);
 * the time limit is Node's.
 */
function controlled(page) {
  const control = page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
    return navigator.serviceWorker.controller.scriptURL;
  });
  let timer;
  const limit = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error('no service worker took control of the page within 15 s')), 15_000);
  });
  return Promise.race([control, limit]).finally(() => clearTimeout(timer));
}

/** The page's Cache Storage: cache name → cached URLs. */
function cachesOf(page) {
  return page.evaluate(async () => {
    const result = {};
    for (const name of await caches.keys()) {
      result[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    }
    return result;
  });
}

test('with the server stopped and the network off, the app opens, files a report, and it syncs later', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'candor-offline-'));
  const port = await freePort();
  const db = join(dir, 'candor.db');
  let server = await startSyncServer({ port, db, today: TODAY });

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.install({ time: NOW });
  // A new user's first visit, online: the service worker installs behind it.
  await page.goto(`${server.url}?task=debugging&tool=agent`);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  assert.equal(await controlled(page), `${server.url}sw.js`);

  const cached = await cachesOf(page);
  const names = Object.keys(cached);
  assert.equal(names.length, 1, `one cache for this build: ${names}`);
  assert.match(names[0], /^candor-[0-9a-f]{16}$/);
  const urls = cached[names[0]].map((url) => url.slice(server.url.length));
  for (const file of ['index.html', 'candor.json', 'manifest.webmanifest', 'icons/icon-192.png', 'register-sw.js']) {
    assert.ok(urls.includes(file), `${file} is precached: ${urls}`);
  }
  assert.ok(urls.some((url) => /^candor-[0-9a-f]+_bg\.wasm$/.test(url)), 'the hashed wasm is precached');

  // The server goes away and the network with it; the employee reloads.
  await server.stop();
  await context.setOffline(true);
  await page.reload();
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  const keys = countingKeyboard(page);
  await keys.press('4');
  await keys.press('Enter');
  await page.getByText('Saved.').waitFor();
  assert.equal(keys.presses, 2);
  assert.equal((await outboxOf(page)).waiting.length, 1);

  // A client-side route opens offline too, and shows the report waiting.
  await page.getByRole('link', { name: 'History' }).click();
  await page.reload();
  await page.getByText('1 report waiting to be sent').waitFor();

  // Attempts while offline fail and keep the report.
  await page.clock.runFor(10 * 60_000);
  await page.waitForTimeout(200);
  assert.equal((await outboxOf(page)).waiting.length, 1);

  // Back online with the server on the same port and database: it leaves
  // without a reload, on the outbox's next retry.
  server = await startSyncServer({ port, db, today: TODAY });
  await context.setOffline(false);
  await waitWithClock(page, async () => (await outboxOf(page)).sent.length === 1);
  await page.getByText('Every report filed here has been sent.').waitFor();

  // The server has it: sending the same report again is a duplicate.
  const [report] = await page.evaluate(() => JSON.parse(localStorage.getItem('candor.history')).reports);
  const again = await fetch(`${server.url}api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reports: [report] }),
  }).then((response) => response.json());
  assert.deepEqual([again.accepted, again.duplicates], [0, 1]);

  // Nothing from the sync API was ever cached.
  for (const list of Object.values(await cachesOf(page))) {
    assert.deepEqual(list.filter((url) => url.includes('/api/')), []);
  }
  assert.deepEqual(errors, []);
  await context.close();
  await server.stop();
});

test('under a path prefix, every route opens offline from the cache', async () => {
  const server = await serveApp({ prefix: '/candor' });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    assert.equal(await controlled(page), `${server.url}sw.js`);
    await server.close();
    await context.setOffline(true);
    for (const [route, heading] of [
      ['history', 'History'],
      ['map', 'My map'],
      ['team', 'Team map'],
      ['', /How did AI do/],
    ]) {
      await page.goto(`${server.url}${route}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
  } finally {
    await context.close();
  }
});

test('a new deployment is offered with a banner and applied only on Reload', async () => {
  // A copy of the build, served like a deployment that can be replaced.
  const site = await mkdtemp(join(tmpdir(), 'candor-deploy-'));
  await cp(DIST, site, { recursive: true });
  const server = await startServer({ dist: site });
  // bypassCSP: axe-core is injected into the page to check the banner.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}?task=docs&tool=chat`);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    await controlled(page);
    const [before] = Object.keys(await cachesOf(page));

    // Deploy: a new sw.js (its version changes with every changed file).
    const worker = join(site, 'sw.js');
    const source = await readFile(worker, 'utf8');
    const version = source.match(/"version":"([0-9a-f]{16})"/)[1];
    const next = version.replace(/^./, (digit) => (digit === '0' ? '1' : '0'));
    await writeFile(worker, source.replace(`"version":"${version}"`, `"version":"${next}"`));

    // The next load sees it; the banner offers it.
    await page.reload();
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Candor is ready' });
    await banner.waitFor();
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const axe = await page.evaluate(() => window.axe.run('.update-banner'));
    assert.deepEqual(axe.violations.map((v) => v.id), [], 'the banner passes axe-core');

    // The employee is mid-form: nothing reloads by itself.
    await page.locator('label[for="outcome-4"]').click();
    await page.evaluate(() => {
      window.stillHere = true;
    });
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.stillHere), true);
    assert.ok(await page.locator('#outcome-4').isChecked());
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed');

    // Reload is a real button, reachable by keyboard.
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => window.stillHere), undefined, 'the page reloaded');
    assert.deepEqual(Object.keys(await cachesOf(page)), [`candor-${next}`], `replaced ${before}`);
    assert.equal(await page.locator('.update-banner').count(), 0);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the manifest parses without errors, so the app installs', async () => {
  const server = await serveApp();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.display, 'standalone');
    assert.ok(parsed.icons.some((icon) => icon.purpose === 'maskable'));
    // Chromium's own verdict; a test context is incognito, which alone bars installing.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(
      installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito'),
      [],
    );
    // Every icon the manifest names is served as a PNG of its stated size.
    for (const icon of parsed.icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(response.headers()['content-type'], 'image/png', icon.src);
      const png = await response.body();
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${width}x${height}`, icon.sizes, icon.src);
    }
  } finally {
    await context.close();
    await server.close();
  }
});
