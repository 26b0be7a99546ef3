// The cluster view: servers on a circle, each filled with the colour of the value it has
// accepted and showing its letter, marked with the values chosen by a quorum it was in, with
// its role, phase, promise and accepted proposal beside it; messages as labelled pills
// queued on their links with an arrowhead toward their destination; partitions as cut links
// and group letters; the verdict and the chosen value, and at a violation the conflict
// itself (the overturned value, the server that moved). Where each thing goes is decided by
// web/layout/cluster.js, so that nothing overlaps; this module measures, draws and moves.
//
// SVG layers, bottom to top: links, partition cuts, ghosts (what the last step delivered or
// dropped), messages, servers, group badges, centre text and corner captions.
import { prefersReducedMotion, reconcile, s } from '../dom.js';
import { inFlightText, isProposing, phaseDescription, proposalText, serverLabel, serverSetText } from '../format.js';
import { easeInOut, messageLane } from '../geometry.js';
import { boxAt } from '../layout/boxes.js';
import { COMPACT_WIDTH, LINE, VIEWS, edgeSpots, laneOf, lanePoint, layoutCluster, pillShape, ringLayout } from '../layout/cluster.js';
import { flightFraction } from '../timeline.js';
import { headline } from './observer.js';
import { shortValue, valueSlot } from './values.js';

const NARROW_PX = 560;
/** Below this page width the observer is not beside the drawing: the drawing says the verdict. */
const SIDE_BY_SIDE_PX = 1000;
const GROUP_LETTERS = 'ABCDEFGHI';
/** The fonts text is measured in (style.css draws it in the same). */
const FONTS = { pill: '600 11.5px', line: '13px', role: '700 13px', caption: '15px', value: '800 34px', corner: '700 13px', mark: '700 11px' };
const VERDICT_MARKS = { safe: '✓', violated: '⚠', stuck: '■', livelock: '↻' };
/** Half the width a chosen mark may take (it stays inside the room kept around a server). */
const SERVER_MARK_ROOM = 20;
/** How long a step's message takes to move when stepping by hand. */
const STEP_MS = 450;
/** Remembered places are forgotten past this many (a long run played for a while). */
const MEMORY_MAX = 4000;

/** Measures text in the page's font (a canvas measures without laying out the page). */
function textMeasurer(svg) {
  const doc = svg.ownerDocument;
  const context = doc.createElement('canvas').getContext?.('2d');
  const family = doc.defaultView?.getComputedStyle?.(svg).fontFamily || 'sans-serif';
  const cache = new Map();
  return (text, font) => {
    const key = font + text;
    let width = cache.get(key);
    if (width === undefined) {
      if (cache.size > MEMORY_MAX) cache.clear();
      if (context) {
        context.font = `${font} ${family}`;
        width = context.measureText(text).width;
      } else {
        width = text.length * parseFloat(font.split(' ').at(-1)) * 0.62;
      }
      cache.set(key, width);
    }
    return width;
  };
}

/** The key a message is known by from step to step (ids are reused only by another run). */
const messageKey = (m) => `${m.id}|${m.from}-${m.to}|${m.text}`;

export class ClusterView {
  constructor(svg, { onSelect }) {
    this.svg = svg;
    this.doc = svg.ownerDocument;
    this.onSelect = onSelect;
    this.pills = new Map();
    /** Where things were placed, from step to step (web/layout/cluster.js). */
    this.memory = new Map();
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
   * the links, each server whose text and state are the same, and each message still where
   * it was. Stepping forward by hand moves the step's message (unless motion is reduced).
   */
  render(store, t) {
    const snapshot = store.snapshot();
    const doc = this.doc;
    const window = doc.defaultView;
    this.measure ??= textMeasurer(this.svg);
    this.width ??= this.svg.clientWidth || this.svg.parentNode?.clientWidth || 1000;
    const narrow = this.width < NARROW_PX;
    const view = narrow ? VIEWS.narrow : VIEWS.wide;
    const n = snapshot.nodes.length;
    const shape = `${n}|${view.width}`;
    if (this.shape !== shape) {
      this.shape = shape;
      this.svg.setAttribute('viewBox', `0 0 ${view.width} ${view.height}`);
      this.svg.classList.toggle('narrow', narrow);
      this.layout = ringLayout(n, view);
      this.memory.clear();
    }
    if (this.memory.size > MEMORY_MAX) this.memory.clear();
    const ring = this.layout;
    const layers = this.ownLayers();
    this.snapshot = snapshot;
    // What the step did to a message is shown when the step is taken (by hand or playing),
    // and kept through redraws of the same step (a selection, the language).
    const playing = store.ui.playing;
    const stepped = snapshot.step === this.shownStep + 1 && !playing;
    const moving = stepped && !prefersReducedMotion(window);
    if (snapshot.step !== this.shownStep || store.runVersion !== this.shownRun) {
      const cause = store.trace.steps.get(snapshot.step)?.cause;
      const life = (stepped || playing) && (cause?.type === 'deliver' || cause?.type === 'drop') ? store.trace.messages.get(cause.id) : null;
      this.moment = life ? { life, cause, stepped, moving, playing } : null;
    }
    this.shownStep = snapshot.step;
    this.shownRun = store.runVersion;
    const life = this.moment?.life;

    const nodes = snapshot.nodes.map((node) => ({ node, lines: narrow ? [] : this.nodeLines(node, t) }));
    const corners = [];
    const kind = headline(snapshot.verdict);
    const verdictText = `${VERDICT_MARKS[kind]} ${t(`outcome.${kind}`)}`;
    if (narrow || window?.innerWidth < SIDE_BY_SIDE_PX) corners.push({ key: 'verdict', width: this.measure(verdictText, FONTS.corner) + 16, height: 22 });
    const partitionText = snapshot.partition
      ? t('cluster.partition', { groups: snapshot.partition.map((g, i) => `${GROUP_LETTERS[i]} ${serverSetText(g)}`).join(' | ') })
      : null;
    if (partitionText) corners.push({ key: 'partition', width: this.measure(partitionText, FONTS.caption), height: 20 });
    const centre = this.centreContent(snapshot, t);
    const pills = snapshot.in_flight.map((message) => {
      const label = message.copy_of === null ? message.text : `${message.text} ${t('cluster.copy')}`;
      return { key: messageKey(message), message, label, from: message.from, to: message.to, width: Math.ceil(this.measure(label, FONTS.pill)) + 14, fraction: flightFraction(message, snapshot.tick) };
    });
    const groupOf = partitionGroups(snapshot.partition);
    const cuts = [];
    if (groupOf) {
      for (let a = 1; a <= n; a += 1) for (let b = a + 1; b <= n; b += 1) if (groupOf.get(a) !== groupOf.get(b)) cuts.push({ key: `${a}-${b}`, from: a, to: b, size: 16 });
    }
    const placed = layoutCluster({
      view, ring, corners, cuts, pills,
      labels: narrow ? null : nodes.map(({ lines }) => ({
        width: Math.ceil(Math.max(...lines.map((line) => this.measure(line.text, line.cls === 'role' || line.cls === 'learned-line' ? FONTS.role : FONTS.line)))),
        height: (snapshot.two_phases ? 5 : 4) * LINE,
        fit: lines.length * LINE,
      })),
      centre: centre && { width: Math.ceil(Math.max(this.measure(centre.caption, FONTS.caption), this.measure(centre.value, FONTS.value))), height: 62 },
      unshown: (count) => ({ width: this.measure(t('cluster.unshown', { count }), FONTS.corner) + 2, height: 20 }),
      ghost: life && { key: messageKey(life), from: life.from, to: life.to, width: Math.ceil(this.measure(`✕ ${life.text}`, FONTS.pill)) + 14 },
    }, this.memory);
    this.placed = placed;

    this.drawRing(layers, ring, n, groupOf, placed, snapshot.partition);
    this.drawGhost(layers, this.moment, placed.ghost, ring);
    this.drawPills(layers, pills, placed, store.ui.selection, ring.nodeRadius, moving);
    this.drawNodes(layers, nodes, placed, ring, snapshot, store.ui.selection, t);
    this.drawCaptions(layers, placed, centre, kind, verdictText, partitionText, placed.hidden && t('cluster.unshown', { count: placed.hidden }));

    const aria = t('cluster.aria', { count: n, flying: snapshot.in_flight.length });
    if (this.aria !== aria) {
      this.aria = aria;
      this.svg.setAttribute('aria-label', aria);
    }
  }

  /**
   * Places a label of another layer (the quorum overlay) where it covers nothing drawn: at
   * the first of `points` (its centre) where it fits, or, with no points, along the
   * drawing's edges as the captions are. Returns its box, or null when there is no room.
   */
  placeLabel(text, size, points) {
    const occupancy = this.placed?.occupancy;
    if (!occupancy) return null;
    const width = this.measure(text, `700 ${size}px`) + 2;
    const height = size + 6;
    const spots = points ? points.map((p) => boxAt(p.x, p.y, width, height)) : edgeSpots(occupancy, { width, height });
    return occupancy.take(spots, { kind: 'overlay' });
  }

  /** Gives back the room taken by `placeLabel` for `kind` (an overlay about to be redrawn). */
  releaseLabels(kind) {
    this.placed?.occupancy.release((item) => item.kind === kind);
  }

  /** A server's lines of text: role, phase, promise (two phases only), accepted, learned. */
  nodeLines(node, t) {
    const phase = phaseDescription(node);
    const lines = [{ text: t(phase.role), cls: 'role' }];
    if (phase.key) lines.push({ text: t(phase.key, phase.params), cls: 'phase' });
    if (this.snapshot.two_phases) lines.push({ text: t('node.promised', { ballot: node.promised ?? '–' }), cls: 'promised' });
    lines.push({ text: t('node.accepted', { proposal: proposalText(node.accepted) }), cls: 'accepted' });
    if (node.learned !== null) lines.push({ text: `✓ ${t('node.learned', { value: node.learned })}`, cls: 'learned-line' });
    return lines;
  }

  /**
   * The chosen value(s) for the middle of the drawing, from the core's records: one value;
   * two values chosen (agreement broken); or a chosen value that lost its quorum (the
   * stability violation, its value struck through).
   */
  centreContent(snapshot, t) {
    const values = [...new Set(snapshot.chosen.map((c) => c.proposal.value))];
    if (values.length === 0) return null;
    const lost = snapshot.verdict.violations.some((v) => v.property === 'stability');
    const overturned = lost && values.length === 1;
    return {
      caption: overturned ? `⚠ ${t('cluster.overturned')}` : t('cluster.chosen'),
      value: values.join(' ≠ '),
      cls: overturned ? 'chosen-value conflict overturned' : values.length > 1 ? 'chosen-value conflict' : 'chosen-value',
    };
  }

  /** The links (with a partition's cuts) and the group badges: redrawn when they change. */
  drawRing(layers, ring, n, groupOf, placed, partition) {
    const doc = this.doc;
    const at = (id) => ring.positions[id - 1];
    const key = `${this.shape}|${JSON.stringify(partition)}|${[...placed.cuts.values()].map((b) => `${b.x0},${b.y0}`)}`;
    if (this.ring === key) return;
    this.ring = key;
    const links = [];
    for (let a = 1; a <= n; a += 1) {
      for (let b = a + 1; b <= n; b += 1) {
        const cut = groupOf && groupOf.get(a) !== groupOf.get(b);
        links.push(s(doc, 'line', { ...messageLane(at(a), at(b), { trim: ring.nodeRadius }), class: cut ? 'link cut' : 'link' }));
      }
    }
    layers.links.replaceChildren(...links);
    layers.cuts.replaceChildren(...[...placed.cuts.values()].map((box) => s(doc, 'text', {
      x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2, class: 'cut-mark', 'text-anchor': 'middle', 'dominant-baseline': 'central', 'data-box': '', text: '✕',
    })));
    const r = ring.nodeRadius * 0.8;
    layers.badges.replaceChildren(...(groupOf ? ring.positions.flatMap((p, index) => [
      s(doc, 'circle', { cx: p.x - r, cy: p.y - r, r: 10, class: 'group-badge' }),
      s(doc, 'text', { x: p.x - r, y: p.y - r, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'group-letter', text: groupOf.get(index + 1) }),
    ]) : []));
  }

  /**
   * What the step delivered or dropped. Stepping by hand, a delivered message travels from
   * where it waited into its destination and fades; a dropped one fades where it was, with
   * a cross. With motion reduced either stays, faint, where it waited (if that is free).
   * While playing, the frames have moved it already: it fades where it arrived.
   */
  drawGhost(layers, moment, ghost, ring) {
    const key = moment ? `${messageKey(moment.life)}|${moment.cause.type}|${this.shownStep}|${this.shownRun}` : '';
    if (this.ghostKey === key) return;
    this.ghostKey = key;
    layers.ghosts.replaceChildren();
    if (!moment) return;
    const { life, cause, stepped, moving, playing } = moment;
    const drop = cause.type === 'drop';
    const lane = laneOf(ring.positions[life.from - 1], ring.positions[life.to - 1]);
    const label = drop ? `✕ ${life.text}` : life.text;
    const shape = pillShape(lane, Math.ceil(this.measure(label, FONTS.pill)) + 14);
    const arrived = lanePoint(lane, ring.nodeRadius);
    let at;
    if (playing) at = drop ? ghost : arrived;
    else if (moving) at = ghost;
    else if (stepped && ghost?.free) at = ghost;
    if (!at) return;
    const element = pill(this.doc, life.kind, label, at, at.shape ?? shape);
    const still = !playing && !moving;
    element.setAttribute('class', `msg kind-${life.kind} ghost ${drop ? 'dropped' : 'arrived'}${still ? ' still' : playing ? ' fading' : ''}`);
    if (still) element.setAttribute('data-box', '');
    layers.ghosts.append(element);
    if (moving && !drop && element.animate) {
      element.animate([
        { transform: `translate(${at.x}px,${at.y}px)`, opacity: 1 },
        { transform: `translate(${arrived.x}px,${arrived.y}px)`, opacity: 0 },
      ], { duration: STEP_MS, easing: 'ease-in-out', fill: 'forwards' }).onfinish = () => element.remove();
    }
  }

  /** The pills in flight (kept while they stay where they are) and the "+N" of full links. */
  drawPills(layers, pills, placed, selection, trim, moving) {
    const doc = this.doc;
    const previous = this.pills;
    this.pills = new Map();
    const elements = [];
    for (const { key, message, label } of pills) {
      const spot = placed.pills.get(key);
      if (!spot) continue;
      const selected = selection?.type === 'message' && selection.id === message.id;
      const classes = `msg kind-${message.kind}${message.copy_of === null ? '' : ' copy'}${selected ? ' selected' : ''}`;
      const look = `${label}|${spot.shape.width}|${spot.shape.arrow}`;
      let shown = previous.get(key);
      if (shown?.look !== look) {
        const element = pill(doc, message.kind, label, spot, spot.shape);
        element.dataset.msgId = String(message.id);
        element.setAttribute('role', 'button');
        element.setAttribute('tabindex', '-1');
        element.setAttribute('aria-label', inFlightText(message));
        element.setAttribute('data-box', '');
        // Just sent: it leaves its sender.
        if (moving && !shown) slide(element, lanePoint(spot.lane, spot.lane.length - trim), spot);
        shown = { element, look, translate: translateOf(element), x: spot.x, y: spot.y, opacity: 1 };
      } else if (shown.x !== spot.x || shown.y !== spot.y) {
        if (moving) slide(shown.element, shown, spot);
        place(shown, spot);
      }
      if (shown.classes !== classes) shown.element.setAttribute('class', classes);
      if (shown.opacity !== 1) shown.element.removeAttribute('opacity');
      Object.assign(shown, { message, classes, lane: spot.lane, s: spot.s, opacity: 1 });
      this.pills.set(key, shown);
      elements.push(shown.element);
    }
    // A "+N" stands for the messages a full link has no room for (the in-flight list has them all).
    for (const more of placed.overflow) {
      const element = pill(doc, 'more', `+${more.count}`, more, more.shape);
      element.setAttribute('class', 'msg more');
      element.setAttribute('aria-hidden', 'true');
      element.setAttribute('data-box', '');
      elements.push(element);
    }
    reconcile(layers.messages, elements);
  }

  drawNodes(layers, nodes, placed, ring, snapshot, selection, t) {
    const marks = chosenMarks(snapshot);
    const previous = this.nodes ?? new Map();
    this.nodes = new Map();
    for (const { node, lines } of nodes) {
      const selected = selection?.type === 'node' && selection.id === node.id;
      const box = placed.labels[node.id - 1];
      const mine = marks.get(node.id) ?? [];
      const key = JSON.stringify([node, lines, mine, selected, box, t.language, this.shape]);
      const kept = previous.get(node.id);
      const element = kept?.key === key ? kept.element : this.nodeGroup(node, lines, ring, box, mine, selected, t);
      this.nodes.set(node.id, { key, element });
    }
    reconcile(layers.nodes, [...this.nodes.values()].map((shown) => shown.element));
  }

  /** The centre text and the captions along the edges (verdict, partition, what is not drawn). */
  drawCaptions(layers, placed, centre, kind, verdictText, partitionText, unshownText) {
    const doc = this.doc;
    const key = JSON.stringify([placed.centre, centre, [...placed.corners], kind, verdictText, partitionText, placed.unshown, unshownText]);
    if (this.captionsKey === key) return;
    this.captionsKey = key;
    const parts = [];
    if (placed.centre && centre) {
      const { x0, x1, y0 } = placed.centre;
      const x = (x0 + x1) / 2;
      parts.push(s(doc, 'g', { class: 'centre-text', 'data-box': '' },
        s(doc, 'text', { x, y: y0 + 10, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'chosen-caption', text: centre.caption }),
        s(doc, 'text', { x, y: y0 + 41, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: centre.cls, text: centre.value })));
    }
    const verdict = placed.corners.get('verdict');
    if (verdict) {
      parts.push(s(doc, 'g', { class: `verdict-chip verdict-${kind}`, 'data-box': '', 'aria-hidden': 'true' },
        s(doc, 'rect', { x: verdict.x0, y: verdict.y0, width: verdict.x1 - verdict.x0, height: verdict.y1 - verdict.y0, rx: 5 }),
        s(doc, 'text', { x: (verdict.x0 + verdict.x1) / 2, y: (verdict.y0 + verdict.y1) / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central', text: verdictText })));
    }
    const partition = placed.corners.get('partition');
    if (partition && partitionText) {
      parts.push(s(doc, 'text', { x: partition.x0, y: (partition.y0 + partition.y1) / 2, 'dominant-baseline': 'central', class: 'partition-caption', 'data-box': '', text: partitionText }));
    }
    if (placed.unshown) {
      parts.push(s(doc, 'text', { x: placed.unshown.x0, y: (placed.unshown.y0 + placed.unshown.y1) / 2, 'dominant-baseline': 'central', class: 'unshown-caption', 'data-box': '', text: unshownText }));
    }
    layers.middle.replaceChildren(...parts);
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
      middle: s(doc, 'g', { class: 'captions' }),
    };
    this.ring = null;
    this.ghostKey = null;
    this.captionsKey = null;
    this.pills = new Map();
    this.nodes = new Map();
    this.svg.replaceChildren(...Object.values(this.layers));
    return this.layers;
  }

  nodeGroup(node, lines, ring, box, marks, selected, t) {
    const doc = this.doc;
    const point = ring.positions[node.id - 1];
    const r = ring.nodeRadius;
    const value = node.accepted?.value ?? null;
    const classes = ['node', node.up ? 'up' : 'down', isProposing(node) ? 'proposer' : 'acceptor', node.learned !== null ? 'learned' : '', selected ? 'selected' : ''];
    // The accessible name starts with the node's visible text, in order, so what people
    // see is what speech input can say (each SVG text ends in a space: the visible text of
    // the group is its texts run together, and the space keeps the words apart).
    const label = [serverLabel(node.id), ...lines.map((line) => line.text)].join(', ');
    const groupLetter = partitionGroups(this.snapshot.partition)?.get(node.id);
    const g = s(doc, 'g', {
      class: classes.filter(Boolean).join(' '),
      'data-node-id': node.id,
      role: 'button',
      tabindex: '0',
      'aria-pressed': selected ? 'true' : 'false',
      'aria-label': groupLetter ? `${label}, ${t('cluster.group', { group: groupLetter })}` : label,
    });
    const marker = s(doc, 'g', { class: value === null ? 'node-marker' : `node-marker val-${valueSlot(value)}`, 'data-box': '' },
      s(doc, 'circle', { cx: point.x, cy: point.y, r: r + 6, class: 'node-halo' }),
      s(doc, 'circle', { cx: point.x, cy: point.y, r, class: 'node-body' }),
      s(doc, 'text', { x: point.x, y: value === null ? point.y : point.y - r * 0.32, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'node-label', text: `${serverLabel(node.id)} ` }));
    if (value !== null) {
      marker.append(s(doc, 'text', { x: point.x, y: point.y + r * 0.4, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'node-value', 'aria-hidden': 'true', text: shortValue(value) }));
    }
    // The chosen values this server helped choose, on its right: top, then bottom.
    marks.slice(0, 2).forEach((mark, index) => {
      const text = mark.moved ? `${shortValue(mark.value)}→${value === null ? '–' : shortValue(value)}` : `✓${shortValue(mark.value)}`;
      const width = Math.min(this.measure(text, FONTS.mark) + 8, 2 * SERVER_MARK_ROOM);
      const y = point.y + (index ? 1 : -1) * r * 0.72;
      marker.append(s(doc, 'g', { class: mark.moved ? 'chosen-mark moved' : 'chosen-mark', 'aria-hidden': 'true' },
        s(doc, 'rect', { x: point.x + r * 0.72 - width / 2, y: y - 8, width, height: 16, rx: 8 }),
        s(doc, 'text', { x: point.x + r * 0.72, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', text })));
    });
    g.append(marker);
    if (box && lines.length) {
      const detail = s(doc, 'g', { class: 'node-detail', 'aria-hidden': 'true', 'data-box': '' });
      const anchor = box.side === 'right' ? 'start' : box.side === 'left' ? 'end' : 'middle';
      const x = box.side === 'right' ? box.x0 : box.side === 'left' ? box.x1 : (box.x0 + box.x1) / 2;
      // Above the server the lines sit at the bottom of their room, nearest the server.
      const top = box.side === 'above' ? box.y1 - lines.length * LINE : box.y0;
      lines.forEach((line, index) => {
        detail.append(s(doc, 'text', { x, y: top + (index + 0.5) * LINE, 'text-anchor': anchor, 'dominant-baseline': 'central', class: line.cls, text: `${line.text} ` }));
      });
      g.append(detail);
    }
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
    const tick = this.snapshot?.tick ?? 0;
    const trim = this.layout.nodeRadius;
    for (const shown of this.pills.values()) {
      const { message, lane } = shown;
      const way = lane.length - 2 * trim;
      let s = shown.s;
      let opacity = 1;
      if (motion) {
        const now = flightFraction(message, motion.tick);
        if (now !== null) s -= (now - flightFraction(message, tick)) * way;
        if (cause !== null && cause.id === message.id) {
          if (cause.type === 'deliver' && message.due_tick === null) s = shown.s + (trim - shown.s) * easeInOut(motion.progress);
          else if (cause.type === 'drop') opacity = Math.round((1 - motion.progress) * 100) / 100;
        }
      }
      const point = lanePoint(lane, Math.max(trim, s));
      if (point.x !== shown.x || point.y !== shown.y) place(shown, point);
      if (opacity !== shown.opacity) {
        shown.opacity = opacity;
        shown.element.setAttribute('opacity', String(opacity));
      }
    }
  }
}

/**
 * Per server, the values it helped choose (the core's chosen records, Lamport's: the
 * acceptors that had accepted it), each `moved` when the core's stability finding names
 * this server as one that holds something else now.
 * @returns {Map<number, {value: string, moved: boolean}[]>}
 */
function chosenMarks(snapshot) {
  const marks = new Map();
  const moved = new Set();
  for (const violation of snapshot.verdict.violations) {
    if (violation.property === 'stability') for (const id of violation.moved) moved.add(`${id}|${violation.chosen.proposal.value}`);
  }
  for (const record of snapshot.chosen) {
    const value = record.proposal.value;
    for (const id of record.quorum) {
      const list = marks.get(id) ?? [];
      if (!list.some((mark) => mark.value === value)) list.push({ value, moved: moved.has(`${id}|${value}`) });
      marks.set(id, list);
    }
  }
  return marks;
}

/**
 * A message pill centred on `point`, with its arrowhead (placed by a transform). A compact
 * one (no room for its label on the drawing) keeps its label as a tooltip.
 */
function pill(doc, kind, label, point, shape) {
  const { width } = shape;
  const compact = width === COMPACT_WIDTH;
  return s(doc, 'g', { class: `msg kind-${kind}`, transform: `translate(${point.x} ${point.y})` },
    s(doc, 'path', { d: `M${shape.arrow.join('L')}Z`, class: 'pill-arrow' }),
    s(doc, 'rect', { x: -width / 2, y: -9, width, height: 18, rx: compact ? 5 : 9, class: 'pill' }),
    compact ? s(doc, 'title', { text: label }) : s(doc, 'text', { x: 0, y: 0, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'pill-text', text: label }));
}

/** A short move of a pill from `from` to where it is now (stepping by hand). */
function slide(element, from, to) {
  element.animate?.([{ transform: `translate(${from.x}px,${from.y}px)` }, { transform: `translate(${to.x}px,${to.y}px)` }], { duration: STEP_MS, easing: 'ease-out' });
}

/** Moves a shown pill to `point`. */
function place(shown, point) {
  shown.x = point.x;
  shown.y = point.y;
  if (shown.translate) shown.translate.setTranslate(point.x, point.y);
  else shown.element.setAttribute('transform', `translate(${point.x} ${point.y})`);
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
