// End-to-end: the token client (crates/token-client, SPEC §6.10), the wasm
// module the app loads later. The built page names it in a meta tag; in
// Debian's Chromium, under the page's CSP, it imports, blinds and reports
// errors as the app expects, and the service worker keeps it for offline use.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, launchBrowser, serveApp } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** In the page: imports the module the meta tag names, blinds `count`, tries a bad finalize. */
function useTokenClient(page, count) {
  return page.evaluate(async (count) => {
    const name = document.querySelector('meta[name=candor-token-client]').content;
    const m = await import('./' + name);
    await m.default();
    const issuance = m.Issuance.blind(count);
    const blinded = issuance.blinded();
    let refused;
    try {
      issuance.finalize('not a key', [], '');
      refused = 'finalize did not throw';
    } catch (error) {
      refused = `${error instanceof Error}: ${error.message}`;
    }
    return { name, blinded, refused };
  }, count);
}

/** In the page: waits (at most 15 s, on the page's real clock) for a service worker to control it. */
function controlled(page) {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error('no service worker took control of the page within 15 s')), 15_000);
        navigator.serviceWorker.ready.then(() => {
          if (navigator.serviceWorker.controller) {
            clearTimeout(timer);
            done(navigator.serviceWorker.controller.scriptURL);
          } else {
            navigator.serviceWorker.addEventListener(
              'controllerchange',
              () => {
                clearTimeout(timer);
                done(navigator.serviceWorker.controller.scriptURL);
              },
              { once: true },
            );
          }
        });
      }),
  );
}

test('the page names the token client; it imports under the CSP, blinds, refuses bad input, and works offline', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const [, file] = html.match(/<meta name="candor-token-client" content="(token-client-[0-9a-f]{16}\.js)" \/>/) ?? [];
  assert.ok(file, 'index.html names token-client-<hash>.js');
  // Named without "./": not loaded with the page, not counted in its transfer size.
  assert.ok(!html.includes(`./${file}`), 'the module is not loaded with the page');
  const js = await readFile(join(DIST, file), 'utf8');
  const wasm = file.replace(/\.js$/, '_bg.wasm');
  assert.ok(js.includes(`'${wasm}'`), `the module loads its wasm by the hashed name ${wasm}`);

  const server = await serveApp();
  const context = await browser.newContext();
  const seen = { errors: [], violations: [] };
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => seen.errors.push(error.message));
    await page.goto(server.url);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });

    const first = await useTokenClient(page, 3);
    assert.equal(first.name, file);
    assert.equal(first.blinded.length, 3);
    for (const element of first.blinded) assert.match(element, /^[A-Za-z0-9_-]{43}$/, 'a 32-byte point, base64url');
    assert.equal(new Set(first.blinded).size, 3);
    assert.match(first.refused, /^true: malformed: /);

    // The service worker precached the module with the rest of the build.
    assert.equal(await controlled(page), `${server.url}sw.js`);
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    });
    for (const name of [file, wasm]) assert.ok(cached.includes(`${server.url}${name}`), `${name} is precached`);

    // Offline, with the server gone: the module still loads from the cache.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    const offline = await useTokenClient(page, 2);
    assert.equal(offline.blinded.length, 2);

    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    assert.deepEqual(seen.violations, [], 'CSP messages on the console');
    assert.deepEqual(seen.errors, [], 'page errors');
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
