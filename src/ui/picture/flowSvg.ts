// The flow as a standalone SVG picture (for "Export picture" and the printed report): department
// bands, nodes with their key figures, edges with routing labels. Pure: a scenario in, SVG text
// out, drawn from the positions the user laid out, so it looks like the canvas without the
// browser's rendering of it.
import type { FlowEdge, FlowNode, Scenario, TimeUnit } from '../../model/schema';
import { describeDistribution } from '../../engine/distributions';
import { formatDuration, formatShare } from '../../engine/format';
import { computeLanes } from '../editor/lanes';
import { utilizationColor } from '../results/colors';
import { staffLabel } from '../derived';

export interface PictureFigures {
  utilization: number;
  meanWait: number;
}

export interface PictureOptions {
  unit: TimeUnit;
  /** Simulated figures per step id, shown under the step when given. */
  figures?: Record<string, PictureFigures>;
  classNames?: Record<string, string>;
  title?: string;
}

const UNIT: Record<TimeUnit, string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'd' };
const KIND_LABEL: Record<FlowNode['kind'], string> = { arrivals: 'ARRIVALS', step: 'STEP', delay: 'DELAY', decision: 'DECISION', exit: 'EXIT', split: 'PARALLEL SPLIT', join: 'JOIN' };
const KIND_COLOR: Record<FlowNode['kind'], string> = { arrivals: '#2e7d4f', step: '#4e79a7', delay: '#8c8c8c', decision: '#c9a227', exit: '#4a5565', split: '#7b5ea7', join: '#7b5ea7' };

/** Drawn size of a node of each kind. */
export function nodeSize(n: FlowNode, withFigures: boolean): { w: number; h: number } {
  switch (n.kind) {
    case 'step':
      return { w: 180, h: withFigures ? 78 : 60 };
    case 'delay':
      return { w: 180, h: 60 };
    case 'arrivals':
      return { w: 180, h: 52 };
    case 'decision':
    case 'split':
    case 'join':
      return { w: 150, h: 46 };
    case 'exit':
      return { w: 130, h: 38 };
  }
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Cuts text to about `max` characters (the picture has no text wrapping). */
function fit(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

function detail(n: FlowNode, unit: TimeUnit, flow: Scenario['flow']): string {
  const u = UNIT[unit];
  switch (n.kind) {
    case 'arrivals':
      return n.arrivals.mode === 'rate' ? `${n.arrivals.rate} customers / ${n.arrivals.per}` : `every ${describeDistribution(n.arrivals.distribution, u)}`;
    case 'step':
      return `${staffLabel(n, flow.pools?.find((p) => p.id === n.poolId)).text} · ${describeDistribution(n.service, u)}`;
    case 'delay':
      return describeDistribution(n.duration, u);
    case 'decision':
      return n.mode === 'class' ? 'by customer class' : 'by share of customers';
    case 'split':
      return 'all paths at once';
    case 'join':
      return 'waits for all parts';
    case 'exit':
      return '';
  }
}

function edgeLabel(e: FlowEdge, from: FlowNode | undefined, classNames: Record<string, string>): string {
  const parts: string[] = [];
  if (e.label) parts.push(e.label);
  if (from?.kind === 'decision' && from.mode === 'class') parts.push(e.classIds && e.classIds.length > 0 ? e.classIds.map((c) => classNames[c] ?? c).join(', ') : 'all other classes');
  else if (from?.kind === 'split') parts.push('in parallel');
  else if (e.probability !== undefined) parts.push(formatShare(e.probability));
  return parts.join(' · ');
}

export interface FlowPicture {
  svg: string;
  width: number;
  height: number;
  /** Where each node is drawn, in the picture's coordinates. */
  boxes: Map<string, { x: number; y: number; w: number; h: number }>;
}

export function flowPicture(scenario: Scenario, options: PictureOptions): FlowPicture {
  const { nodes, edges, departments } = scenario.flow;
  const withFigures = options.figures !== undefined;
  const sizes = new Map(nodes.map((n) => [n.id, nodeSize(n, withFigures)]));
  const lanes = computeLanes(scenario, sizes);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const grow = (x: number, y: number, w: number, h: number) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
  };
  for (const n of nodes) grow(n.position.x, n.position.y, sizes.get(n.id)!.w, sizes.get(n.id)!.h);
  for (const l of lanes) grow(l.x, l.y, l.width, l.height);
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 200, 100];
  const margin = 24;
  const titleH = options.title ? 30 : 0;
  const loopRoom = 60; // rework loops are drawn below the flow
  const width = Math.ceil(x1 - x0 + 2 * margin);
  const height = Math.ceil(y1 - y0 + 2 * margin + titleH + loopRoom);
  const dx = margin - x0;
  const dy = margin + titleH - y0;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const deptColor = new Map(departments.map((d) => [d.id, d.color]));
  const classNames = options.classNames ?? {};
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<defs><marker id="sf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6675"/></marker></defs>`,
  );
  if (options.title) out.push(`<text x="${margin}" y="${margin + 8}" font-size="16" font-weight="600" fill="#1d2733">${escapeXml(options.title)}</text>`);
  for (const l of lanes) {
    out.push(
      `<g class="sf-pic-lane"><rect x="${l.x + dx}" y="${l.y + dy}" width="${l.width}" height="${l.height}" rx="6" fill="${l.color}" fill-opacity="0.08" stroke="${l.color}" stroke-opacity="0.45"/>`,
      `<text x="${l.x + dx + 8}" y="${l.y + dy + 15}" font-size="10" font-weight="700" letter-spacing="0.06em" fill="${l.color}">${escapeXml(l.name.toUpperCase())}</text></g>`,
    );
  }
  const bottom = y1 + dy;
  edges.forEach((e, k) => {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) return;
    const sa = sizes.get(a.id)!;
    const sb = sizes.get(b.id)!;
    const ax = a.position.x + dx + sa.w;
    const ay = a.position.y + dy + sa.h / 2;
    const bx = b.position.x + dx;
    const by = b.position.y + dy + sb.h / 2;
    let d: string;
    let lx: number;
    let ly: number;
    if (bx > ax + 10) {
      const c = Math.max(30, (bx - ax) / 2);
      d = `M${ax},${ay} C${ax + c},${ay} ${bx - c},${by} ${bx},${by}`;
      // The label sits at t = 0.3 along the curve, nearer its source than the middle, where
      // other nodes rarely are.
      const t = 0.3;
      const bez = (p0: number, p1: number, p2: number, p3: number) => (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t * t * p2 + t ** 3 * p3;
      lx = bez(ax, ax + c, bx - c, bx);
      ly = bez(ay, ay, by, by);
    } else {
      // Backwards (rework): out to the right, under both nodes, back in from the left.
      const low = Math.min(bottom, Math.max(ay + sa.h / 2, by + sb.h / 2)) + 16 + (k % 3) * 12;
      d = `M${ax},${ay} C${ax + 40},${ay} ${ax + 40},${low} ${ax},${low} L${bx},${low} C${bx - 40},${low} ${bx - 40},${by} ${bx},${by}`;
      lx = (ax + bx) / 2;
      ly = low;
    }
    const dash = bx > ax + 10 ? '' : ' stroke-dasharray="5 4"';
    out.push(`<path d="${d}" fill="none" stroke="#5b6675" stroke-width="1.3"${dash} marker-end="url(#sf-arrow)"/>`);
    const label = edgeLabel(e, a, classNames);
    if (label) {
      const w = Math.min(160, 6.2 * label.length + 10);
      out.push(
        `<rect x="${lx - w / 2}" y="${ly - 8}" width="${w}" height="16" rx="8" fill="#ffffff" stroke="#c9d1dc"/>`,
        `<text x="${lx}" y="${ly + 4}" font-size="10" text-anchor="middle" fill="#1d2733">${escapeXml(fit(label, 26))}</text>`,
      );
    }
  });
  for (const n of nodes) {
    const s = sizes.get(n.id)!;
    const x = n.position.x + dx;
    const y = n.position.y + dy;
    const accent = (n.kind === 'step' || n.kind === 'delay') && n.departmentId ? (deptColor.get(n.departmentId) ?? KIND_COLOR[n.kind]) : KIND_COLOR[n.kind];
    const rx = n.kind === 'exit' || n.kind === 'arrivals' ? s.h / 2 : 6;
    out.push(`<g class="sf-pic-node" data-node="${escapeXml(n.id)}">`);
    out.push(`<rect x="${x}" y="${y}" width="${s.w}" height="${s.h}" rx="${rx}" fill="${n.kind === 'decision' ? '#fffbea' : '#ffffff'}" stroke="#b8c2cf"/>`);
    out.push(`<rect x="${x}" y="${y + 4}" width="4" height="${s.h - 8}" fill="${accent}"/>`);
    out.push(`<text x="${x + 12}" y="${y + 13}" font-size="8" letter-spacing="0.05em" fill="#5f6b7a">${KIND_LABEL[n.kind]}</text>`);
    out.push(`<text x="${x + 12}" y="${y + 27}" font-size="12" font-weight="600" fill="#1d2733">${escapeXml(fit(n.name, 26))}</text>`);
    const line = detail(n, options.unit, scenario.flow);
    if (line) out.push(`<text x="${x + 12}" y="${y + 42}" font-size="10" fill="#3d4856">${escapeXml(fit(line, 30))}</text>`);
    const f = options.figures?.[n.id];
    if (n.kind === 'step' && f) {
      out.push(`<rect x="${x + 8}" y="${y + s.h - 22}" width="${s.w - 16}" height="16" rx="3" fill="${utilizationColor(f.utilization)}"/>`);
      out.push(`<text x="${x + 14}" y="${y + s.h - 10}" font-size="10" fill="#1d2733">${escapeXml(`${formatShare(f.utilization)} busy · wait ${formatDuration(f.meanWait, options.unit)}`)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  const boxes = new Map(nodes.map((n) => [n.id, { x: n.position.x + dx, y: n.position.y + dy, ...sizes.get(n.id)! }]));
  return { svg: out.join(''), width, height, boxes };
}
