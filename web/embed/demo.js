// The demo post's own script: points the §5 frame at the playground with this page's origin
// on its allowlist (so the frame obeys this page's postMessage commands), and wires the
// buttons that send them. The iframes' sizing is autosize.js's job, as on any blog.
const frame = document.getElementById('demo-seed-5');
const url = new URL(frame.dataset.src, location.href);
url.searchParams.set('origin', location.origin);
frame.src = url.href;

const target = url.origin;
const state = document.getElementById('demo-state');

for (const button of document.querySelectorAll('[data-send]')) {
  button.addEventListener('click', () => {
    const message = { type: `paxos-playground:${button.dataset.send}` };
    if (button.dataset.step !== undefined) message.step = Number(button.dataset.step);
    frame.contentWindow.postMessage(message, target);
  });
}

// Replies: where the run is after each command. The frame speaks only when spoken to, so
// while it plays the post asks again (`state`) twice a second: the line follows the run and
// stops saying "playing" when the run ends by itself.
let asking = null;
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== target) return;
  const data = event.data;
  if (data?.type === 'paxos-playground:state') {
    state.textContent = `Step ${data.step} of ${data.steps}${data.playing ? ', playing' : ''}: ${data.outcome}`;
    if (data.playing && asking === null) {
      asking = setTimeout(() => {
        asking = null;
        frame.contentWindow.postMessage({ type: 'paxos-playground:state' }, target);
      }, 500);
    }
  } else if (data?.type === 'paxos-playground:error') {
    state.textContent = `Refused: ${data.message}`;
  }
});
