// What the browser does with the employee's privacy (SPEC §6.1, §6.8),
// checked in Debian's Chromium against the real sync server and the built
// app: the app runs under the server's strict Content-Security-Policy with
// no violation on any page; it talks to its own origin only; no cookie is
// set or sent; local storage holds only the documented keys.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser, outboxOf, recordTraffic, startSyncServer, waitWithClock } from './harness.mjs';

// A Wednesday in 2026-W47; the server is told the same day.
const TODAY = '2026-11-18';
const NOW = new Date(`${TODAY}T10:00:00`);
const PAGES = ['/', '/history', '/map', '/team'];

// The keys src/store/ writes (device.rs, sync.rs, tokens.rs): the README documents them.
function isDocumentedKey(key) {
  return ['candor.history', 'candor.prefs', 'candor.outbox', 'candor.tokens', 'candor.pilots', 'candor.lang'].includes(key) || key.startsWith('candor.aside.');
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * A fresh context that records every request, every cookie header both
 * ways, and every CSP violation the page reports. Call `traffic.stop()`
 * before closing the context.
 */
async function watchedContext() {
  const context = await browser.newContext();
  const seen = { requests: [], cookiesSent: [], cookiesSet: [], violations: [], errors: [], policies: [] };
  // Injected by the browser itself (not a page script), so the CSP does not apply to it.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  // Header reads are async: recordTraffic tracks them, so none outlives the context.
  const traffic = recordTraffic(context, {
    onRequest: async (request) => {
      seen.requests.push(request.url());
      const cookie = await request.headerValue('cookie');
      if (cookie) seen.cookiesSent.push(`${request.url()}: ${cookie}`);
    },
    onResponse: async (response) => {
      if (response.request().resourceType() === 'document') {
        seen.policies.push(response.headers()['content-security-policy']);
      }
      const cookie = await response.headerValue('set-cookie');
      if (cookie) seen.cookiesSet.push(`${response.url()}: ${cookie}`);
    },
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  return { context, seen, traffic };
}

async function violationsIn(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

test('every page runs under the strict CSP, talks only to its own origin, sets no cookie and stores only documented keys', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'candor-privacy-'));
  const port = await freePort();
  const server = await startSyncServer({ port, db: join(dir, 'candor.db'), today: TODAY, demo: true });
  const origin = new URL(server.url).origin;
  const { context, seen, traffic } = await watchedContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => seen.errors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) seen.violations.push(message.text());
    });
    await page.clock.install({ time: NOW });

    // File a report, so the outbox writes and later sends.
    await page.goto(`${server.url}?task=debugging&tool=agent`);
    await page.locator('#outcome-4').waitFor({ state: 'attached' });
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    assert.deepEqual(await violationsIn(page), [], 'the form page');

    // Let the outbox's random delay pass, so the report leaves (connect-src is exercised).
    await waitWithClock(page, async () => (await outboxOf(page)).sent.length > 0, 10);
    assert.equal((await outboxOf(page)).sent.length, 1, 'the report was sent');

    // Every page, loaded fresh, so its own load runs under the policy.
    for (const path of PAGES) {
      await page.goto(new URL(path, server.url).href);
      await page.locator('main').first().waitFor();
      // Give lazy work (the team map's fetch, the heatmap's markup) time to run.
      await page.clock.runFor(2_000);
      await page.waitForTimeout(300);
      assert.deepEqual(await violationsIn(page), [], `CSP violations on ${path}`);
    }
    await page.locator('figure.heatmap svg').first().waitFor();
    // Every header read has finished before anything is asserted on them.
    await traffic.stop();

    // The policy really was in force on every document, and strict.
    assert.ok(seen.policies.length >= PAGES.length + 1, `documents seen: ${seen.policies.length}`);
    // The build leaves no inline script (scripts/csp-meta.mjs), so no hash is needed.
    for (const policy of seen.policies) {
      assert.match(policy ?? '', /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; /);
      assert.doesNotMatch(policy, /unsafe-inline/);
    }
    // The page's own meta policy applies too (both must allow what the app does).
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(meta ?? '', /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; .*connect-src 'self';/);
    assert.doesNotMatch(meta, /unsafe-inline/);
    assert.deepEqual(seen.violations, [], 'violations reported on the console');
    assert.deepEqual(seen.errors, [], 'page errors');

    // Only the app's own origin was ever contacted.
    assert.ok(seen.requests.some((url) => url.includes('/api/v1/reports')), 'the sync request was recorded');
    const foreign = seen.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    assert.deepEqual(foreign, [], 'requests to another origin');

    // No cookie, either way, nor in the jar.
    assert.deepEqual(seen.cookiesSet, []);
    assert.deepEqual(seen.cookiesSent, []);
    assert.deepEqual(await context.cookies(), []);

    // Local storage: the documented keys only; session storage and IndexedDB unused.
    const storage = await page.evaluate(async () => ({
      local: Object.keys(window.localStorage),
      session: Object.keys(window.sessionStorage),
      databases: indexedDB.databases ? (await indexedDB.databases()).map((db) => db.name) : [],
    }));
    assert.ok(storage.local.includes('candor.history'), `keys: ${storage.local}`);
    assert.deepEqual(storage.local.filter((key) => !isDocumentedKey(key)), [], 'undocumented local storage keys');
    assert.deepEqual(storage.session, []);
    assert.deepEqual(storage.databases, []);
  } finally {
    try {
      await traffic.stop();
    } finally {
      await context.close();
      await server.stop();
    }
  }
});

test('an inline script injected into the page is blocked', async () => {
  // The policy must be able to fail: a script injected into the page is refused.
  const dir = await mkdtemp(join(tmpdir(), 'candor-privacy-'));
  const port = await freePort();
  const server = await startSyncServer({ port, db: join(dir, 'candor.db'), today: TODAY });
  const { context, traffic } = await watchedContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('main').first().waitFor();
    const ran = await page.evaluate(async () => {
      window.__injected = false;
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      await new Promise((done) => setTimeout(done, 100));
      return window.__injected;
    });
    assert.equal(ran, false, 'an injected inline script ran');
    const violations = await violationsIn(page);
    assert.ok(violations.some((v) => v.startsWith('script-src')), `violations: ${violations}`);
  } finally {
    try {
      await traffic.stop();
    } finally {
      await context.close();
      await server.stop();
    }
  }
});
