// The cluster view: servers on a circle, each with its role, phase, promise, accepted
// proposal and learned value; messages as labelled pills travelling along the links;
// partitions as cut links and group letters; crashed servers greyed and dashed.
//
// SVG layers, bottom to top: links, partition cuts, ghosts (what the last step delivered or
// dropped), messages, servers, centre text. render() redraws from the snapshot;
// drawMotion() only moves message pills, once per animation frame while playing.
import { reconcile, s } from '../dom.js';
import { proposalText, phaseDescription, isProposing, serverLabel, serverSetText, inFlightText } from '../format.js';
import { clusterLayout, easeInOut, labelAnchor, messageLane, messagePosition, messageTrack, parkedFraction, stackLines, trackPoint } from '../geometry.js';
import { flightFraction } from '../timeline.js';

/** Room for each server's text around the ring; on narrow screens only the ring (the
 *  servers table carries the text there), drawn larger. */
const VIEWS = {
  // Taller than the ring needs: up to five lines of text sit above the top server.
  wide: { width: 840, height: 610, ringShare: 0.6, nodeShare: 0.105 },
  narrow: { width: 440, height: 440, ringShare: 0.74, nodeShare: 0.13 },
};
const NARROW_PX = 560;
const LANE_OFFSET = 7;
const PILL_HEIGHT = 18;
const GROUP_LETTERS = 'ABCDEFGHI';

/** Pill width for a label: about the width of the text at 11.5px, plus padding. */
function pillWidth(label) {
  return Math.round(label.length * 6.6 + 12);
}

export class ClusterView {
  constructor(svg, { onSelect }) {
    this.svg = svg;
    this.doc = svg.ownerDocument;
    this.onSelect = onSelect;
    this.pills = new Map();
    /** The drawing's width on the page, read once and kept until it is resized (null:
     *  read it at the next render), so a render does not force a layout to learn it. */
    this.width = null;
    const Observer = this.doc.defaultView?.ResizeObserver;
    if (Observer) new Observer(() => { this.width = null; }).observe(svg);
    svg.addEventListener('click', (event) => this.pick(event));
    svg.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        if (this.pick(event)) event.preventDefault();
      }
    });
  }

  pick(event) {
    const message = event.target.closest?.('[data-msg-id]');
    if (message) {
      this.onSelect({ type: 'message', id: Number(message.dataset.msgId) });
      return true;
    }
    const node = event.target.closest?.('[data-node-id]');
    if (node) {
      this.onSelect({ type: 'node', id: Number(node.dataset.nodeId) });
      return true;
    }
    return false;
  }

  /**
   * Draws the viewed step. What did not change since the last render is kept, not redrawn:
   * the links (same ring, same partition), each server whose text and state are the same,
   * and each message still in flight (only moved to where it is now). A step while playing
   * changes a few of some hundred elements.
   */
  render(store, t) {
    const snapshot = store.snapshot();
    const doc = this.doc;
    const n = snapshot.nodes.length;
    this.width ??= this.svg.clientWidth || this.svg.parentNode?.clientWidth || 1000;
    const narrow = this.width < NARROW_PX;
    const view = narrow ? VIEWS.narrow : VIEWS.wide;
    const viewBox = `0 0 ${view.width} ${view.height}`;
    if (this.viewBox !== viewBox) {
      this.viewBox = viewBox;
      this.svg.setAttribute('viewBox', viewBox);
      this.svg.classList.toggle('narrow', narrow);
    }
    // The layout and the pills' ways along the links depend on the ring only: kept.
    const shape = `${n}|${view.width}`;
    if (this.shape !== shape) {
      this.shape = shape;
      this.layout = clusterLayout(n, view);
      this.tracks = new Map();
    }
    const layout = this.layout;
    this.snapshot = snapshot;
    const centre = { x: layout.cx, y: layout.cy };
    const at = (id) => layout.positions[id - 1];
    const selection = store.ui.selection;
    const groupOf = partitionGroups(snapshot.partition);
    const layers = this.ownLayers();

    const ring = `${n}|${view.width}|${JSON.stringify(snapshot.partition)}`;
    const ringChanged = this.ring !== ring;
    if (ringChanged) {
      this.ring = ring;
      const links = [];
      const cuts = [];
      for (let a = 1; a <= n; a += 1) {
        for (let b = a + 1; b <= n; b += 1) {
          const lane = messageLane(at(a), at(b), { trim: layout.nodeRadius });
          const cut = groupOf && groupOf.get(a) !== groupOf.get(b);
          links.push(s(doc, 'line', { ...lane, class: cut ? 'link cut' : 'link' }));
          if (cut) {
            const mid = messagePosition(at(a), at(b), 0.5);
            cuts.push(s(doc, 'text', { x: mid.x, y: mid.y, class: 'cut-mark', 'text-anchor': 'middle', 'dominant-baseline': 'central', text: '✕' }));
          }
        }
      }
      layers.links.replaceChildren(...links);
      layers.cuts.replaceChildren(...cuts);
    }

    // The ghost, the group badges and the centre text are kept while they stay the same.
    let ghostKey = '';
    const cause = store.trace.steps.get(snapshot.step)?.cause;
    const life = cause && (cause.type === 'deliver' || cause.type === 'drop') ? store.trace.messages.get(cause.id) : null;
    if (life) {
      const fraction = cause.type === 'deliver' ? 1 : flightFraction({ sent_tick: life.sentTick, due_tick: life.dueTick }, snapshot.tick) ?? 0.5;
      const point = messagePosition(at(life.from), at(life.to), fraction, { trim: layout.nodeRadius, offset: LANE_OFFSET });
      const label = cause.type === 'drop' ? `✕ ${life.text}` : life.text;
      ghostKey = `${life.kind}|${label}|${point.x},${point.y}|${cause.type}`;
      if (this.ghostKey !== ghostKey) {
        const ghost = pill(doc, life.kind, label, point);
        ghost.setAttribute('class', `${ghost.getAttribute('class')} ghost ${cause.type === 'drop' ? 'dropped' : 'arrived'}`);
        layers.ghosts.replaceChildren(ghost);
      }
    }
    if (!ghostKey && this.ghostKey) layers.ghosts.replaceChildren();
    this.ghostKey = ghostKey;

    const previous = this.pills;
    this.pills = new Map();
    const waiting = new Map();
    for (const message of snapshot.in_flight) {
      const key = `${message.from}-${message.to}`;
      const index = waiting.get(key) ?? 0;
      waiting.set(key, index + 1);
      const base = flightFraction(message, snapshot.tick) ?? parkedFraction(index);
      const selected = selection?.type === 'message' && selection.id === message.id;
      let shown = previous.get(message.id);
      if (shown && shown.base === base && shown.selected === selected && shown.opacity === 1 && shown.fraction === base &&
        shown.language === t.language && shown.track === this.tracks.get(key) && sameMessage(shown.message, message)) {
        // Still in flight, where it was: nothing to do but keep it.
        shown.message = message;
        this.pills.set(message.id, shown);
        continue;
      }
      const label = message.copy_of === null ? message.text : `${message.text} ${t('cluster.copy')}`;
      // The pill's way is worked out once per step; each frame only places it on it.
      let track = this.tracks.get(key);
      if (!track) {
        track = messageTrack(at(message.from), at(message.to), { trim: layout.nodeRadius, offset: LANE_OFFSET });
        this.tracks.set(key, track);
      }
      const point = trackPoint(track, base);
      const classes = ['msg', `kind-${message.kind}`, message.copy_of === null ? '' : 'copy', selected ? 'selected' : ''].filter(Boolean).join(' ');
      if (shown && shown.label === label && sameMessage(shown.message, message)) {
        // Still in flight: the same pill, moved to where it is at this step.
        if (shown.x !== point.x || shown.y !== point.y) place(shown, point);
        if (shown.opacity !== 1) shown.element.setAttribute('opacity', '1');
        if (shown.classes !== classes) shown.element.setAttribute('class', classes);
      } else {
        const element = pill(doc, message.kind, label, point);
        element.setAttribute('class', classes);
        element.dataset.msgId = String(message.id);
        element.setAttribute('role', 'button');
        element.setAttribute('tabindex', '-1');
        element.setAttribute('aria-label', inFlightText(message));
        shown = { element, label, translate: translateOf(element) };
      }
      // What the element shows now (fraction, point, opacity), so frames that do not move
      // a pill do not touch it.
      Object.assign(shown, { message, base, track, classes, selected, language: t.language, fraction: base, x: point.x, y: point.y, opacity: 1 });
      this.pills.set(message.id, shown);
    }
    reconcile(layers.messages, [...this.pills.values()].map((shown) => shown.element));

    const previousNodes = this.nodes ?? new Map();
    this.nodes = new Map();
    const badges = [];
    for (const node of snapshot.nodes) {
      const group = groupOf?.get(node.id);
      const selected = selection?.type === 'node' && selection.id === node.id;
      const point = at(node.id);
      const key = `${JSON.stringify(node)}|${selected}|${group}|${t.language}|${snapshot.protocol}|${point.x},${point.y}|${layout.nodeRadius}`;
      const kept = previousNodes.get(node.id);
      const element = kept?.key === key ? kept.element : this.nodeGroup(node, point, centre, layout, t, { selected, group });
      this.nodes.set(node.id, { key, element });
      if (group && ringChanged) {
        const badge = { x: point.x - layout.nodeRadius * 0.8, y: point.y - layout.nodeRadius * 0.8 };
        badges.push(
          s(doc, 'circle', { cx: badge.x, cy: badge.y, r: 10, class: 'group-badge' }),
          s(doc, 'text', { x: badge.x, y: badge.y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'group-letter', text: group }),
        );
      }
    }
    reconcile(layers.nodes, [...this.nodes.values()].map((shown) => shown.element));
    if (ringChanged) layers.badges.replaceChildren(...badges);

    const chosenValues = [...new Set(snapshot.chosen.map((c) => c.proposal.value))];
    const middleKey = `${ring}|${t.language}|${chosenValues.join('\u0000')}`;
    if (this.middleKey !== middleKey) {
      this.middleKey = middleKey;
      layers.middle.replaceChildren(...this.centreText(snapshot, chosenValues, centre, t));
    }

    const aria = t('cluster.aria', { count: n, flying: snapshot.in_flight.length });
    if (this.aria !== aria) {
      this.aria = aria;
      this.svg.setAttribute('aria-label', aria);
    }
  }

  /** The chosen value(s) in the middle of the ring, and the partition's caption. */
  centreText(snapshot, chosenValues, centre, t) {
    const doc = this.doc;
    const middle = [];
    if (chosenValues.length > 0) {
      middle.push(s(doc, 'text', { x: centre.x, y: centre.y - 8, 'text-anchor': 'middle', class: 'chosen-caption', text: t('cluster.chosen') }));
      middle.push(s(doc, 'text', {
        x: centre.x, y: centre.y + 22, 'text-anchor': 'middle',
        class: chosenValues.length > 1 ? 'chosen-value conflict' : 'chosen-value',
        text: chosenValues.join(chosenValues.length > 1 ? ' ≠ ' : ''),
      }));
    }
    if (snapshot.partition) {
      middle.push(s(doc, 'text', {
        x: 12, y: 22, class: 'partition-caption',
        text: t('cluster.partition', { groups: snapshot.partition.map((g, i) => `${GROUP_LETTERS[i]} ${serverSetText(g)}`).join(' | ') }),
      }));
    }
    return middle;
  }

  /**
   * The drawing's layers, bottom to top, made at the first render and kept (others may
   * slip their own layers in between, as the quorum overlay does). Made anew if something
   * took them out of the drawing.
   */
  ownLayers() {
    const layers = this.layers;
    if (layers && Object.values(layers).every((layer) => layer.parentNode === this.svg)) return layers;
    const doc = this.doc;
    this.layers = {
      links: s(doc, 'g', { class: 'links', 'aria-hidden': 'true' }),
      cuts: s(doc, 'g', { class: 'cuts', 'aria-hidden': 'true' }),
      ghosts: s(doc, 'g', { class: 'ghosts', 'aria-hidden': 'true' }),
      messages: s(doc, 'g', { class: 'messages' }),
      nodes: s(doc, 'g', { class: 'nodes' }),
      badges: s(doc, 'g', { class: 'group-badges', 'aria-hidden': 'true' }),
      middle: s(doc, 'g', { class: 'centre-text' }),
    };
    this.ring = null;
    this.ghostKey = null;
    this.middleKey = null;
    this.pills = new Map();
    this.nodes = new Map();
    this.svg.replaceChildren(...Object.values(this.layers));
    return this.layers;
  }

  nodeGroup(node, point, centre, layout, t, { selected, group }) {
    const doc = this.doc;
    const proposing = isProposing(node);
    const learned = node.learned !== null;
    const classes = ['node', node.up ? 'up' : 'down', proposing ? 'proposer' : 'acceptor', learned ? 'learned' : '', selected ? 'selected' : ''];
    const phase = phaseDescription(node);
    const lines = [{ text: t(phase.role), cls: 'role' }];
    if (phase.key) lines.push({ text: t(phase.key, phase.params), cls: 'phase' });
    if (this.snapshot.two_phases) {
      lines.push({ text: t('node.promised', { ballot: node.promised ?? '–' }), cls: 'promised' });
    }
    lines.push({ text: t('node.accepted', { proposal: proposalText(node.accepted) }), cls: 'accepted' });
    if (learned) lines.push({ text: `✓ ${t('node.learned', { value: node.learned })}`, cls: 'learned-line' });
    const anchor = labelAnchor(point, centre, layout.nodeRadius + 10);
    const ys = stackLines(anchor, lines.length, 16);

    // The accessible name starts with the node's visible text, in order, so what people
    // see is what speech input can say (each SVG text ends in a space: the visible text of
    // the group is its texts run together, and the space keeps the words apart).
    const label = [serverLabel(node.id), ...lines.map((line) => line.text)].join(', ');
    const g = s(doc, 'g', {
      class: classes.filter(Boolean).join(' '),
      'data-node-id': node.id,
      role: 'button',
      tabindex: '0',
      'aria-pressed': selected ? 'true' : 'false',
      'aria-label': group ? `${label}, ${t('cluster.group', { group })}` : label,
    });
    g.append(
      s(doc, 'circle', { cx: point.x, cy: point.y, r: layout.nodeRadius + 6, class: 'node-halo' }),
      s(doc, 'circle', { cx: point.x, cy: point.y, r: layout.nodeRadius, class: 'node-body' }),
      s(doc, 'text', { x: point.x, y: point.y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'node-label', text: `${serverLabel(node.id)} ` }),
    );
    const detail = s(doc, 'g', { class: 'node-detail', 'aria-hidden': 'true' });
    lines.forEach((line, index) => {
      detail.append(s(doc, 'text', { x: anchor.x, y: ys[index], 'text-anchor': anchor.anchor, class: line.cls, text: `${line.text} ` }));
    });
    g.append(detail);
    return g;
  }

  /**
   * Moves the pills for a frame of a playing segment: messages with a due tick fly by
   * simulated time; the one the next step delivers by hand travels the rest of its way;
   * the one it drops fades. `motion` null: back to the static picture.
   */
  drawMotion(motion) {
    if (!this.layout) return;
    const cause = motion?.cause ?? null;
    for (const pill of this.pills.values()) {
      const { message, base } = pill;
      let fraction = motion ? flightFraction(message, motion.tick) ?? base : base;
      let opacity = 1;
      if (cause !== null && cause.id === message.id) {
        if (cause.type === 'deliver' && message.due_tick === null) {
          fraction = base + (1 - base) * easeInOut(motion.progress);
        } else if (cause.type === 'drop') {
          opacity = Math.round((1 - motion.progress) * 100) / 100;
        }
      }
      if (fraction !== pill.fraction) {
        pill.fraction = fraction;
        const point = trackPoint(pill.track, fraction);
        if (point.x !== pill.x || point.y !== pill.y) place(pill, point);
      }
      if (opacity !== pill.opacity) {
        pill.opacity = opacity;
        pill.element.setAttribute('opacity', String(opacity));
      }
    }
  }
}

/** A message pill centred on `point` (placed by a transform, so motion moves one attribute). */
function pill(doc, kind, label, point) {
  const width = pillWidth(label);
  return s(doc, 'g', { class: `msg kind-${kind}`, transform: `translate(${point.x} ${point.y})` },
    s(doc, 'rect', { x: -width / 2, y: -PILL_HEIGHT / 2, width, height: PILL_HEIGHT, rx: 9, class: 'pill' }),
    s(doc, 'text', { x: 0, y: 0, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'pill-text', text: label }));
}

/** Moves a shown pill to `point`. */
function place(shown, point) {
  shown.x = point.x;
  shown.y = point.y;
  if (shown.translate) shown.translate.setTranslate(point.x, point.y);
  else shown.element.setAttribute('transform', `translate(${point.x} ${point.y})`);
}

/** Same id, same message: ids are reused only by another run (a fork, a new scenario). */
function sameMessage(a, b) {
  return a.id === b.id && a.kind === b.kind && a.from === b.from && a.to === b.to && a.text === b.text &&
    a.sent_tick === b.sent_tick && a.due_tick === b.due_tick && a.copy_of === b.copy_of;
}

/**
 * The pill's translate as a live SVGTransform, or null where there is none: moving it by
 * setTranslate() costs a quarter of setting the attribute (no string to build and parse).
 */
function translateOf(element) {
  const list = element.transform?.baseVal;
  return list && list.numberOfItems === 1 ? list.getItem(0) : null;
}

/** server id -> group letter, or null without a partition. */
function partitionGroups(partition) {
  if (!partition) return null;
  const map = new Map();
  partition.forEach((group, index) => group.forEach((id) => map.set(id, GROUP_LETTERS[index])));
  return map;
}

