// The app's JavaScript beside its Rust (wasm-bindgen imports it from
// src/store/tokens.rs, pilot_desk.rs, pilot_results.rs and maps.rs): one file, so
// the main transfer carries one snippet and one module loader (SPEC §8).

// Modules loaded later (scripts/later-modules.mjs): each is named in
// index.html's <meta name="candor-NAME"> and imported once; a failed
// import is tried again the next time it is asked for.
const modules = {};
function later(base, name) {
  if (!modules[name]) {
    const meta = document.querySelector(`meta[name="candor-${name}"]`);
    modules[name] = meta
      ? import(base + '/' + meta.content).then(async (m) => { await m.default(); return m; })
      : Promise.reject(new Error(`this build of the app has no ${name} module`));
    modules[name].catch(() => { delete modules[name]; });
  }
  return modules[name];
}

// Says plainly in `root` that a module could not be loaded (SPEC §7).
function failed(root, what, error, then) {
  root.className = 'failed';
  root.setAttribute('role', 'alert');
  root.textContent = `${what} could not be loaded (${error.message}). ${then}`;
}

// The Pilots page (crates/pilot-results) into #pilot-results.
export function pilot_results_open(base, api) {
  const root = () => document.getElementById('pilot-results') || document.createElement('p');
  later(base, 'pilot-results').then(
    (m) => m.render(root(), api, base + '/candor.json'),
    (error) => failed(root(), 'The Pilots page', error, 'Check the connection and reload the page.'),
  );
}

// The team map (crates/team-map) into #team-map, the map named `title`.
export function team_map_open(base, api, title) {
  const root = () => document.getElementById('team-map') || document.createElement('div');
  later(base, 'team-map').then(
    (m) => m.render(root(), api, base + '/candor.json', title),
    (error) => failed(root(), 'The team map', error, 'Check the connection and reload the page.'),
  );
}

// My map's heatmap (crates/team-map) into #my-map: the device's `history` document.
export function my_map_open(base, history, title) {
  const root = () => document.getElementById('my-map') || document.createElement('div');
  later(base, 'team-map').then(
    (m) => m.render_my_map(root(), base + '/candor.json', history, title),
    (error) => failed(root(), 'The map', error, 'Your reports are safe; reload the page to try again.'),
  );
}

// The pilot desk (crates/pilot-desk) into the element `id` of the File page.
export async function open_pilot_desk(base, id, week, act) {
  const root = document.getElementById(id);
  if (!root) return;
  try {
    const m = await later(base, 'pilot-desk');
    await m.render_desk(root, base, week, (json) => act(true, json), (id) => act(false, id));
  } catch (error) {
    failed(root, 'The pilots', error, 'Reports filed with the form above are not affected; reload the page to try again.');
  }
}

// Anonymous tokens (SPEC §6.10), kept under candor.tokens; the token client
// (crates/token-client) makes them.
const KEY = 'candor.tokens';
function read(oldest) {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.filter((t) => t && typeof t.epoch === 'string' && t.epoch >= oldest) : [];
  } catch {
    return [];
  }
}
export function tokens_held(oldest) {
  return read(oldest).length;
}
export function tokens_take(oldest, count) {
  const list = read(oldest);
  const taken = list.splice(0, count);
  localStorage.setItem(KEY, JSON.stringify(list));
  return JSON.stringify(taken);
}
export function tokens_give_back(oldest, taken) {
  localStorage.setItem(KEY, JSON.stringify(read(oldest).concat(JSON.parse(taken))));
}
export async function tokens_fetch(base, keyUrl, issueUrl, count, oldest) {
  const client = await later(base, 'token-client').catch((error) => {
    throw new Error(`unavailable: ${error.message}`);
  });
  const made = JSON.parse(await client.fetch_tokens(keyUrl, issueUrl, count));
  localStorage.setItem(KEY, JSON.stringify(read(oldest).concat(made)));
  return made.length;
}
