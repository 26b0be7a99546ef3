// The aids' wasm module (compare mode, the Mermaid and Rust-test exports; the model checker
// uses it from its worker): loaded the first time one of them is used, so the page does not
// pay for it when it opens. Its URL is resolved against the page, not this file, because in
// dist/ this file is part of the page's bundle.

let loading = null;

/** Resolves with the initialised module; later calls get the same one. */
export function loadAidsModule() {
  loading ??= import(new URL('web/pkg/paxos_check_wasm.js', document.baseURI).href).then(async (module) => {
    await module.default();
    return module;
  });
  // A failed load may be retried (e.g. the network came back).
  loading.catch(() => { loading = null; });
  return loading;
}
