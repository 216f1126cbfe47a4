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
  out(id: string): FlowEdge[] {
    return this.edges.filter((e) => e.source === id);
  }
  in(id: string): FlowEdge[] {
    return this.edges.filter((e) => e.target === id);
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
    return e;
  }

  remove(nodeIds: Set<string>): void {
    for (let i = this.nodes.length - 1; i >= 0; i--) if (nodeIds.has(this.nodes[i]!.id)) this.nodes.splice(i, 1);
    for (let i = this.edges.length - 1; i >= 0; i--) if (nodeIds.has(this.edges[i]!.source) || nodeIds.has(this.edges[i]!.target)) this.edges.splice(i, 1);
  }

  /** Puts `node` right after `afterId`: the connections out of `afterId` now leave from `node`. */
  insertAfter<N extends FlowNode>(afterId: string, node: N, edgesToMove = this.out(afterId)): N {
    const added = this.add(node);
    for (const e of edgesToMove) e.source = added.id;
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
