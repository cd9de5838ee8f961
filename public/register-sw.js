// Registers Candor's service worker (sw.js, next to this file) and, when a
// new version has been downloaded and waits, offers it with a small banner.
// The page reloads only when the employee clicks Reload: a half-filled form
// is never lost to a silent update. Plain JavaScript loaded with `defer`, so
// it costs the app's wasm nothing and runs under the CSP's script-src 'self'.
(() => {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  // Relative to this script, not to the page: /history and /team share it.
  const here = document.currentScript.src;
  let agreed = false;

  // The new worker takes over only after a click; then this tab reloads.
  // Other tabs see the same change of controller and are left alone.
  sw.addEventListener('controllerchange', () => {
    if (agreed) location.reload();
  });

  function offer(worker) {
    if (document.querySelector('.update-banner')) return;
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('update.css', here).href;
    const banner = document.createElement('aside');
    banner.className = 'update-banner';
    banner.setAttribute('aria-label', 'Update');
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = 'A new version of Candor is ready — ';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      agreed = true;
      button.disabled = true;
      // Already active (another tab agreed first): a plain reload does.
      if (worker.state === 'activated') location.reload();
      else worker.postMessage('skip-waiting');
    });
    status.append(button);
    banner.append(status);
    // Shown once its styles are in, so it never flashes unstyled.
    style.addEventListener('load', () => document.body.append(banner));
    style.addEventListener('error', () => document.body.append(banner));
    document.head.append(style);
  }

  function watch(registration) {
    // A tab left open for days asks again whenever it is looked at.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
    // Only an update is offered: the first install has nothing to replace.
    if (registration.waiting && sw.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) offer(worker);
      });
    });
  }

  // After the page has loaded: the worker's downloads must not slow the form.
  addEventListener('load', () => {
    sw.register(new URL('sw.js', here))
      .then(watch)
      .catch((error) => console.warn('Candor works without offline support here:', error));
  });
})();
