// Trunk post_build hook (Trunk.toml): the build's last steps, one after the
// other, since each reads what the one before wrote.
//   1. csp-meta.mjs    moves Trunk's inline script into a file, writes the CSP meta tag
//   2. sw-stamp.mjs    the service worker's version and precache list (every file, so after 1)
//   3. precompress.mjs NAME.gz beside each hashed file (start-<hash>.js too)
await import('./csp-meta.mjs');
await import('./sw-stamp.mjs');
await import('./precompress.mjs');
