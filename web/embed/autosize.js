// Paxos Playground embeds, the embedding page's side: sizes every playground iframe to its
// content. Include it once on the page (<script src=".../web/embed/autosize.js" defer>),
// or paste these lines into a script of your own. The playground posts
// {type: 'paxos-playground:height', height} on load and whenever its content's height
// changes; only a message from an iframe's own window and origin resizes that iframe.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'paxos-playground:height') return;
  for (const frame of document.getElementsByTagName('iframe')) {
    if (frame.contentWindow !== event.source || new URL(frame.src, location.href).origin !== event.origin) continue;
    frame.style.height = `${Math.min(Math.max(Number(data.height) || 0, 120), 10000)}px`;
  }
});
