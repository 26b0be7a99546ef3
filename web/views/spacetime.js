// The space-time diagram, as in the seed's figures: one lane per server (S1 at the top),
// time running to the right one column per step, every message an arrow from the step
// that sent it to the step that delivered it (or a cross where it was dropped). Chosen
// moments, violations, proposals, crashes and partitions are marked on it.
//
// The whole run is drawn once per run; what lies after the viewed step is veiled (still
// visible, faint, and clickable, like the future in the event list), so following the
// current step (or a playing segment) only moves the veil and a cursor.
//
// Where each word goes is decided by the layout step (web/layout/spacetime.js): arrow labels
// sit on their arrows between lanes and never on one another, a mark or a lane; the
// findings have rows of their own above the lanes. A message still in flight at the run's
// end is a short stub towards its destination (it does not stretch as the run grows, so
// neither it nor its label moves, and a step at the end of a long run touches no old arrow).
import { s } from '../dom.js';
import { Offscreen } from './offscreen.js';
import { serverLabel, serverSetText } from '../format.js';
import { spacetimeScale } from '../geometry.js';
import {
  ARROW_LABEL_PX, FINDING_PX, Placer, arrowLabelPoints, boxAround, packRows, textHeight, textWidth,
} from '../layout/spacetime.js';

const KINDS = ['prepare', 'promise', 'accept', 'accepted', 'nack', 'reject'];
const LABELLED_STEPS_MAX = 60;
/** The findings' rows above the step numbers (three: a step may have a value chosen and two
 *  violations), their baselines. */
const FINDING_ROWS = 3;
const FINDING_ROW_HEIGHT = 15;
const FINDING_TOP = 16;
/** Where the lanes start: below the findings' rows and the step numbers. */
const LANES_TOP = FINDING_TOP + FINDING_ROWS * FINDING_ROW_HEIGHT + 18;
/** The box a mark on a lane takes (a proposal's circle, a chosen diamond, ✖, ↻, ⏱). */
const MARK_BOX = 17;

export class SpacetimeView {
  constructor(svg, { scroller, lanes, onSelect, onSeek }) {
    this.svg = svg;
    this.lanes = lanes;
    this.doc = svg.ownerDocument;
    this.scroller = scroller;
    this.onSelect = onSelect;
    this.onSeek = onSeek;
    this.drawn = null;
    // Far below the first screen on the page (at 1280 x 720 some 650 px below it), the
    // diagram is brought up to date when it comes near, not at every step: on the
    // 10,000-step run that is an eighth of an action's script. An embed that shows it has it
    // on its first screen, where it is drawn at once.
    this.offscreen = new Offscreen(svg.closest('section') ?? scroller ?? svg, () => this.renderNow(...this.args), 'spacetime');
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

  /** Shows the viewed step of `store`'s run, now if near the screen, else when it comes near. */
  render(store, t) {
    this.args = [store, t];
    this.offscreen.request();
  }

  /** Brings the diagram up to date now, near the screen or not (a picture is made of it). */
  flush() {
    this.offscreen.flush();
  }

  /** Redraws when the run changed; otherwise only moves the clip and cursor. */
  renderNow(store, t) {
    const width = this.scroller ? this.measure(this.scroller).clientWidth : 0;
    const key = `${store.runVersion}|${t.language}|${JSON.stringify(store.ui.selection)}|${width}|${store.ui.compact}`;
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
    const scale = spacetimeScale({ lanes, steps: columns, top: LANES_TOP, stepWidth, left: 16 });
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
    const epoch = `${t.language}|${scale.stepWidth}|${lanes}|${store.ui.compact ? 1 : 0}`;
    let parts = this.parts;
    if (!parts || parts.trace !== trace || parts.epoch !== epoch) {
      const defs = s(doc, 'defs');
      for (const kind of KINDS) {
        defs.append(s(doc, 'marker', {
          id: `st-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', class: `arrowhead kind-${kind}`,
        }, s(doc, 'path', { d: 'M 0 0 L 10 5 L 0 10 z' })));
      }
      // A message still in flight: an open head, it has not arrived.
      defs.append(s(doc, 'marker', {
        id: 'st-arrow-pending', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', class: 'arrowhead pending',
      }, s(doc, 'path', { d: 'M 1 1 L 9 5 L 1 9' })));
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
        /** Every label's and mark's box (layout/spacetime.js), by owner. */
        placer: new Placer(),
        laneYs: snapshot.nodes.map((node) => scale.y(node.id - 1)),
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
          s(doc, 'text', { x: scale.x(step), y: scale.top - 9, 'text-anchor': 'middle', class: 'st-step-number', text: String(step) }),
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
    const { placer } = parts;

    // Long automatic runs would bury their arrows under labels: there only the selected
    // arrow is labelled (every arrow has a tooltip).
    const labelAll = !store.ui.compact && trace.lastStep <= LABELLED_STEPS_MAX;
    const selectedId = selection?.type === 'message' ? selection.id : null;
    // After a delta only the steps from `changed` on are new: the arrows still in flight,
    // those that ended in the steps cut away and the new ones are all that is looked at.
    // Drawn anew: new parts, other labels, or a change the store cannot name.
    let changed = parts.labelAll === labelAll ? store.changedSince(parts.runVersion) : null;
    if (changed === null) {
      parts.arrows.replaceChildren();
      for (const id of parts.arrowShown.keys()) forgetBoxes(parts.placer, id);
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
      if (shown) forgetBoxes(placer, life.id);
      const fresh = { life, endStep: life.endStep, endKind: life.end, end, ...arrow(doc, scale, parts, life, selected, t, labelAll || selected) };
      if (shown) shown.element.replaceWith(fresh.element);
      else added.push(fresh.element);
      arrowShown.set(life.id, Object.assign(shown ?? fresh, fresh));
      if (life.end === null) flying.add(life.id);
      else endedAgain.push(shown ?? fresh);
    };
    const forget = (shown) => {
      shown.element.remove();
      forgetBoxes(placer, shown.life.id);
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
      // Still in flight: its stub stays as it is.
      if (life === shown.life && life.end === null) continue;
      flying.delete(id);
      if (life === shown.life) draw(life, shown);
      else forget(shown);
    }
    // The arrows selected and no longer selected (filed where they were).
    for (const id of parts.selectedId === selectedId ? [] : [parts.selectedId, selectedId]) {
      const shown = arrowShown.get(id);
      if (!shown) continue;
      forgetBoxes(placer, id);
      const fresh = arrow(doc, scale, parts, shown.life, id === selectedId, t, labelAll || id === selectedId);
      shown.element.replaceWith(fresh.element);
      Object.assign(shown, fresh);
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
    for (const { shapes, owner } of parts.markList.splice(same)) {
      for (const shape of shapes) shape.remove();
      placer.remove(owner);
    }
    // The findings' words, packed into their rows (the same rows for the marks kept: the
    // packing goes left to right).
    const findingRows = packRows(trace.marks.map((mark) => {
      const text = findingText(mark, t);
      return text === null ? { x: -Infinity, w: 0 } : { x: scale.x(mark.step) + 4, w: textWidth(text, FINDING_PX) };
    }), FINDING_ROWS);
    const marks = [];
    trace.marks.slice(same).forEach((mark, offset) => {
      const index = same + offset;
      const owner = `m${index}`;
      const { shapes, boxes } = markShapes(doc, scale, mark, t, findingRows[index]);
      parts.markList.push({ mark, shapes, owner });
      marks.push(...shapes);
      // A mark goes where its step and lane say; a label already there moves aside.
      for (const box of boxes) {
        placer.add(box, owner);
        for (const id of labelsUnder(placer, box)) moveLabel(arrowShown.get(id), parts);
      }
    });
    parts.marks.append(...marks);

    // The notes are few and made anew each time, after the marks; their words are placed
    // like labels (a "down" with no room keeps its dashed line, which says it, and a tooltip).
    placer.remove('notes');
    const notes = [];
    const noteHeight = textHeight(11);
    for (const down of trace.downtimes) {
      const y = scale.y(down.node - 1);
      const x1 = scale.x(down.from);
      const line = s(doc, 'line', { x1, x2: scale.x(down.to ?? end), y1: y, y2: y, class: 'st-down' }, s(doc, 'title', { text: `${serverLabel(down.node)} ${t('spacetime.down')}` }));
      notes.push(line);
      const word = t('spacetime.down');
      const width = textWidth(word, 11);
      // Beside the crash's ✖ (a mark at the same step), above the lane or else below it.
      const x = x1 + MARK_BOX / 2 + 3 + width / 2;
      const box = placer.place('notes', [{ x, y: y - 5 - noteHeight / 2 }, { x, y: y + 5 + noteHeight / 2 }], width, noteHeight);
      if (box) notes.push(s(doc, 'text', { x: box.x, y: box.y + box.h - 3, class: 'st-note', text: word }));
    }
    // The partitions' notes share the row below the lanes, left to right.
    const cuts = trace.partitions.map((cut) => ({ cut, x: scale.x(cut.from) + 4, text: cut.groups.map(serverSetText).join(' | ') }));
    const rows = packRows(cuts.map(({ x, text }) => ({ x, w: textWidth(text, 11) })), 1);
    cuts.forEach(({ cut, x, text }, index) => {
      const x2 = scale.x(cut.to ?? end);
      const x1 = scale.x(cut.from);
      notes.push(s(doc, 'rect', { x: x1, y: scale.top, width: Math.max(2, x2 - x1), height: scale.height - scale.top - 12, class: 'st-partition' }, s(doc, 'title', { text })));
      if (rows[index] !== null) notes.push(s(doc, 'text', { x, y: scale.height - 2, class: 'st-note', text }));
    });
    for (const note of parts.notes) note.remove();
    parts.arrows.before(...notes);
    parts.notes = notes;

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

  /** Where a picture of the run up to `step` ends (x in the drawing): just after its column. */
  pictureEnd(step) {
    return this.scale ? this.scale.x(step) + this.scale.stepWidth * 0.5 : null;
  }

  /** Veils the run after `step` (+ `progress` of the way to the next one during play). */
  follow(step, progress) {
    // Out of date and out of sight: the next render near the screen puts the cursor.
    if (!this.scale || this.offscreen.pending) return;
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
 *  (still in flight at the run's end) a stub a step long, part of the way to its lane. */
function arrowLine(scale, life) {
  const x1 = scale.x(life.sentStep);
  const y1 = scale.y(life.from - 1);
  let x2 = scale.x(life.endStep ?? life.sentStep + 1);
  let y2 = scale.y(life.to - 1);
  if (life.end === 'drop') {
    // A dropped message never arrives: its arrow stops part of the way, with a cross.
    y2 = y1 + (y2 - y1) * 0.55;
  } else if (life.end === null) {
    y2 = y1 + (y2 - y1) * 0.65;
  }
  return { x1, y1, x2, y2 };
}

/** The boxes an arrow owns in the placer: its label's and its drop cross's. */
function forgetBoxes(placer, id) {
  placer.remove(`l${id}`);
  placer.remove(`x${id}`);
}

/** The ids of the arrows whose labels `box` covers. */
function labelsUnder(placer, box) {
  return [...placer.ownersUnder(box)].filter((owner) => owner[0] === 'l').map((owner) => Number(owner.slice(1)));
}

/** Places `shown`'s label again (a mark took its place), or leaves it out if nothing fits. */
function moveLabel(shown, parts) {
  if (!shown?.label) return;
  parts.placer.remove(`l${shown.life.id}`);
  const box = parts.placer.place(`l${shown.life.id}`, shown.labelPoints, shown.labelBox.w, shown.labelBox.h);
  if (box) {
    setLabelBox(shown.label, box);
    shown.labelBox = box;
  } else {
    shown.label.remove();
    shown.label = null;
  }
}

function setLabelBox(label, box) {
  label.setAttribute('x', box.x + box.w / 2);
  label.setAttribute('y', box.y + box.h / 2);
}

/**
 * A message's arrow: {element, label, labelBox, labelPoints}. Its label (when `labelled`)
 * goes where the placer finds room on the arrow; the selected arrow's label is always shown
 * (at its best place, on top).
 */
function arrow(doc, scale, parts, life, selected, t, labelled) {
  const classes = ['st-msg', `kind-${life.kind}`, life.copyOf === null ? '' : 'copy', selected ? 'selected' : '', life.end ?? 'pending'];
  const line = arrowLine(scale, life);
  const { x1, y1, x2, y2 } = line;
  const g = s(doc, 'g', { class: classes.filter(Boolean).join(' '), 'data-msg-id': life.id });
  g.append(s(doc, 'title', { text: `#${life.id} ${serverLabel(life.from)} → ${serverLabel(life.to)} ${life.text}${life.copyOf === null ? '' : ` ${t('cluster.copy')}`}` }));
  const head = life.end === 'deliver' ? `url(#st-arrow-${life.kind})` : life.end === null ? 'url(#st-arrow-pending)' : undefined;
  g.append(
    s(doc, 'line', { x1, y1, x2, y2, class: 'st-hit' }),
    s(doc, 'line', { x1, y1, x2, y2, class: 'st-line', 'marker-end': head }),
  );
  if (life.end === 'drop') {
    g.append(s(doc, 'text', { x: x2, y: y2, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'st-drop', text: '✕' }));
    parts.placer.add(boxAround(x2, y2, 14, 14), `x${life.id}`);
  }
  const shown = { element: g, label: null, labelBox: null, labelPoints: null };
  if (labelled) {
    const w = textWidth(life.text, ARROW_LABEL_PX, { mono: true });
    const h = textHeight(ARROW_LABEL_PX);
    const points = arrowLabelPoints(line, parts.laneYs, h);
    let box = parts.placer.place(`l${life.id}`, points, w, h);
    if (!box && selected && points.length > 0) box = boxAround(points[0].x, points[0].y, w, h);
    if (box) {
      shown.label = s(doc, 'text', { 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'st-label', text: life.text });
      setLabelBox(shown.label, box);
      g.append(shown.label);
      Object.assign(shown, { labelBox: box, labelPoints: points });
    }
  }
  return shown;
}

/** The words of a finding mark (on the findings' rows), or null for marks on a lane. */
function findingText(mark, t) {
  switch (mark.type) {
    case 'chosen': return t('spacetime.chosen', { value: mark.chosen.proposal.value });
    case 'violation': return `⚠ ${t(`property.${mark.violation.property}`)}`;
    case 'stuck':
    case 'livelock': return t(`outcome.${mark.type}`);
    default: return null;
  }
}

/**
 * A mark's shapes, and the boxes they take on the lanes (which labels keep clear of). A
 * finding's words go on its row (`row`; null: no room, its tooltip says it).
 */
function markShapes(doc, scale, mark, t, row) {
  const x = scale.x(mark.step);
  const shapes = [];
  const boxes = [];
  const onLane = (node) => {
    const y = scale.y(node - 1);
    boxes.push(boxAround(x, y, MARK_BOX, MARK_BOX));
    return y;
  };
  switch (mark.type) {
    case 'propose': {
      const y = onLane(mark.node);
      shapes.push(s(doc, 'circle', { cx: x, cy: y, r: 7, class: 'st-propose' }));
      shapes.push(s(doc, 'text', { x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'st-propose-value', text: mark.value }));
      break;
    }
    case 'crash':
    case 'restart': {
      const y = onLane(mark.node);
      shapes.push(s(doc, 'text', { x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: `st-${mark.type}`, text: mark.type === 'crash' ? '✖' : '↻' }));
      break;
    }
    case 'timer': {
      const y = onLane(mark.node);
      shapes.push(s(doc, 'text', { x, y: y + 1, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'st-timer', text: '⏱' }));
      break;
    }
    case 'chosen':
      for (const id of mark.chosen.quorum) {
        const y = onLane(id);
        shapes.push(s(doc, 'path', { d: `M ${x} ${y - 8} L ${x + 8} ${y} L ${x} ${y + 8} L ${x - 8} ${y} z`, class: 'st-chosen' }));
      }
      break;
    case 'violation':
      shapes.push(s(doc, 'line', { x1: x, x2: x, y1: scale.top - 4, y2: scale.height - 12, class: 'st-violation' }));
      break;
    default:
      break;
  }
  const text = findingText(mark, t);
  if (text !== null) {
    const classes = `st-finding ${mark.type === 'violation' ? 'violated' : mark.type}`;
    // On its row, from its step on.
    if (row !== null) shapes.push(s(doc, 'text', { x: x + 4, y: FINDING_TOP + row * FINDING_ROW_HEIGHT, class: classes, text }));
  }
  return { shapes, boxes };
}
