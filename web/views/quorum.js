// The quorum panel and its overlay on the cluster drawing. The panel says in words what the
// overlay draws: for the chosen proposal, its promise quorum, its accept quorum, the earlier
// value's quorum, the servers in both, what they reported, and, with unsafe flexible
// quorums, that nobody was in both. The overlay is a layer the cluster view knows nothing
// about: it is added after each cluster redraw, under the message pills, and ignores the
// pointer, so everything stays clickable.
import { h, s } from '../dom.js';
import { proposalText, serverLabel, serverSetText } from '../format.js';
import { overlayShapes } from '../aids/quorum.js';
import { boxAt } from '../layout/boxes.js';
import { edgeSpots } from '../layout/cluster.js';
import { renderChoices, renderLegend } from './quorum-panel.js';

/** The facts of a picture as [class, text] lines. */
export function quorumFacts(picture, t) {
  if (!picture) return [['q-none', t('quorum.none')]];
  const lines = [];
  const set = serverSetText;
  const proposal = proposalText(picture.proposal);
  const proposer = picture.proposer === null ? '?' : serverLabel(picture.proposer);
  if (picture.kind === 'phase2') {
    lines.push(['q-title', t('quorum.proposalLine', { proposal, server: proposer, step: picture.step })]);
    lines.push(['q-promises', t('quorum.promises', { ballot: picture.proposal.ballot, set: set(picture.promises) })]);
  } else {
    lines.push(['q-title', t('quorum.chosenLine', { value: picture.proposal.value, step: picture.step })]);
    lines.push(['q-promises', t('quorum.noPhase1')]);
  }
  if (picture.chosen) {
    const key = picture.kind === 'phase2' ? 'quorum.accepts' : 'quorum.acceptsOnePhase';
    lines.push(['q-accepts', t(key, { proposal, set: set(picture.accepts), step: picture.chosen.step })]);
  } else if (picture.accepts.length) {
    lines.push(['q-accepts', t('quorum.acceptsSoFar', { proposal, set: set(picture.accepts) })]);
  } else {
    lines.push(['q-accepts', t('quorum.acceptsNone', { proposal })]);
  }

  const earlier = picture.earlier;
  if (!earlier) {
    if (picture.kind === 'phase2') lines.push(['q-own', t('quorum.ownValue', { server: proposer })]);
  } else {
    const params = { proposal: proposalText(earlier.proposal), set: set(earlier.accepts), step: earlier.chosenStep };
    lines.push(['q-earlier', t(earlier.chosenStep === null ? 'quorum.earlierAccepted' : 'quorum.earlierChosen', params)]);
    const value = earlier.proposal.value;
    if (picture.kind !== 'phase2') {
      lines.push(picture.missing
        ? ['q-missing', t('quorum.disjoint', { first: set(earlier.accepts), second: set(picture.accepts) })]
        : ['q-meet q-switched', t('quorum.switched', { set: set(picture.intersection), first: value, second: picture.proposal.value })]);
    } else if (picture.missing) {
      lines.push(['q-missing', t('quorum.missing', { promises: set(picture.promises), quorum: set(earlier.accepts), server: proposer, value })]);
    } else {
      lines.push(['q-meet', t('quorum.meet', { set: set(picture.intersection) })]);
      const ballot = picture.proposal.ballot;
      for (const report of picture.reports) {
        const server = serverLabel(report.id);
        const earlierText = proposalText(earlier.proposal);
        if (report.kind === 'carried') {
          lines.push(['q-carried', t('quorum.carried', { server, earlier: proposalText(report.accepted), ballot, proposer, value: picture.proposal.value })]);
        } else if (report.kind === 'forgot') {
          lines.push(['q-forgot', t('quorum.forgot', { server, earlier: earlierText, ballot })]);
        } else if (report.kind === 'nothing') {
          lines.push(['q-nothing', t('quorum.nothing', { server, ballot })]);
        } else {
          lines.push(['q-other', t('quorum.other', { server, ballot, reported: proposalText(report.accepted) })]);
        }
      }
    }
  }
  if (picture.adopted && !picture.reports.some((r) => r.kind === 'carried' && r.id === picture.adopted.from)) {
    lines.push(['q-adopted', t('quorum.adopted', { server: proposer, proposal: proposalText(picture.adopted.proposal), from: serverLabel(picture.adopted.from) })]);
  }
  if (picture.kind === 'phase2') {
    const { q1, q2, n, safe } = picture.sizes;
    lines.push([safe ? 'q-sizes' : 'q-sizes q-unsafe', t(safe ? 'quorum.sizesSafe' : 'quorum.sizesUnsafe', { q1, q2, n, sum: q1 + q2 })]);
  }
  return lines;
}

export function renderQuorumPanel(panel, picture, aids, t) {
  const doc = panel.ownerDocument;
  const $ = (id) => doc.getElementById(id);
  $('quorum-show').checked = aids.quorum.shown;
  renderChoices($('quorum-pick'), picture, aids.quorum.pick, t);
  $('quorum-facts').replaceChildren(...quorumFacts(picture, t).map(([cls, text]) => h(doc, 'li', { class: `q-fact ${cls}`, text })));
  renderLegend($('quorum-legend'), t);
  panel.dataset.missing = picture?.missing ? 'true' : 'false';
}

/**
 * A place for the overlay's words on the cluster drawing where they cover nothing else
 * placed there: at the first of `points` (the text's centre) with room, or, with no points,
 * along the drawing's edges as its captions are. Null when there is no room.
 */
function placeLabel(cluster, text, size, points) {
  const occupancy = cluster.placed?.occupancy;
  if (!occupancy) return null;
  const width = cluster.measure(text, `700 ${size}px`) + 2;
  const height = size + 6;
  return occupancy.take(points ? points.map((p) => boxAt(p.x, p.y, width, height)) : edgeSpots(occupancy, { width, height }), { kind: 'overlay' });
}

/**
 * Draws the overlay on the cluster drawing (after the cluster's own render). Its words (the
 * legs' messages, the missing intersection) go where they cover nothing else of the
 * drawing; one with no room is left to the panel, which says it all.
 */
export function drawQuorumOverlay(cluster, picture, shown, t) {
  const svg = cluster.svg;
  const layout = cluster.layout;
  for (const layer of svg.querySelectorAll('.quorum-overlay')) layer.remove();
  // What an earlier overlay on the same drawing took is free again.
  cluster.placed?.occupancy.release((item) => item.kind === 'overlay');
  if (!shown || !picture || !layout) return;
  const doc = svg.ownerDocument;
  const shapes = overlayShapes(picture, layout);
  const group = s(doc, 'g', { class: 'quorum-overlay', 'aria-hidden': 'true', 'data-proposal': picture.key });
  // Marks that must stay readable (the ∩ badges, the missing intersection) go on top of
  // the message pills; like the rest of the overlay they let the pointer through.
  const labels = s(doc, 'g', { class: 'quorum-overlay quorum-labels', 'aria-hidden': 'true' });
  group.append(s(doc, 'defs', {}, ...['accept', 'promise'].map((kind) => s(doc, 'marker', {
    id: `quorum-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse', class: `q-arrowhead q-${kind}`,
  }, s(doc, 'path', { d: 'M 0 0 L 10 5 L 0 10 z' })))));
  const r = layout.nodeRadius * 0.72;
  for (const ring of shapes.rings) {
    group.append(s(doc, 'circle', { cx: ring.x, cy: ring.y, r: ring.r, class: `q-ring q-${ring.kind}`, 'data-node': ring.id }));
    if (ring.kind === 'meet') {
      // At the lower left of the server's circle, inside the room the layout keeps around it.
      labels.append(s(doc, 'circle', { cx: ring.x - r, cy: ring.y + r, r: 9, class: 'q-meet-badge' }));
      labels.append(s(doc, 'text', { x: ring.x - r, y: ring.y + r, class: 'q-meet-mark', 'text-anchor': 'middle', 'dominant-baseline': 'central', text: '∩' }));
    }
  }
  for (const leg of shapes.legs) {
    group.append(s(doc, 'path', { d: leg.d, class: `q-leg q-leg-${leg.kind}`, 'marker-end': `url(#quorum-arrow-${leg.kind})` }));
    const box = placeLabel(cluster, leg.text, 12, leg.spots);
    if (box) group.append(s(doc, 'text', { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2, class: 'q-leg-label', 'text-anchor': 'middle', 'dominant-baseline': 'central', 'data-box': '', text: leg.text }));
  }
  if (shapes.gap) {
    const gap = shapes.gap;
    group.append(s(doc, 'line', { x1: gap.x1, y1: gap.y1, x2: gap.x2, y2: gap.y2, class: 'q-gap' }));
    const [mine, theirs] = gap.between;
    const text = `${serverSetText(mine)} ∩ ${serverSetText(theirs)} = ∅: ${t('quorum.gap')}`;
    const box = placeLabel(cluster, text, 14, null);
    if (box) labels.append(s(doc, 'text', { x: box.x0, y: (box.y0 + box.y1) / 2, class: 'q-gap-label', 'dominant-baseline': 'central', 'data-box': '', text }));
  }
  const under = svg.querySelector(':scope > .messages');
  svg.insertBefore(group, under ?? null);
  svg.append(labels);
}
