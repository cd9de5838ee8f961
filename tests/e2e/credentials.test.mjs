// End-to-end: anonymous credentials (SPEC §6.10) through the committed
// nginx recipe, docs/deploy/nginx-credentials.conf, run as it is on Debian's
// nginx (only its listen, upstream and password-file lines changed) in front
// of the real candor-server, with basic auth standing in for single sign-on.
// Over HTTP, the client is the built token client module (dist/) loaded in
// Node: an employee who signs in gets tokens and files; a script without a
// login cannot; nobody gets more than per_week; a replayed token is refused.
// In Debian's Chromium, the built app does the same for an employee, says
// when a report waits for a token, refuses tokens whose proof does not
// verify against the published key, and links to the sign-in when the
// session has expired.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, freePort, launchBrowser, outboxOf, runNginx, startSyncServer, stored, waitWithClock } from './harness.mjs';

const RECIPE = new URL('../../docs/deploy/nginx-credentials.conf', import.meta.url);
// The lines of the recipe a deployment changes, exactly as committed.
const LISTEN = 'listen 127.0.0.1:8443;';
const UPSTREAM = 'server 127.0.0.1:8080;';
const PASSWORDS = 'auth_basic_user_file /etc/candor/htpasswd;';
const TODAY = '2026-11-18'; // a Wednesday in 2026-W47
const WEEK = '2026-W47';
const PER_WEEK = 3;
const ALICE = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`;
const NOW = new Date(`${TODAY}T10:00:00`);

let server;
let nginx;
let base;
let client;
let browser;
let dir;
let configFile;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-credentials-'));
  const config = JSON.parse(await readFile(new URL('../../public/candor.json', import.meta.url), 'utf8'));
  config.credentials = { per_week: PER_WEEK };
  configFile = join(dir, 'candor.json');
  await writeFile(configFile, JSON.stringify(config));
  // nginx reads {PLAIN} passwords as they are; a real deployment uses its SSO instead.
  const passwords = join(dir, 'htpasswd');
  await writeFile(passwords, 'alice:{PLAIN}wonderland\nbob:{PLAIN}builder\ncarol:{PLAIN}singer\n');

  const serverPort = await freePort();
  server = await startSyncServer({
    port: serverPort,
    db: join(dir, 'candor.db'),
    today: TODAY,
    extraArgs: ['--config', configFile, '--trusted-proxy', '127.0.0.1'],
  });
  const port = await freePort();
  const recipe = await readFile(RECIPE, 'utf8');
  for (const line of [LISTEN, UPSTREAM, PASSWORDS]) assert.ok(recipe.includes(line), `the recipe keeps "${line}"`);
  nginx = await runNginx(
    dir,
    recipe
      .replace(LISTEN, `listen 127.0.0.1:${port};`)
      .replace(UPSTREAM, `server 127.0.0.1:${serverPort};`)
      .replace(PASSWORDS, `auth_basic_user_file ${passwords};`),
  );
  base = `http://127.0.0.1:${port}`;

  // The token client exactly as the app loads it, named by index.html's meta tag.
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const name = index.match(/<meta name="candor-token-client" content="([^"]+)"/)[1];
  client = await import(pathToFileURL(join(DIST, name)).href);
  client.initSync({ module: await readFile(join(DIST, name.replace(/\.js$/, '_bg.wasm'))) });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await nginx?.stop();
  await server?.stop();
});

/** Asks for `count` tokens, with these headers; the answer, and the tokens when it was 200. */
async function fetchTokens(count, headers = {}) {
  const key = await (await fetch(`${base}/api/v1/tokens/key`)).json();
  const issuance = client.Issuance.blind(count);
  const response = await fetch(`${base}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ epoch: key.epoch, blinded: issuance.blinded() }),
  });
  const body = await response.text();
  if (response.status !== 200) return { response, body, tokens: [] };
  const answer = JSON.parse(body);
  const tokens = issuance.finalize(key.public_key, answer.evaluated, answer.proof).map((token) => {
    const [input, output] = token.split('.');
    return { epoch: key.epoch, input, output };
  });
  return { response, body, answer, tokens };
}

let next = 1;
function report() {
  const id = (next++).toString(16).padStart(32, '0');
  return { v: 1, id, week: WEEK, task: 'debugging', tool: 'none', outcome: 1 };
}

async function file(reports, tokens) {
  const response = await fetch(`${base}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(tokens ? { reports, tokens } : { reports }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

test('a script without a login gets no token and cannot file, even naming someone', async () => {
  const { response } = await fetchTokens(1);
  assert.equal(response.status, 401, 'nginx asks for a login');
  const forged = await fetchTokens(1, { 'x-forwarded-user': 'alice' });
  assert.equal(forged.response.status, 401, 'a forged identity header does not pass nginx');
  // On every other path nginx strips the header, so candor-server sees no identity there.
  const answer = await file([report()]);
  assert.equal(answer.accepted, 0);
  assert.deepEqual(answer.rejected.map((r) => r.error.code), ['token_required']);
});

test('an employee signed in gets tokens and files; a replay is refused; no more than per_week', async () => {
  const first = await fetchTokens(2, { authorization: ALICE });
  assert.equal(first.response.status, 200, first.body);
  assert.equal(first.tokens.length, 2);
  assert.equal(first.answer.remaining, PER_WEEK - 2);

  const filed = await file([report(), report()], first.tokens);
  assert.deepEqual([filed.accepted, filed.rejected.length], [2, 0]);

  const replay = await file([report()], [first.tokens[0]]);
  assert.deepEqual(replay.rejected.map((r) => r.error.code), ['token_spent']);

  // Asking for more than is left gives what is left, then nothing until Monday.
  const rest = await fetchTokens(5, { authorization: ALICE });
  assert.equal(rest.tokens.length, PER_WEEK - 2, rest.body);
  const over = await fetchTokens(1, { authorization: ALICE });
  assert.equal(over.response.status, 429, over.body);
  assert.equal(JSON.parse(over.body).error.code, 'quota_exhausted');
  assert.ok(Number(over.response.headers.get('retry-after')) > 0);
});

/** The app through nginx in a fresh context, with `[user, password]` as its login, on the page's fake clock. */
async function openApp([username, password]) {
  const context = await browser.newContext({ httpCredentials: { username, password } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.errors = errors;
  await page.clock.install({ time: NOW });
  return { context, page };
}

/** Files one report per key with the keyboard, as an employee does. */
async function fileWithKeys(page, keys) {
  await page.goto(`${base}/?task=debugging&tool=agent`);
  await page.locator('#outcome-4').waitFor({ state: 'attached' });
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
  }
}

test('in the browser, a signed-in employee gets tokens and files; past the week\'s tokens a report waits and says so', async () => {
  const { context, page } = await openApp(['bob', 'builder']);
  await fileWithKeys(page, ['4', '2', '5', '3']);
  await page.getByRole('link', { name: 'History' }).click();
  const quotaUsed = /1 report waiting for a token: you have been issued all 3 tokens of 2026-W47/;
  await waitWithClock(page, async () => (await page.getByText(quotaUsed).count()) > 0);
  const outbox = await outboxOf(page);
  assert.equal(outbox.sent.length, PER_WEEK, 'as many sent as there were tokens');
  assert.equal(outbox.rejected.length, 0, 'nothing refused');
  assert.equal(outbox.waiting.length, 1, 'the fourth report is kept');
  await page.getByText('waiting for a token', { exact: false }).first().waitFor();
  assert.equal(await page.locator('.delivery.waiting').count(), 1);
  assert.deepEqual(JSON.parse(await stored(page, 'candor.tokens')), [], 'every token was spent');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the app refuses tokens whose proof does not verify against the key it was shown, and keeps the report', async () => {
  // Another issuer's key for the same week: the real issuer's proof cannot verify against it.
  const other = await startSyncServer({
    port: await freePort(),
    db: join(dir, 'other.db'),
    today: TODAY,
    extraArgs: ['--config', configFile, '--trusted-proxy', '127.0.0.1'],
  });
  try {
    const otherKey = await (await fetch(`${other.url}api/v1/tokens/key`)).text();
    const { context, page } = await openApp(['carol', 'singer']);
    await context.route('**/api/v1/tokens/key', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: otherKey }),
    );
    await fileWithKeys(page, ['4']);
    await page.getByRole('link', { name: 'History' }).click();
    // The tokens are asked for 1 s after the form opens (a timer on the
    // page's fake clock); then the token client loads and the issuer
    // answers in real time, which is what the employee waits for.
    await page.clock.runFor(2 * 60_000);
    await page.getByText(/did not verify against its published key/).first().waitFor();
    assert.equal((await outboxOf(page)).waiting.length, 1, 'the report waits, nothing is lost');
    assert.ok([null, '[]'].includes(await stored(page, 'candor.tokens')), 'no token was kept');
    await context.unrouteAll({ behavior: 'wait' });
    await context.close();
  } finally {
    await other.stop();
  }
});

test('an expired sign-on says so, with a link that renews it, and the report waits', async () => {
  // A login the sign-on no longer accepts. (With none at all, Chromium would
  // ask for basic auth in a dialog; a single sign-on answers an expired
  // session with 401 or a redirect instead, which is what the app handles.)
  const { context, page } = await openApp(['dave', 'expired']);
  await fileWithKeys(page, ['2']);
  await page.getByRole('link', { name: 'History' }).click();
  await page.clock.runFor(2 * 60_000);
  await page.getByRole('link', { name: 'Sign in again' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Sign in again' }).getAttribute('href'), '/');
  await page.getByText(/waiting for a token: your sign-in has expired/).waitFor();
  assert.equal((await outboxOf(page)).waiting.length, 1);
  await context.close();
});
