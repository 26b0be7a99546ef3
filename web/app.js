// Entry point of the page: load the wasm core, ask it for the default cluster, draw it.
// Any failure on the way is shown on the page; the playground never stays blank.
import { renderCluster } from './cluster-view.js';

function showError(status, error) {
  status.classList.add('error');
  status.setAttribute('role', 'alert');
  const reason = error instanceof Error ? error.message : String(error);
  status.textContent =
    `The simulator could not start: ${reason}. ` +
    'Reload the page; if this keeps happening, try a current browser with WebAssembly enabled.';
}

async function main(document) {
  const status = document.getElementById('status');
  try {
    // A dynamic import, so that a missing or broken glue module is an error we can show,
    // not a module graph that silently never runs.
    const wasm = await import('./pkg/paxos_wasm.js');
    await wasm.default();
    const playground = new wasm.Playground('');
    const snapshot = playground.snapshot();
    renderCluster(document.getElementById('cluster'), snapshot);
    document.getElementById('version').textContent = wasm.version();
    status.textContent = `Simulator ready: ${snapshot.nodes.length} servers.`;
  } catch (error) {
    showError(status, error);
  }
}

main(document);
