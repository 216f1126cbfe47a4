// The flow as a standalone SVG picture (for "Export picture" and the printed report): department
// bands, nodes with their key figures, edges with routing labels. Pure: a scenario in, SVG text
// out, drawn from the positions the user laid out, so it looks like the canvas without the
// browser's rendering of it.
import type { FlowEdge, FlowNode, Scenario, TimeUnit } from '../../model/schema';
import { describeDuration } from '../../engine/distributions';
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
  /** Names only, in narrower nodes (for Watch, where two flows share the screen). */
  compact?: boolean;
}

const UNIT: Record<TimeUnit, string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'd' };
const KIND_LABEL: Record<FlowNode['kind'], string> = { arrivals: 'ARRIVALS', step: 'STEP', delay: 'DELAY', decision: 'DECISION', exit: 'EXIT', split: 'PARALLEL SPLIT', join: 'JOIN' };
const kindLabel = (n: FlowNode) => (n.kind === 'split' && n.mode === 'inclusive' ? 'SPLIT (ONE OR MORE)' : KIND_LABEL[n.kind]);
const KIND_COLOR: Record<FlowNode['kind'], string> = { arrivals: '#2e7d4f', step: '#4e79a7', delay: '#8c8c8c', decision: '#c9a227', exit: '#4a5565', split: '#7b5ea7', join: '#7b5ea7' };

// Sizes in the picture's own units, chosen so that a flow of ten columns across a landscape A4
// page still prints its names at about 6 pt: large type, names wrapped on up to four lines.
const W: Record<FlowNode['kind'], number> = { arrivals: 170, step: 170, delay: 170, decision: 170, split: 170, join: 170, exit: 140 };
const PAD_X = 12;
const KIND_SIZE = 11;
const TITLE_SIZE = 19;
const TITLE_LINE = 22;
const DETAIL_SIZE = 15;
const DETAIL_LINE = 18;
const LABEL_SIZE = 15;
const LABEL_LINE = 18;
const FIGURE_LINE = 18;
/** Room between columns (for the arrows and the labels on the paths) and between rows. */
const COL_GAP = 48;
const ROW_GAP = 30;
const BAND_GAP = 72;

/** Characters of a line of type of this size that fit in `width` (average glyph ≈ 0.56 em). */
const charsFor = (width: number, size: number, bold = false) => Math.max(6, Math.floor(width / (size * (bold ? 0.62 : 0.56))));

/** Breaks text into lines of at most `max` characters at spaces, at most `lines` lines (the last one cut with "…"). */
export function wrapText(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max) line = next;
    else {
      if (line) out.push(line);
      line = word;
      while (line.length > max) {
        out.push(line.slice(0, max - 1) + '-');
        line = line.slice(max - 1);
      }
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = (last.length >= max ? last.slice(0, max - 1) : last) + '…';
  return kept;
}

interface NodeText {
  title: string[];
  detail: string[];
  figures: string[];
}

const COMPACT_W = 130;
const widthOf = (n: FlowNode, compact: boolean) => (compact ? (n.kind === 'exit' ? COMPACT_W - 20 : COMPACT_W) : W[n.kind]);

function nodeText(n: FlowNode, unit: TimeUnit, figures: PictureFigures | undefined, compact: boolean, flow: Scenario['flow']): NodeText {
  const inner = widthOf(n, compact) - PAD_X - 8;
  const f = n.kind === 'step' ? figures : undefined;
  return {
    title: wrapText(n.name, charsFor(inner, TITLE_SIZE, true), compact ? 2 : 4),
    detail: compact ? [] : wrapText(detail(n, unit, flow), charsFor(inner, DETAIL_SIZE), 3),
    figures: f ? [`${formatShare(f.utilization)} busy`, `wait ${formatDuration(f.meanWait, unit)}`] : [],
  };
}

/** Room above the name: the kind of node ("STEP"), left out when compact. */
const headOf = (compact: boolean) => (compact ? 4 : 20);

/** Drawn size of a node: its width by kind, its height by the lines of text in it. */
export function nodeSize(n: FlowNode, text: NodeText, compact = false): { w: number; h: number } {
  const h = headOf(compact) + 4 + text.title.length * TITLE_LINE + text.detail.length * DETAIL_LINE + (text.figures.length ? text.figures.length * FIGURE_LINE + 10 : 0) + 6;
  return { w: widthOf(n, compact), h: Math.max(compact ? 40 : n.kind === 'exit' ? 46 : 60, h) };
}

/**
 * Positions for the picture: the canvas' columns and rows (in their order) on a grid sized for the
 * picture's nodes, so the larger type never makes nodes overlap and empty space on the canvas does
 * not shrink the picture.
 */
function gridPositions(
  nodes: readonly FlowNode[],
  sizes: Map<string, { w: number; h: number }>,
  labels: { source: string; target: string; width: number }[],
  colGap: number,
): Map<string, { x: number; y: number }> {
  const cluster = (values: number[], gap: number) => {
    const sorted = [...new Set(values)].sort((a, b) => a - b);
    const index = new Map<number, number>();
    let k = -1;
    let start = -Infinity;
    for (const v of sorted) {
      if (v - start >= gap) {
        k++;
        start = v;
      }
      index.set(v, k);
    }
    return index;
  };
  const col = cluster(nodes.map((n) => n.position.x), 90);
  const row = cluster(nodes.map((n) => n.position.y), 50);
  const rows = Math.max(0, ...row.values()) + 1;
  const cols = Math.max(0, ...col.values()) + 1;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Each column is as wide as its widest node; the gap after it leaves room for the labels on the
  // paths that cross it to the next column.
  const colW = new Array<number>(cols).fill(0);
  const gap = new Array<number>(cols).fill(colGap);
  for (const n of nodes) colW[col.get(n.position.x)!] = Math.max(colW[col.get(n.position.x)!]!, sizes.get(n.id)!.w);
  for (const l of labels) {
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    if (!a || !b) continue;
    const ca = col.get(a.position.x)!;
    const cb = col.get(b.position.x)!;
    if (cb === ca + 1) gap[ca] = Math.max(gap[ca]!, l.width + 24);
  }
  const left: number[] = [];
  let x = 0;
  for (let c = 0; c < cols; c++) {
    left.push(x);
    x += colW[c]! + gap[c]!;
  }
  const rowH = new Array<number>(rows).fill(0);
  const rowDept = new Array<string | undefined>(rows).fill(undefined);
  for (const n of nodes) {
    const r = row.get(n.position.y)!;
    rowH[r] = Math.max(rowH[r]!, sizes.get(n.id)!.h);
    if ((n.kind === 'step' || n.kind === 'delay') && n.departmentId && rowDept[r] === undefined) rowDept[r] = n.departmentId;
  }
  const top: number[] = [];
  let y = 0;
  let dept: string | undefined;
  for (let r = 0; r < rows; r++) {
    const d = rowDept[r] ?? dept;
    if (r > 0) y += d !== dept ? BAND_GAP : ROW_GAP;
    top.push(y);
    y += rowH[r]!;
    dept = d;
  }
  return new Map(
    nodes.map((n) => {
      const c = col.get(n.position.x)!;
      return [n.id, { x: left[c]! + (colW[c]! - sizes.get(n.id)!.w) / 2, y: top[row.get(n.position.y)!]! }];
    }),
  );
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function detail(n: FlowNode, unit: TimeUnit, flow: Scenario['flow']): string {
  const u = UNIT[unit];
  switch (n.kind) {
    case 'arrivals':
      return n.arrivals.mode === 'rate' ? `${n.arrivals.rate} customers / ${n.arrivals.per}` : `every ${describeDuration(n.arrivals.distribution, unit)}`;
    case 'step':
      return `${staffLabel(n, flow.pools?.find((p) => p.id === n.poolId)).text} · ${describeDuration(n.service, unit)}`;
    case 'delay':
      return describeDuration(n.duration, unit);
    case 'decision':
      return n.mode === 'class' ? 'by customer class' : 'by share of customers';
    case 'split':
      return n.mode === 'inclusive' ? 'one or more paths' : 'all paths at once';
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
  else if (from?.kind === 'split' && from.mode === 'inclusive') parts.push(`${e.probability !== undefined ? formatShare(e.probability) : '?'} chance`);
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

export function flowPicture(input: Scenario, options: PictureOptions): FlowPicture {
  const compact = options.compact === true;
  const texts = new Map(input.flow.nodes.map((n) => [n.id, nodeText(n, options.unit, options.figures?.[n.id], compact, input.flow)]));
  const sizes = new Map(input.flow.nodes.map((n) => [n.id, nodeSize(n, texts.get(n.id)!, compact)]));
  const sourceOf = new Map(input.flow.nodes.map((n) => [n.id, n]));
  const labelLines = new Map(input.flow.edges.map((e) => [e.id, wrapText(edgeLabel(e, sourceOf.get(e.source), options.classNames ?? {}), 16, 3)]));
  const labelWidth = (lines: string[]) => Math.max(0, ...lines.map((l) => l.length)) * LABEL_SIZE * 0.56 + 12;
  const at = gridPositions(
    input.flow.nodes,
    sizes,
    input.flow.edges.filter((e) => labelLines.get(e.id)!.length > 0).map((e) => ({ source: e.source, target: e.target, width: labelWidth(labelLines.get(e.id)!) })),
    compact ? 40 : COL_GAP,
  );
  const scenario: Scenario = { ...input, flow: { ...input.flow, nodes: input.flow.nodes.map((n) => ({ ...n, position: at.get(n.id)! })) } };
  const { nodes, edges, departments } = scenario.flow;
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
  const loopRoom = compact ? 36 : 60; // rework loops are drawn below the flow
  const width = Math.ceil(x1 - x0 + 2 * margin);
  const height = Math.ceil(y1 - y0 + 2 * margin + titleH + loopRoom);
  const dx = margin - x0;
  const dy = margin + titleH - y0;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const deptColor = new Map(departments.map((d) => [d.id, d.color]));
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
      `<text x="${l.x + dx + 8}" y="${l.y + dy + 18}" font-size="13" font-weight="700" letter-spacing="0.06em" fill="${l.color}">${escapeXml(l.name.toUpperCase())}</text></g>`,
    );
  }
  const bottom = y1 + dy;
  const labelsOut: string[] = [];
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
    const lines = labelLines.get(e.id)!;
    if (lines.length) {
      // Labels go on top of everything (drawn after the nodes), in the middle of the gap they cross.
      if (bx > ax + 10) {
        lx = (ax + bx) / 2;
        ly = (ay + by) / 2;
      }
      const w = labelWidth(lines);
      const h = lines.length * LABEL_LINE + 6;
      labelsOut.push(
        `<g class="sf-pic-label"><rect x="${lx - w / 2}" y="${ly - h / 2}" width="${w}" height="${h}" rx="6" fill="#ffffff" stroke="#c9d1dc"/>`,
        `<text font-size="${LABEL_SIZE}" text-anchor="middle" fill="#1d2733">${lines.map((l, i) => `<tspan x="${lx}" y="${ly - h / 2 + 3 + LABEL_LINE * (i + 1) - 3}">${escapeXml(l)}</tspan>`).join('')}</text></g>`,
      );
    }
  });
  for (const n of nodes) {
    const s = sizes.get(n.id)!;
    const x = n.position.x + dx;
    const y = n.position.y + dy;
    const accent = (n.kind === 'step' || n.kind === 'delay') && n.departmentId ? (deptColor.get(n.departmentId) ?? KIND_COLOR[n.kind]) : KIND_COLOR[n.kind];
    const rx = n.kind === 'exit' || n.kind === 'arrivals' ? Math.min(s.h / 2, 22) : 6;
    out.push(`<g class="sf-pic-node" data-node="${escapeXml(n.id)}">`);
    out.push(`<rect x="${x}" y="${y}" width="${s.w}" height="${s.h}" rx="${rx}" fill="${n.kind === 'decision' ? '#fffbea' : '#ffffff'}" stroke="#b8c2cf"/>`);
    out.push(`<rect x="${x}" y="${y + 4}" width="4" height="${s.h - 8}" fill="${accent}"/>`);
    const t = texts.get(n.id)!;
    const lines = (list: string[], top: number, step: number) => list.map((l, i) => `<tspan x="${x + PAD_X}" y="${top + step * i}">${escapeXml(l)}</tspan>`).join('');
    const head = headOf(compact);
    if (!compact) out.push(`<text x="${x + PAD_X}" y="${y + 16}" font-size="${KIND_SIZE}" letter-spacing="0.05em" fill="#5f6b7a">${kindLabel(n)}</text>`);
    out.push(`<text font-size="${TITLE_SIZE}" font-weight="600" fill="#1d2733">${lines(t.title, y + head + TITLE_LINE - 4, TITLE_LINE)}</text>`);
    const detailTop = y + head + t.title.length * TITLE_LINE + DETAIL_LINE - 2;
    if (t.detail.length) out.push(`<text font-size="${DETAIL_SIZE}" fill="#3d4856">${lines(t.detail, detailTop, DETAIL_LINE)}</text>`);
    const f = options.figures?.[n.id];
    if (f && t.figures.length) {
      const boxH = t.figures.length * FIGURE_LINE + 4;
      out.push(`<rect x="${x + 8}" y="${y + s.h - boxH - 6}" width="${s.w - 16}" height="${boxH}" rx="3" fill="${utilizationColor(f.utilization)}"/>`);
      out.push(`<text font-size="${DETAIL_SIZE}" fill="#1d2733">${lines(t.figures, y + s.h - boxH - 6 + FIGURE_LINE - 2, FIGURE_LINE)}</text>`);
    }
    out.push('</g>');
  }
  out.push(...labelsOut, '</svg>');
  const boxes = new Map(nodes.map((n) => [n.id, { x: n.position.x + dx, y: n.position.y + dy, ...sizes.get(n.id)! }]));
  return { svg: out.join(''), width, height, boxes };
}
