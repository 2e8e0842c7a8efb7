// jsdom has no modal <dialog> yet: enough of one for the app's dialogs (the browser's own is used in e2e).
// Loaded for every test by setup.ts; once jsdom has showModal this does nothing.
export function polyfillDialog(): void {
  if (typeof HTMLDialogElement === 'undefined') return;
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
