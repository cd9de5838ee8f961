// Shared pieces of the end-to-end tests: Debian's Chromium driven by
// playwright-core, and the built app (dist/) served on 127.0.0.1.
import { chromium } from 'playwright-core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

// CANDOR_DIST and CANDOR_SERVER_BIN point the tests at another build, e.g.
// one made with its own CARGO_TARGET_DIR while someone else builds into dist/.
export const DIST = process.env.CANDOR_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const NGINX = process.env.CANDOR_NGINX ?? '/usr/sbin/nginx';

// Without the background-networking flags Chromium keeps trying hosts this
// closed network refuses.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium (a fresh profile each time). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CANDOR_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
}

/** Serves the built app; options as in scripts/serve.mjs. */
export async function serveApp(options = {}) {
  return startServer({ dist: DIST, ...options });
}

/** Writes `contents` to a fresh temporary file and returns its path. */
export async function tempFile(name, contents) {
  const dir = await mkdtemp(join(tmpdir(), 'candor-e2e-'));
  const path = join(dir, name);
  await writeFile(path, contents);
  return path;
}

/** Opens a page in a fresh context (empty storage) and fails on page errors. */
export async function openPage(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.errors = errors;
  await page.goto(url);
  return page;
}

/**
 * Records a context's traffic the one safe way: `onRequest(request)` and
 * `onResponse(response)` may be async (Playwright's header reads are), and
 * every promise they return is tracked and caught, so none can reject
 * unhandled after the browser closes. Call `await traffic.stop()` before
 * closing the context: it stops listening, waits for the handlers still
 * running, and throws the first error one of them met.
 */
export function recordTraffic(context, { onRequest = () => {}, onResponse = () => {} }) {
  const running = new Set();
  const failures = [];
  const track = (handler) => (event) => {
    const work = Promise.resolve()
      .then(() => handler(event))
      .catch((error) => failures.push(error))
      .finally(() => running.delete(work));
    running.add(work);
  };
  const request = track(onRequest);
  const response = track(onResponse);
  context.on('request', request);
  context.on('response', response);
  return {
    async stop() {
      context.off('request', request);
      context.off('response', response);
      while (running.size > 0) await Promise.all([...running]);
      if (failures.length > 0) throw failures[0];
    },
  };
}

/** Counts every key press made through it, so budgets can be asserted. */
export function countingKeyboard(page) {
  const keyboard = {
    presses: 0,
    async press(key) {
      keyboard.presses += 1;
      await page.keyboard.press(key);
    },
  };
  return keyboard;
}

/** The page's outbox (`candor.outbox`), or an empty one. */
export async function outboxOf(page) {
  const raw = await page.evaluate(() => window.localStorage.getItem('candor.outbox'));
  return raw ? JSON.parse(raw) : { waiting: [], rejected: [], sent: [] };
}

/** Moves the page's (Playwright) clock on a minute at a time until `done()` holds. */
export async function waitWithClock(page, done, minutes = 60) {
  for (let minute = 0; minute < minutes; minute += 1) {
    if (await done()) return;
    await page.clock.runFor(60_000);
    // Let a real fetch to 127.0.0.1 finish before the next minute.
    await page.waitForTimeout(50);
  }
  throw new Error('the outbox did not settle within the simulated time');
}

/** Reads one local storage key of the page. */
export function stored(page, key) {
  return page.evaluate((key) => window.localStorage.getItem(key), key);
}

/** The sync server binary the test command builds (debug profile, in Cargo's target directory). */
export const SERVER_BIN =
  process.env.CANDOR_SERVER_BIN ??
  (process.env.CARGO_TARGET_DIR
    ? join(process.env.CARGO_TARGET_DIR, 'debug', 'candor-server')
    : new URL('../../target/debug/candor-server', import.meta.url).pathname);

/** A free TCP port on 127.0.0.1, so a server can be restarted on the same address. */
export async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts the real candor-server serving the built app (or `dist`), with its
 * SQLite file at `db`; resolves once it prints its listening line.
 */
export async function startSyncServer({ port, db, today, demo = false, dist = DIST, extraArgs = [] }) {
  const { spawn } = await import('node:child_process');
  const args = ['--listen', `127.0.0.1:${port}`, '--db', db, '--dist', dist, '--today', today, ...extraArgs];
  if (demo) args.push('--demo');
  const child = spawn(SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`candor-server did not start:\n${output}`)), 20000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('listening on')) {
        clearTimeout(timer);
        done();
      }
    });
    child.once('exit', (code) => fail(new Error(`candor-server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Runs Debian's nginx (`./candor test` installs it) on `config`, a whole
 * nginx.conf with `daemon off;`, written into `dir`, which is also its
 * prefix (pid file, logs, temporary files). Resolves once nginx has written
 * its pid file, which it does after it has bound its port.
 */
export async function runNginx(dir, config) {
  const { spawn } = await import('node:child_process');
  const { existsSync, watch } = await import('node:fs');
  const { readFile } = await import('node:fs/promises');
  // As root, nginx's workers would switch to "nobody", who may not read dist/.
  if (process.getuid?.() === 0) config = `user root;\n${config}`;
  const file = join(dir, 'nginx.conf');
  await writeFile(file, config);

  const pidFile = join(dir, 'nginx.pid');
  const child = spawn(NGINX, ['-c', file, '-p', `${dir}/`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((done) => child.once('exit', done));
  const errorLog = () => readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
  await new Promise((done, fail) => {
    const watcher = watch(dir, () => {
      if (existsSync(pidFile)) finish(done);
    });
    const timer = setTimeout(() => finish(() => fail(new Error(`nginx did not start within 10 s:\n${output}`))), 10_000);
    child.once('error', (error) => finish(() => fail(new Error(`cannot run ${NGINX} (./candor test installs it): ${error.message}`))));
    exited.then(async (code) => {
      const log = await errorLog();
      finish(() => fail(new Error(`nginx exited with ${code}:\n${output}${log}`)));
    });
    let finished = false;
    function finish(then) {
      if (finished) return;
      finished = true;
      watcher.close();
      clearTimeout(timer);
      then();
    }
    if (existsSync(pidFile)) finish(done);
  });
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
