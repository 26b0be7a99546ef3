// The aids' wasm module (compare mode, the Mermaid and Rust-test exports; the model checker
// uses it from its worker): loaded the first time one of them is used, so the page does not
// pay for it when it opens.
import { loadModule } from '../lazy.js';

let loading = null;

/** Resolves with the initialised module; later calls get the same one. */
export function loadAidsModule() {
  loading ??= loadModule(document, 'web/pkg/paxos_check_wasm.js').then(async (module) => {
    await module.default();
    return module;
  });
  // A failed load may be retried (e.g. the network came back).
  loading.catch(() => { loading = null; });
  return loading;
}
