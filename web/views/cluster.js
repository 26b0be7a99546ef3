// The cluster view: servers on a circle, each filled with the colour of the value it has
// accepted and showing its letter, marked with the values chosen by a quorum it was in, with
// its role, phase, promise and accepted proposal beside it; messages as labelled pills
// queued on their links with an arrowhead toward their destination; partitions as cut links
// and group letters; the verdict and the chosen value, and at a violation the conflict
// itself (the overturned value, the server that moved). Where each thing goes is decided by
// web/layout/cluster.js, so that nothing overlaps; this module measures, draws and moves.
//
// SVG layers, bottom to top: links, ghosts (what the step just delivered or dropped),
// messages, servers, group badges, captions (the chosen value, the verdict, the partition).
import { SVG_NS, prefersReducedMotion, reconcile, s } from '../dom.js';
import { inFlightText, isProposing, phaseDescription, proposalText, serverLabel, serverSetText } from '../format.js';
import { easeInOut } from '../geometry.js';
import { LINE, VIEWS, laneOf, lanePoint, layoutCluster, ringLayout } from '../layout/cluster.js';
import { flightFraction } from '../timeline.js';
import { headline } from './observer.js';
import { shortValue, valueSlot } from './values.js';

const NARROW_PX = 560;
/** Below this page width the observer is not beside the drawing: the drawing says the verdict. */
const SIDE_BY_SIDE_PX = 1000;
const GROUP_LETTERS = 'ABCDEFGHI';
/** The fonts text is measured in (style.css draws it in the same). */
const PILL_FONT = '600 11.5px';
const BOLD_FONT = '700 13px';
const VERDICT_MARKS = { safe: '✓', violated: '⚠', stuck: '■', livelock: '↻' };
/** How long the step's message takes to move when stepping by hand, in ms. */
const STEP_MS = 450;
/** Remembered places are forgotten past this many (a long run). */
const MEMORY_MAX = 4000;

/** The key a message is known by from step to step (ids are reused only by another run). */
/**
 * The page's font (style.css, :root), named here rather than read from the computed style:
 * asking for a computed style while the page is being built recalculates every style at
 * once. tests/unit/cluster-font.test.mjs checks the two are the same.
 */
export const PAGE_FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
const messageKey = (m) => `${m.id}|${m.from}-${m.to}|${m.text}`;
const middle = (box) => ({ x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 });

export class ClusterView {
  /**
   * @param svg the drawing
   * @param options.onSelect (selection) => void
   * @param options.onResize () => void: the drawing's width crossed NARROW_PX (it is to be
   *   drawn again, in its other shape)
   */
  constructor(svg, { onSelect, onResize = () => {} }) {
    this.svg = svg;
    this.doc = svg.ownerDocument;
    this.onSelect = onSelect;
    this.pills = new Map();
    /** Where things were placed, from step to step (web/layout/cluster.js). */
    this.memory = new Map();
    this.widths = new Map();
    /** The drawing's width on the page, as the ResizeObserver last reported it (null: not
     *  yet laid out). Never read from the layout: asking the page for a width while it is
     *  being built forces a layout of the whole page (at opening, its costliest step). */
    this.width = null;
    const Observer = this.doc.defaultView?.ResizeObserver;
    if (Observer) {
      new Observer((entries) => {
        const width = entries[entries.length - 1].contentRect.width;
        if (!width) return;
        const shapeChanged = this.shape !== undefined && (width < NARROW_PX) !== this.narrow;
        this.width = width;
        if (shapeChanged) onResize();
      }).observe(svg);
    }
    svg.addEventListener('click', (event) => this.pick(event));
    svg.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        if (this.pick(event)) event.preventDefault();
      }
    });
  }

  pick(event) {
    const target = event.target.closest?.('[data-msg-id],[data-node-id]');
    if (!target) return false;
    const { msgId, nodeId } = target.dataset;
    this.onSelect(msgId ? { type: 'message', id: Number(msgId) } : { type: 'node', id: Number(nodeId) });
    return true;
  }

  /** The width of `text` in `font` (a canvas measures without laying the page out). */
  measure(text, font) {
    const key = font + text;
    let width = this.widths.get(key);
    if (width === undefined) {
      if (!this.context) {
        this.context = this.doc.createElement('canvas').getContext('2d');
        this.family = PAGE_FONT;
      }
      this.context.font = `${font} ${this.family}`;
      width = Math.ceil(this.context.measureText(text).width);
      this.widths.set(key, width);
    }
    return width;
  }

  /**
   * Forgets where things were and what the last step taken by hand moved: the next render
   * places everything as opening the step's link does, so a picture of a step is the same
   * whatever path led to it.
   */
  forget() {
    this.memory.clear();
    this.shownStep = null;
  }

  /**
   * Draws the viewed step. What did not change since the last render is kept, not redrawn:
   * the links, each server whose text and state are the same, and each message still where
   * it was. Stepping forward by hand moves the step's message (unless motion is reduced).
   */
  render(store, t) {
    const snapshot = store.snapshot();
    const window = this.doc.defaultView;
    // Before the first layout, the width is guessed from the window's (the page's margins
    // and the panel's padding take some 64 px; side by side, from 1,000 px, the cluster's
    // column is wider than NARROW_PX): a wrong guess is drawn again once laid out.
    const narrow = (this.width ?? (window.innerWidth < SIDE_BY_SIDE_PX ? window.innerWidth - 64 : Infinity)) < NARROW_PX;
    this.narrow = narrow;
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
    // What a step taken by hand did to a message is shown then, and kept through redraws
    // of the same step (a selection, the language).
    const handStep = snapshot.step === this.shownStep + 1 && !store.ui.playing;
    const moving = handStep && !prefersReducedMotion(window);
    if (snapshot.step !== this.shownStep || store.runVersion !== this.shownRun) {
      const cause = store.trace.steps.get(snapshot.step)?.cause;
      const life = handStep && (cause?.type === 'deliver' || cause?.type === 'drop') ? store.trace.messages.get(cause.id) : null;
      this.moment = life ? { life, drop: cause.type === 'drop', moving, key: `${snapshot.step}|${store.runVersion}` } : null;
    }
    this.shownStep = snapshot.step;
    this.shownRun = store.runVersion;
    const life = this.moment?.life;

    const lines = snapshot.nodes.map((node) => (narrow ? [] : this.nodeLines(node, t)));
    const kind = headline(snapshot.verdict);
    const captions = [];
    if (narrow || window.innerWidth < SIDE_BY_SIDE_PX) captions.push({ key: 'verdict', text: `${VERDICT_MARKS[kind]} ${t(`outcome.${kind}`)}`, cls: `verdict-chip verdict-${kind}`, pad: 16 });
    if (snapshot.partition) {
      const groups = snapshot.partition.map((g, i) => `${GROUP_LETTERS[i]} ${serverSetText(g)}`).join(' | ');
      captions.push({ key: 'partition', text: t('cluster.partition', { groups }), cls: 'partition-caption', pad: 0 });
    }
    for (const caption of captions) Object.assign(caption, { width: this.measure(caption.text, BOLD_FONT) + caption.pad, height: 22 });
    const centre = centreText(snapshot, t);
    const pills = snapshot.in_flight.map((message) => {
      const copy = message.copy_of === null ? '' : ` ${t('cluster.copy')}`;
      const label = message.text + copy;
      const short = message.text.slice(message.body_at) + copy;
      return {
        key: messageKey(message), message, label, short, from: message.from, to: message.to, fraction: flightFraction(message, snapshot.tick),
        width: this.measure(label, PILL_FONT) + 14, shortWidth: this.measure(short, PILL_FONT) + 14,
      };
    });
    const unshown = (count) => ({ key: 'unshown', text: t('cluster.unshown', { count }), cls: 'unshown-caption', pad: 0 });
    const placed = layoutCluster({
      view, ring, pills,
      corners: captions,
      labels: narrow ? null : lines.map((own) => ({
        width: Math.max(...own.map((line) => this.measure(line.text, line.bold ? BOLD_FONT : '13px'))),
        height: own.length * LINE,
      })),
      centre: centre && { width: this.measure(centre.caption, '15px') + 6 + this.measure(centre.value, '800 28px'), height: 34 },
      unshown: (count) => ({ width: this.measure(unshown(count).text, BOLD_FONT), height: 22 }),
      ghost: life && { key: messageKey(life), from: life.from, to: life.to, width: this.measure(`✕ ${life.text}`, PILL_FONT) + 14 },
    }, this.memory);
    this.placed = placed;
    if (placed.unshown) captions.push(unshown(placed.hidden));

    this.drawRing(layers, ring, n, snapshot.partition);
    this.drawGhost(layers, placed.ghost, ring);
    this.drawPills(layers, pills, placed, store.ui.selection, ring.nodeRadius, moving);
    this.drawNodes(layers, lines, placed, ring, snapshot, store.ui.selection, t);
    this.drawCaptions(layers, placed, centre, captions);

    const aria = t('cluster.aria', { count: n, flying: snapshot.in_flight.length });
    if (this.aria !== aria) {
      this.aria = aria;
      this.svg.setAttribute('aria-label', aria);
    }
  }

  /** A server's lines of text: role, phase, promise (two phases only), accepted, learned. */
  nodeLines(node, t) {
    const phase = phaseDescription(node);
    const lines = [{ text: t(phase.role), cls: 'role', bold: true }];
    if (phase.key) lines.push({ text: t(phase.key, phase.params), cls: 'phase' });
    if (this.snapshot.two_phases) lines.push({ text: t('node.promised', { ballot: node.promised ?? '–' }), cls: 'promised' });
    lines.push({ text: t('node.accepted', { proposal: proposalText(node.accepted) }), cls: 'accepted' });
    if (node.learned !== null) lines.push({ text: `✓ ${t('node.learned', { value: node.learned })}`, cls: 'learned-line', bold: true });
    return lines;
  }

  /** The links (a partition's cut ones dashed) and the group badges: redrawn when they change. */
  drawRing(layers, ring, n, partition) {
    const key = `${this.shape}|${JSON.stringify(partition)}`;
    if (this.ring === key) return;
    this.ring = key;
    const doc = this.doc;
    const at = (id) => ring.positions[id - 1];
    const groupOf = partitionGroups(partition);
    const links = [];
    for (let a = 1; a <= n; a += 1) {
      for (let b = a + 1; b <= n; b += 1) {
        const cut = groupOf && groupOf.get(a) !== groupOf.get(b);
        const { ux, uy } = laneOf(at(a), at(b));
        const r = ring.nodeRadius;
        links.push(s(doc, 'line', { x1: at(a).x + ux * r, y1: at(a).y + uy * r, x2: at(b).x - ux * r, y2: at(b).y - uy * r, class: cut ? 'link cut' : 'link' }));
      }
    }
    layers.links.replaceChildren(...links);
    // A group's letter at the upper left of each server, inside the room kept around it.
    const r = ring.nodeRadius * 0.8;
    layers.badges.replaceChildren(...(groupOf ? ring.positions.flatMap((p, index) => [
      s(doc, 'circle', { cx: p.x - r, cy: p.y - r, r: 10, class: 'group-badge' }),
      s(doc, 'text', { x: p.x - r, y: p.y - r, class: 'group-letter', text: groupOf.get(index + 1) }),
    ]) : []));
  }

  /**
   * What a step taken by hand delivered or dropped: a delivered message travels from where
   * it waited into its destination and fades; a dropped one fades where it was, with a
   * cross. With motion reduced either stays, faint, where it waited, if that is free.
   */
  drawGhost(layers, ghost, ring) {
    const moment = this.moment;
    if (this.ghostKey === moment?.key) return;
    this.ghostKey = moment?.key;
    layers.ghosts.replaceChildren();
    if (!ghost || !(moment.moving || ghost.free)) return;
    const { life, drop } = moment;
    const classes = `msg kind-${life.kind} ghost ${drop ? 'dropped' : 'arrived'}${moment.moving ? '' : ' still'}`;
    const element = pill(this.doc, classes, drop ? `✕ ${life.text}` : life.text, ghost, ghost.shape);
    // Moving, it is on its way out, not a thing placed on the drawing.
    if (moment.moving) element.removeAttribute('data-box');
    layers.ghosts.append(element);
    if (moment.moving && !drop) {
      const end = lanePoint(ghost.lane, ring.nodeRadius);
      element.animate([
        { transform: `translate(${ghost.x}px,${ghost.y}px)`, opacity: 1 },
        { transform: `translate(${end.x}px,${end.y}px)`, opacity: 0 },
      ], { duration: STEP_MS, easing: 'ease-in-out', fill: 'forwards' }).onfinish = () => element.remove();
    }
  }

  /** The pills in flight (kept while they stay where they are) and the "+N" of full links. */
  drawPills(layers, pills, placed, selection, trim, moving) {
    const previous = this.pills;
    this.pills = new Map();
    const elements = [];
    const stepKey = `${this.shownStep}|${this.shownRun}`;
    for (const { key, message, label, short } of pills) {
      const spot = placed.pills.get(key);
      if (!spot) continue;
      const selected = selection?.type === 'message' && selection.id === message.id;
      // A crowded link shows less of the text (web/layout/cluster.js); the whole is the tooltip.
      const text = spot.form === 'full' ? label : spot.form === 'short' ? short : '';
      // The layout keeps one shape object per lane and width: the same object, the same look.
      let shown = previous.get(key);
      const fresh = shown?.text !== text || shown.shape !== spot.shape;
      // Stepping by hand, a pill that moved slides from where it was; one just sent, from
      // its sender. The slide (style.css) is a class, kept through redraws of the same step
      // and dropped at the next; its other name starts it again when it moves again.
      const from = !moving ? null : !shown ? lanePoint(spot.lane, spot.lane.length - trim)
        : !fresh && (shown.x !== spot.x || shown.y !== spot.y) ? { x: shown.x, y: shown.y } : null;
      const slide = from ? (shown?.slide === 'slide-a' ? 'slide-b' : 'slide-a') : !fresh && shown.slideStep === stepKey ? shown.slide : null;
      const classes = `msg kind-${message.kind}${message.copy_of === null ? '' : ' copy'}${selected ? ' selected' : ''}${slide ? ` ${slide}` : ''}`;
      if (fresh) {
        const element = pill(this.doc, classes, text, spot, spot.shape, text === label ? null : label);
        element.dataset.msgId = String(message.id);
        element.setAttribute('role', 'button');
        element.setAttribute('tabindex', '-1');
        element.setAttribute('aria-label', inFlightText(message));
        shown = { element, text, shape: spot.shape, x: spot.x, y: spot.y, classes, opacity: 1 };
      } else if (shown.x !== spot.x || shown.y !== spot.y) {
        place(shown, spot);
      }
      if (from) {
        // (The offset from where it is drawn now: the slide's translate adds to its place.)
        shown.element.style.setProperty('--from', `${from.x - spot.x}px ${from.y - spot.y}px`);
        shown.slideStep = stepKey;
      }
      shown.slide = slide;
      if (shown.classes !== classes) shown.element.setAttribute('class', classes);
      if (shown.opacity !== 1) shown.element.removeAttribute('opacity');
      shown.message = message;
      shown.classes = classes;
      shown.lane = spot.lane;
      shown.s = spot.s;
      shown.side = spot.side;
      shown.opacity = 1;
      this.pills.set(key, shown);
      elements.push(shown.element);
    }
    // A "+N" stands for what a full link has no room for (the in-flight list has them all).
    // Kept from render to render like the pills: a busy run has one on most of its links.
    const previousMore = this.more ?? new Map();
    this.more = new Map();
    for (const more of placed.overflow) {
      let shown = previousMore.get(more.key);
      if (shown?.count !== more.count || shown.shape !== more.shape) {
        const element = pill(this.doc, 'msg more', `+${more.count}`, more, more.shape);
        element.setAttribute('aria-hidden', 'true');
        shown = { element, count: more.count, shape: more.shape, x: more.x, y: more.y };
      } else if (shown.x !== more.x || shown.y !== more.y) {
        place(shown, more);
      }
      this.more.set(more.key, shown);
      elements.push(shown.element);
    }
    // What was drawn and is not kept: every other child of the layer.
    const removed = [];
    for (const [key, shown] of previous) if (this.pills.get(key) !== shown) removed.push(shown.element);
    for (const [key, shown] of previousMore) if (this.more.get(key) !== shown) removed.push(shown.element);
    reconcile(layers.messages, elements, removed);
  }

  drawNodes(layers, lines, placed, ring, snapshot, selection, t) {
    const marks = chosenMarks(snapshot);
    const previous = this.nodes;
    this.nodes = new Map();
    for (const node of snapshot.nodes) {
      const selected = selection?.type === 'node' && selection.id === node.id;
      const args = [node, lines[node.id - 1], placed.labels[node.id - 1], marks.get(node.id) ?? [], selected];
      const key = JSON.stringify([...args, t.language, this.shape, snapshot.partition]);
      const kept = previous.get(node.id);
      this.nodes.set(node.id, { key, element: kept?.key === key ? kept.element : this.nodeGroup(ring, t, ...args) });
    }
    reconcile(layers.nodes, [...this.nodes.values()].map((shown) => shown.element));
  }

  /** The chosen value in the middle and the captions along the edges. */
  drawCaptions(layers, placed, centre, captions) {
    const key = JSON.stringify([placed.centre, centre, [...placed.corners], placed.unshown, captions]);
    if (this.captionsKey === key) return;
    this.captionsKey = key;
    const doc = this.doc;
    const parts = [];
    if (placed.centre) {
      const { x, y } = middle(placed.centre);
      parts.push(s(doc, 'text', { x, y, class: 'centre-text', 'data-box': '' },
        s(doc, 'tspan', { class: 'chosen-caption', text: centre.caption }),
        s(doc, 'tspan', { dx: 6, class: centre.cls, text: centre.value })));
    }
    for (const caption of captions) {
      const box = caption.key === 'unshown' ? placed.unshown : placed.corners.get(caption.key);
      if (!box) continue;
      const { x, y } = middle(box);
      parts.push(caption.pad
        ? s(doc, 'g', { class: caption.cls, 'data-box': '', 'aria-hidden': 'true' },
          s(doc, 'rect', { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0, rx: 5 }),
          s(doc, 'text', { x, y, text: caption.text }))
        : s(doc, 'text', { x: box.x0, y, 'dominant-baseline': 'central', class: caption.cls, 'data-box': '', text: caption.text }));
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
    const hidden = { 'aria-hidden': 'true' };
    this.layers = {
      links: s(doc, 'g', { class: 'links', ...hidden }),
      ghosts: s(doc, 'g', { class: 'ghosts', ...hidden }),
      messages: s(doc, 'g', { class: 'messages' }),
      nodes: s(doc, 'g', { class: 'nodes' }),
      badges: s(doc, 'g', { class: 'group-badges', ...hidden }),
      middle: s(doc, 'g', { class: 'captions' }),
    };
    this.ring = null;
    this.ghostKey = null;
    this.captionsKey = null;
    this.pills = new Map();
    this.more = new Map();
    this.nodes = new Map();
    this.svg.replaceChildren(...Object.values(this.layers));
    return this.layers;
  }

  nodeGroup(ring, t, node, lines, box, marks, selected) {
    const doc = this.doc;
    const { x, y } = ring.positions[node.id - 1];
    const r = ring.nodeRadius;
    const value = node.accepted?.value ?? null;
    const classes = ['node', node.up ? 'up' : 'down', isProposing(node) ? 'proposer' : 'acceptor', node.learned !== null && 'learned', selected && 'selected'];
    // The accessible name starts with the node's visible text, in order, so what people
    // see is what speech input can say (each SVG text ends in a space: the visible text of
    // the group is its texts run together, and the space keeps the words apart).
    const shown = value === null ? null : shortValue(value);
    const markTexts = marks.slice(0, 2).map((mark) => (mark.moved ? `${shortValue(mark.value)}→${shown ?? '–'}` : `✓${shortValue(mark.value)}`));
    const label = [[serverLabel(node.id), shown, ...markTexts].filter(Boolean).join(' '), ...lines.map((line) => line.text)].join(', ');
    const group = partitionGroups(this.snapshot.partition)?.get(node.id);
    const g = s(doc, 'g', {
      class: classes,
      'data-node-id': node.id,
      role: 'button',
      tabindex: '0',
      'aria-pressed': String(selected),
      'aria-label': group ? `${label}, ${t('cluster.group', { group })}` : label,
    });
    const marker = s(doc, 'g', { class: ['node-marker', value !== null && `val-${valueSlot(value)}`], 'data-box': '' },
      s(doc, 'circle', { cx: x, cy: y, r: r + 6, class: 'node-halo' }),
      s(doc, 'circle', { cx: x, cy: y, r, class: 'node-body' }),
      s(doc, 'text', { x, y: value === null ? y : y - r * 0.32, class: 'node-label', text: `${serverLabel(node.id)} ` }),
      shown && s(doc, 'text', { x, y: y + r * 0.4, class: 'node-value', text: `${shown} ` }));
    // The values chosen by a quorum this server was in, at its right, top then bottom (inside
    // the room the layout keeps around a server); red where it has moved off the value since.
    markTexts.forEach((text, index) => {
      const width = Math.min(this.measure(text, '700 11px') + 8, 40);
      const top = y + (index ? 0.72 : -0.72) * r;
      marker.append(s(doc, 'g', { class: ['chosen-mark', marks[index].moved && 'moved'] },
        s(doc, 'rect', { x: x + r * 0.72 - width / 2, y: top - 8, width, height: 16, rx: 8 }),
        s(doc, 'text', { x: x + r * 0.72, y: top, text: `${text} ` })));
    });
    g.append(marker);
    if (box && lines.length) {
      const detail = s(doc, 'g', { class: 'node-detail', 'aria-hidden': 'true', 'data-box': '' });
      const { sx } = box;
      const anchor = sx > 0 ? 'start' : sx < 0 ? 'end' : 'middle';
      const left = sx > 0 ? box.x0 : sx < 0 ? box.x1 : middle(box).x;
      // Above the server the lines sit at the bottom of their room, nearest the server.
      const top = box.sy < 0 ? box.y1 - lines.length * LINE : box.y0;
      lines.forEach((line, index) => {
        detail.append(s(doc, 'text', { x: left, y: top + (index + 0.5) * LINE, 'text-anchor': anchor, 'dominant-baseline': 'central', class: line.cls, text: `${line.text} ` }));
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
    const cause = motion?.cause;
    const trim = this.layout.nodeRadius;
    for (const shown of this.pills.values()) {
      const { message, lane } = shown;
      let at = shown.s;
      let opacity = 1;
      if (motion) {
        const now = flightFraction(message, motion.tick);
        if (now !== null) at -= (now - flightFraction(message, this.snapshot.tick)) * (lane.length - 2 * trim);
        if (cause?.id === message.id) {
          if (cause.type === 'deliver' && message.due_tick === null) at += (trim - at) * easeInOut(motion.progress);
          else if (cause.type === 'drop') opacity = Math.round((1 - motion.progress) * 100) / 100;
        }
      }
      const point = lanePoint(lane, Math.max(trim, at), shown.side);
      if (point.x !== shown.x || point.y !== shown.y) place(shown, point);
      if (opacity !== shown.opacity) {
        shown.opacity = opacity;
        shown.element.setAttribute('opacity', String(opacity));
      }
    }
  }
}

/**
 * The chosen value(s) for the middle of the drawing, from the core's records: one value;
 * two values chosen (agreement broken); or a chosen value that lost its quorum (the
 * stability violation: the value struck through).
 */
function centreText(snapshot, t) {
  const values = [...new Set(snapshot.chosen.map((c) => c.proposal.value))];
  if (values.length === 0) return null;
  const overturned = values.length === 1 && snapshot.verdict.violations.some((v) => v.property === 'stability');
  return {
    caption: overturned ? `⚠ ${t('cluster.overturned')}` : t('cluster.chosen'),
    value: values.join(' ≠ '),
    cls: `chosen-value${values.length > 1 || overturned ? ' conflict' : ''}${overturned ? ' overturned' : ''}`,
  };
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
    for (const id of violation.moved ?? []) moved.add(`${id}|${violation.chosen.proposal.value}`);
  }
  for (const { proposal: { value }, quorum } of snapshot.chosen) {
    for (const id of quorum) {
      const list = marks.get(id) ?? [];
      if (!list.some((mark) => mark.value === value)) list.push({ value, moved: moved.has(`${id}|${value}`) });
      marks.set(id, list);
    }
  }
  return marks;
}

/**
 * A message pill centred on `point`, with its arrowhead (placed by a transform), showing
 * `label` (none for a bare dot), with `title` as its tooltip if given. Built with the DOM's
 * own calls rather than s(): a busy step makes dozens, and what every pill has alike (the
 * body's height and corners, the text's anchoring, the parts' colours) is one rule each in
 * style.css (`.msg > rect`, `.msg > text`, `.msg > path`), not attributes on every pill.
 */
function pill(doc, classes, label, point, { width, arrow }, title = null) {
  const group = doc.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', classes);
  group.setAttribute('transform', `translate(${point.x} ${point.y})`);
  group.setAttribute('data-box', '');
  if (title !== null) group.append(s(doc, 'title', { text: title }));
  const head = doc.createElementNS(SVG_NS, 'path');
  head.setAttribute('d', `M${arrow.join('L')}Z`);
  const body = doc.createElementNS(SVG_NS, 'rect');
  body.setAttribute('x', -width / 2);
  body.setAttribute('width', width);
  group.append(head, body);
  if (label) group.append(s(doc, 'text', { text: label }));
  return group;
}

/** Moves a shown pill to `point`. */
function place(shown, point) {
  shown.x = point.x;
  shown.y = point.y;
  // (Asked for the first time a pill moves: most pills are drawn and removed in place.)
  shown.translate ??= translateOf(shown.element);
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
