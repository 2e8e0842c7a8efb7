// Applies the saved theme before first paint so dark mode never flashes white. A file rather than an
// inline script so the Content-Security-Policy can forbid inline scripts (docs/decisions/007-deploy-modes.md).
(function () {
  try {
    var t = localStorage.getItem('lagoon.theme') || 'system';
    var dark = t === 'dark' || (t === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch {
    // No storage (private mode, blocked cookies): the app applies the system theme when it starts.
  }
})();
