// The aids' wasm module (compare mode, the Mermaid and Rust-test exports; the model checker
// uses it from its worker): loaded the first time one of them is used, so the page does not
// pay for it when it opens. Its URL is resolved against the page, not this file, because in
// dist/ this file is part of a bundle in another folder.

let loading = null;
let failures = 0;

/** Resolves with the initialised module; later calls get the same one. */
export function loadAidsModule() {
  if (!loading) {
    const url = new URL('web/pkg/paxos_check_wasm.js', document.baseURI);
    // Browsers remember a module that failed to load: a retry asks for a new URL.
    if (failures > 0) url.searchParams.set('attempt', String(failures));
    loading = import(url.href).then(async (module) => {
      await module.default();
      return module;
    });
    // A failed load may be retried (e.g. the network came back).
    loading.catch(() => {
      loading = null;
      failures += 1;
    });
  }
  return loading;
}
