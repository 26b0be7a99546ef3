// Draws a snapshot's servers into the cluster SVG. Positions come from geometry.js; this
// module only turns data into elements, and reads nothing back from the page.
import { clusterLayout } from './geometry.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DRAWING = { width: 400, height: 400 };

function svgElement(document, name, attributes) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/**
 * Replaces the contents of `svg` with one group per node: a circle and the label Rust gave.
 * @param {SVGSVGElement} svg
 * @param {{nodes: {id: number, label: string}[]}} snapshot
 */
export function renderCluster(svg, snapshot) {
  const document = svg.ownerDocument;
  const { nodes } = snapshot;
  const layout = clusterLayout(nodes.length, DRAWING);
  svg.setAttribute('viewBox', `0 0 ${DRAWING.width} ${DRAWING.height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Cluster of ${nodes.length} servers: ${nodes.map((n) => n.label).join(', ')}`);

  const layer = svgElement(document, 'g', { class: 'nodes' });
  nodes.forEach((node, index) => {
    const { x, y } = layout.positions[index];
    const group = svgElement(document, 'g', { class: 'node', 'data-node-id': node.id });
    group.append(svgElement(document, 'circle', { cx: x, cy: y, r: layout.nodeRadius }));
    const label = svgElement(document, 'text', { x, y, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
    label.textContent = node.label;
    group.append(label);
    layer.append(group);
  });
  svg.replaceChildren(layer);
}
