// Trunk post_build hook (Trunk.toml): the build's last steps, one after the
// other, since each reads what the one before wrote.
//   1. later-modules.mjs builds the wasm modules the app loads later (the token
//                      client, the Pilots page, the pilot desk) into NAME-<hash>.js + _bg.wasm,
//                      named in index.html
//   2. catalogs.mjs    every language's message catalog but English's into lang/<code>.<domain>.txt
//   3. shipped-js.mjs  leaves the comments out of register-sw.js and the app's snippets
//   4. csp-meta.mjs    moves Trunk's inline script into a file, writes the CSP meta tag
//   5. sw-stamp.mjs    the service worker's version and precache list (every file, so after 1–4)
//   6. precompress.mjs NAME.gz beside each hashed file (start-<hash>.js and the later modules too)
await import('./later-modules.mjs');
await import('./catalogs.mjs');
await import('./shipped-js.mjs');
await import('./csp-meta.mjs');
await import('./sw-stamp.mjs');
await import('./precompress.mjs');
