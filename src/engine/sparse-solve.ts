// Visit rates from routing: x = γ + xP solved by sparse elimination, for the traffic equations
// (src/engine/traffic.ts). Linear in the flow for acyclic flows and typical rework loops.

/** A sparse routing matrix: P[i] maps target index → share of the visits at i that go there. */
export type SparseRouting = Map<number, number>[];

/** Work limit of the elimination (fill-in entries): flows whose loops are this tangled are not solved. */
const ELIMINATION_BUDGET = 5_000_000;

/**
 * Solves x = γ + xP for many right-hand sides γ by eliminating nodes one at a time (each time the
 * node with the fewest in × out connections, so an acyclic flow is solved in topological order
 * with no extra work, and a rework loop with little). Returns undefined when a loop has no way
 * out (singular), 'too-complex' past the work limit.
 */
export function sparseSolver(n: number, P: SparseRouting): ((gamma: ArrayLike<number>) => Float64Array) | undefined | 'too-complex' {
  const outs: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const ins: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const self = new Float64Array(n);
  P.forEach((row, i) =>
    row.forEach((p, j) => {
      if (p === 0) return;
      if (i === j) self[i]! += p;
      else {
        outs[i]!.set(j, p);
        ins[j]!.set(i, p);
      }
    }),
  );
  // Min-heap of (in × out, node), with stale entries skipped when popped.
  const heapKey: number[] = [];
  const heapNode: number[] = [];
  const push = (key: number, v: number) => {
    let k = heapKey.length;
    heapKey.push(key);
    heapNode.push(v);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapKey[k] = heapKey[parent]!;
      heapNode[k] = heapNode[parent]!;
      k = parent;
    }
    heapKey[k] = key;
    heapNode[k] = v;
  };
  const pop = (): [number, number] => {
    const top: [number, number] = [heapKey[0]!, heapNode[0]!];
    const lastKey = heapKey.pop()!;
    const lastNode = heapNode.pop()!;
    if (heapKey.length > 0) {
      let k = 0;
      for (;;) {
        let c = 2 * k + 1;
        if (c >= heapKey.length) break;
        if (c + 1 < heapKey.length && heapKey[c + 1]! < heapKey[c]!) c++;
        if (heapKey[c]! >= lastKey) break;
        heapKey[k] = heapKey[c]!;
        heapNode[k] = heapNode[c]!;
        k = c;
      }
      heapKey[k] = lastKey;
      heapNode[k] = lastNode;
    }
    return top;
  };
  const degree = (v: number) => ins[v]!.size * outs[v]!.size;
  for (let v = 0; v < n; v++) push(degree(v), v);
  const done = new Uint8Array(n);
  const order: number[] = [];
  const factor = new Float64Array(n);
  const recOuts: [number, number][][] = new Array(n);
  const recIns: [number, number][][] = new Array(n);
  let work = 0;
  while (heapKey.length > 0) {
    const [key, v] = pop();
    if (done[v] || key !== degree(v)) continue;
    done[v] = 1;
    order.push(v);
    const keep = 1 - self[v]!;
    if (!(keep > 1e-12)) return undefined;
    const f = 1 / keep;
    factor[v] = f;
    const vOuts = [...outs[v]!];
    const vIns = [...ins[v]!];
    recOuts[v] = vOuts;
    recIns[v] = vIns;
    work += vOuts.length * vIns.length + vOuts.length + vIns.length;
    if (work > ELIMINATION_BUDGET) return 'too-complex';
    for (const [w] of vOuts) ins[w]!.delete(v);
    for (const [u] of vIns) outs[u]!.delete(v);
    for (const [u, a] of vIns) {
      for (const [w, c] of vOuts) {
        const add = a * c * f;
        if (u === w) self[u]! += add;
        else {
          outs[u]!.set(w, (outs[u]!.get(w) ?? 0) + add);
          ins[w]!.set(u, (ins[w]!.get(u) ?? 0) + add);
        }
      }
    }
    for (const [u] of vIns) push(degree(u), u);
    for (const [w] of vOuts) push(degree(w), w);
  }
  // The recorded elimination, flattened (compressed rows) so that each right-hand side is cheap.
  const flatten = (rec: [number, number][][]) => {
    const start = new Int32Array(n + 1);
    order.forEach((v) => (start[v + 1] = rec[v]!.length));
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const at = new Int32Array(start[n]!);
    const weight = new Float64Array(start[n]!);
    order.forEach((v) => rec[v]!.forEach(([u, p], k) => ((at[start[v]! + k] = u), (weight[start[v]! + k] = p))));
    return { start, at, weight };
  };
  const fwd = flatten(recOuts);
  const back = flatten(recIns);
  return (gamma) => {
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) b[i] = gamma[i] ?? 0;
    for (let k = 0; k < order.length; k++) {
      const v = order[k]!;
      const bv = b[v]! * factor[v]!;
      if (bv !== 0) for (let e = fwd.start[v]!; e < fwd.start[v + 1]!; e++) b[fwd.at[e]!]! += bv * fwd.weight[e]!;
    }
    const x = new Float64Array(n);
    for (let k = order.length - 1; k >= 0; k--) {
      const v = order[k]!;
      let s = b[v]!;
      for (let e = back.start[v]!; e < back.start[v + 1]!; e++) s += x[back.at[e]!]! * back.weight[e]!;
      const xv = s * factor[v]!;
      x[v] = Math.abs(xv) < 1e-15 ? 0 : xv;
    }
    return x;
  };
}
