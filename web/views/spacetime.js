// The space-time diagram, as in the seed's figures: one lane per server (S1 at the top),
// time running to the right one column per step, every message an arrow from the step
// that sent it to the step that delivered it (or a cross where it was dropped). Chosen
// moments, violations, proposals, crashes and partitions are marked on it.
//
// The whole run is drawn once per run; what lies after the viewed step is veiled (still
// visible, faint, and clickable, like the future in the event list), so following the
// current step (or a playing segment) only moves the veil and a cursor.
import { s } from '../dom.js';
import { serverLabel, serverSetText } from '../format.js';
import { spacetimeScale } from '../geometry.js';

const KINDS = ['prepare', 'promise', 'accept', 'accepted', 'nack', 'reject'];
const LABELLED_STEPS_MAX = 60;

export class SpacetimeView {
  constructor(svg, { scroller, lanes, onSelect, onSeek }) {
    this.svg = svg;
    this.lanes = lanes;
    this.doc = svg.ownerDocument;
    this.scroller = scroller;
    this.onSelect = onSelect;
    this.onSeek = onSeek;
    this.drawn = null;
    /** The scroller's measures, read once and kept (null: read them at the next follow), so
     *  following a playing segment reads no layout in the frame loop. */
    this.viewport = null;
    /** Where the cursor was last put (null: not yet, or redrawn since). */
    this.followed = null;
    scroller?.addEventListener('scroll', () => {
      if (this.viewport) this.viewport.scrollLeft = scroller.scrollLeft;
    }, { passive: true });
    const view = scroller?.ownerDocument.defaultView;
    if (view?.ResizeObserver) new view.ResizeObserver(() => { this.viewport = null; }).observe(scroller);
    // Scrolling needs the layout: set in a render or a frame, right after the views changed
    // the page, it would force one there. An IntersectionObserver calls back once the page
    // has been laid out anyway (observing anew reports once), and the scroll is set then.
    /** Where to scroll the diagram once laid out (null: nowhere). */
    this.scrollTarget = null;
    this.scrollLater = view?.IntersectionObserver && scroller ? new view.IntersectionObserver(() => {
      if (this.scrollTarget !== null) scroller.scrollLeft = this.scrollTarget;
      this.scrollTarget = null;
    }, { root: scroller }) : null;
    lanes?.addEventListener('click', (event) => {
      const lane = event.target.closest?.('[data-node-id]');
      if (lane) this.onSelect({ type: 'node', id: Number(lane.dataset.nodeId) });
    });
    svg.addEventListener('click', (event) => {
      const arrow = event.target.closest?.('[data-msg-id]');
      if (arrow) {
        this.onSelect({ type: 'message', id: Number(arrow.dataset.msgId) });
        return;
      }
      const lane = event.target.closest?.('[data-node-id]');
      if (lane) {
        this.onSelect({ type: 'node', id: Number(lane.dataset.nodeId) });
        return;
      }
      if (!this.scale) return;
      const point = this.toDrawing(event);
      if (point) this.onSeek(this.scale.stepAt(point.x));
    });
  }

  toDrawing(event) {
    const matrix = this.svg.getScreenCTM?.();
    if (!matrix) return null;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  /** Redraws when the run changed; otherwise only moves the clip and cursor. */
  render(store, t) {
    const width = this.scroller ? this.measure(this.scroller).clientWidth : 0;
    const key = `${store.runVersion}|${t.language}|${JSON.stringify(store.ui.selection)}|${width}`;
    if (this.drawn !== key) {
      this.draw(store, t);
      this.drawn = key;
    }
    this.follow(store.step, 0);
  }

  draw(store, t) {
    const doc = this.doc;
    const { trace } = store;
    const snapshot = store.snapshot();
    const lanes = snapshot.nodes.length;
    const columns = Math.max(trace.lastStep, 1) + 1;
    // Short runs spread out to fill the panel; long ones scroll sideways.
    const room = this.scroller ? this.measure(this.scroller).clientWidth : 0;
    const stepWidth = Math.min(90, Math.max(34, Math.floor((room - 16 - 40) / columns)));
    const scale = spacetimeScale({ lanes, steps: columns, top: 46, stepWidth, left: 16 });
    this.scale = scale;
    const selection = store.ui.selection;
    const size = `${scale.width} ${scale.height}`;
    if (this.size !== size) {
      this.size = size;
      this.svg.setAttribute('viewBox', `0 0 ${size}`);
      this.svg.setAttribute('width', scale.width);
      this.svg.setAttribute('height', scale.height);
    }
    const aria = t('spacetime.aria', { count: lanes, steps: trace.lastStep });
    if (this.svg.getAttribute('aria-label') !== aria) this.svg.setAttribute('aria-label', aria);

    // The drawing's parts are made once per trace (a load, a fork, another language or
    // column width) and kept while the run grows: a played step at the end of the run
    // redraws only the arrows and marks that changed, and adds the new ones.
    const epoch = `${t.language}|${scale.stepWidth}|${lanes}`;
    let parts = this.parts;
    if (!parts || parts.trace !== trace || parts.epoch !== epoch) {
      const defs = s(doc, 'defs');
      for (const kind of KINDS) {
        defs.append(s(doc, 'marker', {
          id: `st-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', class: `arrowhead kind-${kind}`,
        }, s(doc, 'path', { d: 'M 0 0 L 10 5 L 0 10 z' })));
      }
      parts = {
        trace,
        epoch,
        background: s(doc, 'rect', { x: 0, y: 0, class: 'st-background' }),
        axis: s(doc, 'g', { class: 'st-axis', 'aria-hidden': 'true' }),
        lanes: s(doc, 'g', { class: 'st-lanes' }),
        past: s(doc, 'g', { class: 'st-run' }),
        notes: [],
        arrows: s(doc, 'g', { class: 'st-arrows' }),
        marks: s(doc, 'g', { class: 'st-marks' }),
        /** message id -> {life, endStep, endKind, end, element, ...}; [{mark, shapes}] */
        arrowShown: new Map(),
        markList: [],
        axisSteps: -1,
      };
      parts.past.append(parts.arrows, parts.marks);
      this.parts = parts;
      this.veil = s(doc, 'rect', { x: 0, y: 0, class: 'st-future', 'aria-hidden': 'true' });
      this.cursor = s(doc, 'line', { x1: 0, x2: 0, class: 'st-cursor', 'aria-hidden': 'true' });
      this.svg.replaceChildren(defs, parts.background, parts.axis, parts.lanes, parts.past, this.veil, this.cursor);
    }
    if (parts.size !== size) {
      parts.size = size;
      for (const element of [parts.background, this.veil]) {
        element.setAttribute('width', scale.width);
        element.setAttribute('height', scale.height);
      }
      this.cursor.setAttribute('y1', scale.top - 20);
      this.cursor.setAttribute('y2', scale.height - 6);
    }

    if (parts.axisSteps !== trace.lastStep) {
      // A gridline and a number every 5 steps: added and removed at the end as the run
      // grows or is cut back (their places do not depend on the run's length).
      parts.axisSteps = trace.lastStep;
      parts.ticks ??= [];
      const wanted = Math.floor((trace.lastStep + 1) / 5) + 1;
      while (parts.ticks.length > wanted) for (const element of parts.ticks.pop()) element.remove();
      const added = [];
      for (let index = parts.ticks.length; index < wanted; index += 1) {
        const step = index * 5;
        const tick = [
          s(doc, 'line', { x1: scale.x(step), x2: scale.x(step), y1: scale.top - 6, y2: scale.height - 8, class: 'st-gridline' }),
          s(doc, 'text', { x: scale.x(step), y: scale.top - 10, 'text-anchor': 'middle', class: 'st-step-number', text: String(step) }),
        ];
        parts.ticks.push(tick);
        added.push(...tick);
      }
      parts.axis.append(...added);
    }
    if (parts.axisHeight !== scale.height) {
      parts.axisHeight = scale.height;
      for (const [line] of parts.ticks) line.setAttribute('y2', scale.height - 8);
    }

    // Lane names live in their own small drawing beside the scrolling one, so they stay
    // in view however far the diagram is scrolled.
    // Made anew when the servers, the height or the selected one change; the run's new
    // length only moves the lines' ends.
    const laneKey = `${scale.height}|${lanes}|${selection?.type === 'node' ? selection.id : ''}`;
    if (parts.laneKey === laneKey) {
      if (parts.laneWidth !== scale.width) {
        for (const g of parts.lanes.children) g.firstElementChild.setAttribute('x2', scale.width - 8);
      }
    } else {
      this.drawLanes(parts, scale, snapshot, selection);
    }
    parts.laneKey = laneKey;
    parts.laneWidth = scale.width;

    const end = trace.lastStep + 1;
    const notes = [];
    for (const down of trace.downtimes) {
      const y = scale.y(down.node - 1);
      notes.push(s(doc, 'line', { x1: scale.x(down.from), x2: scale.x(down.to ?? end), y1: y, y2: y, class: 'st-down' }));
      notes.push(s(doc, 'text', { x: scale.x(down.from) + 4, y: y - 8, class: 'st-note', text: t('spacetime.down') }));
    }
    for (const cut of trace.partitions) {
      const x1 = scale.x(cut.from);
      const x2 = scale.x(cut.to ?? end);
      notes.push(s(doc, 'rect', { x: x1, y: scale.top, width: Math.max(2, x2 - x1), height: scale.height - scale.top - 12, class: 'st-partition' }));
      notes.push(s(doc, 'text', { x: x1 + 4, y: scale.height - 2, class: 'st-note', text: cut.groups.map(serverSetText).join(' | ') }));
    }
    for (const note of parts.notes) note.remove();
    parts.arrows.before(...notes);
    parts.notes = notes;

    // Long automatic runs would bury their arrows under labels: there only the selected
    // arrow is labelled (every arrow has a tooltip).
    const labelAll = trace.lastStep <= LABELLED_STEPS_MAX;
    const selectedId = selection?.type === 'message' ? selection.id : null;
    // After a delta only the steps from `changed` on are new: the arrows still in flight,
    // those that ended in the steps cut away and the new ones are all that is looked at.
    // Drawn anew: new parts, other labels, or a change the store cannot name.
    let changed = parts.labelAll === labelAll ? store.changedSince(parts.runVersion) : null;
    if (changed === null) {
      parts.arrows.replaceChildren();
      Object.assign(parts, { arrowShown: new Map(), flying: new Set(), ended: [], selectedId });
      changed = 1;
    }
    parts.labelAll = labelAll;
    parts.runVersion = store.runVersion;
    const { arrowShown, flying, ended } = parts;
    const endedAgain = [];
    const added = [];
    // Draws `life`'s arrow (in place of `shown`'s, if given) and files it by its end.
    const draw = (life, shown) => {
      const selected = selectedId === life.id;
      const fresh = { life, endStep: life.endStep, endKind: life.end, end, x2: null, ...arrow(doc, scale, life, end, selected, t, labelAll || selected) };
      if (shown) shown.element.replaceWith(fresh.element);
      else added.push(fresh.element);
      arrowShown.set(life.id, Object.assign(shown ?? fresh, fresh));
      if (life.end === null) flying.add(life.id);
      else endedAgain.push(shown ?? fresh);
    };
    const forget = (shown) => {
      shown.element.remove();
      arrowShown.delete(shown.life.id);
    };
    while (ended.length > 0 && ended[ended.length - 1].endStep >= changed) {
      const shown = ended.pop();
      const life = trace.messages.get(shown.life.id);
      if (life === shown.life) draw(life, shown);
      else forget(shown);
    }
    for (const id of flying) {
      const shown = arrowShown.get(id);
      const life = trace.messages.get(id);
      if (life === shown.life && life.end === null) {
        if (shown.end !== end) {
          stretch(shown, scale, life, end);
          shown.end = end;
        }
        continue;
      }
      flying.delete(id);
      if (life === shown.life) draw(life, shown);
      else forget(shown);
    }
    // The arrows selected and no longer selected (filed where they were).
    for (const id of parts.selectedId === selectedId ? [] : [parts.selectedId, selectedId]) {
      const shown = arrowShown.get(id);
      if (!shown) continue;
      const fresh = arrow(doc, scale, shown.life, shown.end, id === selectedId, t, labelAll || id === selectedId);
      shown.element.replaceWith(fresh.element);
      Object.assign(shown, fresh, { x2: null });
    }
    parts.selectedId = selectedId;
    // Messages sent (or copied by hand) in the new steps.
    for (let step = changed; step <= trace.lastStep; step += 1) {
      for (const event of trace.steps.get(step)?.events ?? []) {
        const life = trace.messages.get(event.type === 'send' ? event.id : event.type === 'duplicate' ? event.copy : null);
        if (life && !arrowShown.has(life.id)) draw(life);
      }
    }
    parts.arrows.append(...added);
    ended.push(...endedAgain.sort((a, b) => a.endStep - b.endStep));

    // Marks only come and go at the end of the list (a delta cuts it and adds to it).
    parts.markList ??= [];
    let same = 0;
    while (same < parts.markList.length && same < trace.marks.length && parts.markList[same].mark === trace.marks[same]) same += 1;
    for (const { shapes } of parts.markList.splice(same)) for (const shape of shapes) shape.remove();
    const marks = [];
    for (const mark of trace.marks.slice(same)) {
      const shapes = markShapes(doc, scale, mark, t);
      parts.markList.push({ mark, shapes });
      marks.push(...shapes);
    }
    parts.marks.append(...marks);

    this.followed = null;
    // The drawing's new width scrolls as wide (the scroller has no padding): known
    // without asking the layout again.
    if (this.viewport) this.viewport.scrollWidth = Math.max(this.viewport.clientWidth, scale.width * this.viewport.scaleFactor);
  }

  /** The servers' lanes, and their names in the drawing beside (`lanes`). */
  drawLanes(parts, scale, snapshot, selection) {
    const doc = this.doc;
    const laneLines = [];
    const names = [];
    for (const node of snapshot.nodes) {
      const y = scale.y(node.id - 1);
      const selected = selection?.type === 'node' && selection.id === node.id;
      const classes = selected ? 'st-lane selected' : 'st-lane';
      laneLines.push(s(doc, 'g', { class: classes, 'data-node-id': node.id },
        s(doc, 'line', { x1: 0, x2: scale.width - 8, y1: y, y2: y, class: 'st-lane-line' })));
      names.push(s(doc, 'g', { class: classes, 'data-node-id': node.id },
        s(doc, 'rect', { x: 0, y: y - scale.laneHeight / 2, width: 44, height: scale.laneHeight, class: 'st-lane-hit' }),
        s(doc, 'text', { x: 38, y, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'st-lane-label', text: serverLabel(node.id) })));
    }
    parts.lanes.replaceChildren(...laneLines);
    if (this.lanes) {
      this.lanes.setAttribute('viewBox', `0 0 44 ${scale.height}`);
      this.lanes.setAttribute('width', 44);
      this.lanes.setAttribute('height', scale.height);
      this.lanes.replaceChildren(...names);
    }
  }

  /** Veils the run after `step` (+ `progress` of the way to the next one during play). */
  follow(step, progress) {
    if (!this.scale) return;
    const x = this.scale.x(step + progress);
    if (x !== this.followed) {
      this.followed = x;
      const from = x + this.scale.stepWidth * 0.3;
      this.veil.setAttribute('x', from);
      this.veil.setAttribute('width', Math.max(0, this.scale.width - from));
      this.cursor.setAttribute('x1', x);
      this.cursor.setAttribute('x2', x);
    }
    const box = this.scroller;
    if (!box) return;
    const view = this.measure(box);
    if (view.clientWidth > 0) {
      const px = x * view.scaleFactor;
      if (px < view.scrollLeft + 40 || px > view.scrollLeft + view.clientWidth - 40) {
        // Kept as the browser clamps it, so the next frame needs no read to know it.
        const left = Math.max(0, Math.min(view.scrollWidth - view.clientWidth, px - view.clientWidth * 0.7));
        view.scrollLeft = left;
        if (this.scrollLater) {
          this.scrollTarget = left;
          this.scrollLater.disconnect();
          this.scrollLater.observe(this.cursor);
        } else {
          box.scrollLeft = left;
        }
      }
    }
  }

  /**
   * The scroller's size and scroll position, and the drawing's size on the page per unit,
   * read from layout only when not yet known (at the start, after a resize).
   */
  measure(box) {
    if (!this.viewport) {
      const { clientWidth, scrollWidth, scrollLeft } = box;
      const drawn = this.svg.clientWidth;
      const units = Number(this.svg.getAttribute('width'));
      this.viewport = { clientWidth, scrollWidth, scrollLeft, scaleFactor: drawn > 0 && units > 0 ? drawn / units : 1 };
    }
    return this.viewport;
  }
}

/** Where a message's arrow runs: to its delivery, part of the way to a drop's cross, or
 *  (still in flight) towards the end of the run so far. */
function arrowLine(scale, life, end) {
  const x1 = scale.x(life.sentStep);
  const y1 = scale.y(life.from - 1);
  let x2 = scale.x(life.endStep ?? end);
  let y2 = scale.y(life.to - 1);
  if (life.end === 'drop') {
    // A dropped message never arrives: its arrow stops part of the way, with a cross.
    y2 = y1 + (y2 - y1) * 0.55;
  } else if (life.end === null) {
    x2 = Math.max(x1 + scale.stepWidth * 0.6, x2 - scale.stepWidth * 0.4);
    y2 = y1 + (y2 - y1) * 0.7;
  }
  return { x1, y1, x2, y2 };
}

/** Labels sit at the middle of the arrow: arrows that leave together (a broadcast) part
 *  towards different lanes, so their labels do not pile up at the start. */
function labelPoint({ x1, y1, x2, y2 }) {
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 3 };
}

/** A message's arrow: {element, lines, label}, the parts that move while it is in flight. */
function arrow(doc, scale, life, end, selected, t, labelled) {
  const classes = ['st-msg', `kind-${life.kind}`, life.copyOf === null ? '' : 'copy', selected ? 'selected' : '', life.end ?? 'pending'];
  const { x1, y1, x2, y2 } = arrowLine(scale, life, end);
  const g = s(doc, 'g', { class: classes.filter(Boolean).join(' '), 'data-msg-id': life.id });
  g.append(s(doc, 'title', { text: `#${life.id} ${serverLabel(life.from)} → ${serverLabel(life.to)} ${life.text}${life.copyOf === null ? '' : ` ${t('cluster.copy')}`}` }));
  const lines = [
    s(doc, 'line', { x1, y1, x2, y2, class: 'st-hit' }),
    s(doc, 'line', { x1, y1, x2, y2, class: 'st-line', 'marker-end': life.end === 'deliver' ? `url(#st-arrow-${life.kind})` : undefined }),
  ];
  g.append(...lines);
  if (life.end === 'drop') {
    g.append(s(doc, 'text', { x: x2, y: y2, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'st-drop', text: '✕' }));
  }
  let label = null;
  if (labelled) {
    const point = labelPoint({ x1, y1, x2, y2 });
    label = s(doc, 'text', { x: point.x, y: point.y, 'text-anchor': 'middle', class: 'st-label', text: life.text });
    g.append(label);
  }
  return { element: g, lines, label };
}

/**
 * Stretches an in-flight arrow to the run's new end. Only its end's x moves: its y, like the
 * whole scale's vertical layout, stays while the drawing's parts are kept.
 */
function stretch(shown, scale, life, end) {
  const line = arrowLine(scale, life, end);
  if (shown.x2 !== line.x2) {
    shown.x2 = line.x2;
    for (const element of shown.lines) element.setAttribute('x2', line.x2);
  }
  if (shown.label) {
    const point = labelPoint(line);
    shown.label.setAttribute('x', point.x);
    shown.label.setAttribute('y', point.y);
  }
}

function markShapes(doc, scale, mark, t) {
  const x = scale.x(mark.step);
  const shapes = [];
  switch (mark.type) {
    case 'propose': {
      const y = scale.y(mark.node - 1);
      shapes.push(s(doc, 'circle', { cx: x, cy: y, r: 7, class: 'st-propose' }));
      shapes.push(s(doc, 'text', { x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'st-propose-value', text: mark.value }));
      break;
    }
    case 'crash':
    case 'restart': {
      const y = scale.y(mark.node - 1);
      shapes.push(s(doc, 'text', { x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: `st-${mark.type}`, text: mark.type === 'crash' ? '✖' : '↻' }));
      break;
    }
    case 'timer': {
      const y = scale.y(mark.node - 1);
      shapes.push(s(doc, 'text', { x, y: y + 1, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'st-timer', text: '⏱' }));
      break;
    }
    case 'chosen': {
      for (const id of mark.chosen.quorum) {
        const y = scale.y(id - 1);
        shapes.push(s(doc, 'path', { d: `M ${x} ${y - 8} L ${x + 8} ${y} L ${x} ${y + 8} L ${x - 8} ${y} z`, class: 'st-chosen' }));
      }
      shapes.push(s(doc, 'text', { x: x + 4, y: scale.top - 22, class: 'st-finding chosen', text: t('spacetime.chosen', { value: mark.chosen.proposal.value }) }));
      break;
    }
    case 'violation':
      shapes.push(s(doc, 'line', { x1: x, x2: x, y1: scale.top, y2: scale.height - 12, class: 'st-violation' }));
      shapes.push(s(doc, 'text', { x: x + 4, y: scale.top - 22, class: 'st-finding violated', text: `⚠ ${t(`property.${mark.violation.property}`)}` }));
      break;
    case 'stuck':
    case 'livelock':
      shapes.push(s(doc, 'text', { x: x + 4, y: scale.top - 22, class: `st-finding ${mark.type}`, text: t(`outcome.${mark.type}`) }));
      break;
    default:
      break;
  }
  return shapes;
}
