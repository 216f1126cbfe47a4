// The imported flow as it is being built: nodes and connections with unique ids, and the small
// rewiring moves that the BPMN mappings (boundary events, loop markers, implied starts and ends)
// are made of.
import type { FlowEdge, FlowNode } from '../../schema';

export class FlowDraft {
  private readonly nodeIds: Set<string>;
  private readonly edgeIds: Set<string>;
  constructor(
    readonly nodes: FlowNode[],
    readonly edges: FlowEdge[],
  ) {
    this.nodeIds = new Set(nodes.map((n) => n.id));
    this.edgeIds = new Set(edges.map((e) => e.id));
  }

  node(id: string): FlowNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  // Connections by source and by target, rebuilt after a change (a large import asks thousands of
  // times between changes; filtering every connection each time made it quadratic).
  private index: { out: Map<string, FlowEdge[]>; in: Map<string, FlowEdge[]> } | undefined;
  /** Call after changing an edge's source or target from outside. */
  touched(): void {
    this.index = undefined;
  }
  private lookup(): { out: Map<string, FlowEdge[]>; in: Map<string, FlowEdge[]> } {
    if (this.index) return this.index;
    const out = new Map<string, FlowEdge[]>();
    const inc = new Map<string, FlowEdge[]>();
    for (const e of this.edges) {
      const o = out.get(e.source);
      if (o) o.push(e);
      else out.set(e.source, [e]);
      const i = inc.get(e.target);
      if (i) i.push(e);
      else inc.set(e.target, [e]);
    }
    return (this.index = { out, in: inc });
  }
  out(id: string): FlowEdge[] {
    return [...(this.lookup().out.get(id) ?? [])];
  }
  in(id: string): FlowEdge[] {
    return [...(this.lookup().in.get(id) ?? [])];
  }

  /** Adds a node with an id made unique from `id` (at most 80 characters); returns it. */
  add<N extends FlowNode>(node: N): N {
    let id = node.id.slice(0, 76);
    for (let k = 2; this.nodeIds.has(id); k++) id = `${node.id.slice(0, 74)}-${k}`;
    this.nodeIds.add(id);
    const n = { ...node, id, name: node.name.slice(0, 120) };
    this.nodes.push(n);
    return n;
  }

  connect(source: string, target: string, extra: Partial<FlowEdge> = {}): FlowEdge {
    const base = `${source.slice(0, 36)}-to-${target.slice(0, 36)}`;
    let id = base;
    for (let k = 2; this.edgeIds.has(id); k++) id = `${base}-${k}`;
    this.edgeIds.add(id);
    const e: FlowEdge = { id, source, target, ...extra };
    this.edges.push(e);
    this.index = undefined;
    return e;
  }

  remove(nodeIds: Set<string>): void {
    const keep = this.edges.filter((e) => !nodeIds.has(e.source) && !nodeIds.has(e.target));
    this.edges.length = 0;
    this.edges.push(...keep);
    const nodes = this.nodes.filter((n) => !nodeIds.has(n.id));
    this.nodes.length = 0;
    this.nodes.push(...nodes);
    this.index = undefined;
  }

  /** Puts `node` right after `afterId`: the connections out of `afterId` now leave from `node`. */
  insertAfter<N extends FlowNode>(afterId: string, node: N, edgesToMove = this.out(afterId)): N {
    const added = this.add(node);
    for (const e of edgesToMove) e.source = added.id;
    this.index = undefined;
    this.connect(afterId, added.id);
    return added;
  }

  /** Multiplies the shares of `edges` (taken as equal when missing or not adding up to 1) by `factor`. */
  static scaleShares(edges: FlowEdge[], factor: number): void {
    const given = edges.every((e) => e.probability !== undefined) && Math.abs(edges.reduce((s, e) => s + (e.probability ?? 0), 0) - 1) < 1e-6;
    for (const e of edges) e.probability = (given ? e.probability! : 1 / edges.length) * factor;
  }
}

/** A position beside another node's (new nodes go to the right of what they follow). */
export const beside = (n: FlowNode | undefined, dx = 200, dy = 0) => ({ x: (n?.position.x ?? 0) + dx, y: (n?.position.y ?? 0) + dy });

export const percent = (x: number) => `${+(x * 100).toFixed(1)} %`;
