// Generated flows for benchmarks and the scale tests: past the file format's node limit, so built
// directly as checked projects.
import type { Project } from '../src/model';

/** A checked project with a chain of n steps (built directly: past the file format's node limit). */
export function chainProject(n: number, rework = false): Project {
  const nodes: any[] = [{ id: 'in', kind: 'arrivals', name: 'In', position: { x: 0, y: 0 }, arrivals: { mode: 'rate', rate: 1, per: 'hour' } }];
  const edges: any[] = [];
  let prev = 'in';
  for (let i = 0; i < n; i++) {
    const id = `s${i}`;
    nodes.push({ id, kind: 'step', name: `Step ${i}`, position: { x: 0, y: 0 }, departmentId: 'd', staff: 2, discipline: 'fifo', service: { kind: 'exponential', mean: 1 } });
    edges.push({ id: `e${i}`, source: prev, target: id });
    if (rework && i % 10 === 9) {
      // Every tenth step sends 10 % back ten steps: loops all along the chain.
      const d = `d${i}`;
      nodes.push({ id: d, kind: 'decision', name: `Check ${i}`, position: { x: 0, y: 0 }, mode: 'probability' });
      edges.push({ id: `r${i}`, source: id, target: d }, { id: `b${i}`, source: d, target: `s${i - 9}`, probability: 0.1 });
      prev = d;
      edges.push({ id: `f${i}`, source: d, target: `__next${i}`, probability: 0.9 });
    } else prev = id;
  }
  nodes.push({ id: 'out', kind: 'exit', name: 'Out', position: { x: 0, y: 0 } });
  edges.push({ id: 'last', source: prev, target: 'out' });
  // Forward connections of the decisions go to the step after them.
  for (const e of edges) if (typeof e.target === 'string' && e.target.startsWith('__next')) e.target = `s${Number(e.target.slice(6)) + 1}`;
  for (const e of edges) if (e.target === `s${n}`) e.target = 'out';
  return {
    formatVersion: 4,
    name: 'chain',
    timeUnit: 'minutes',
    classes: [{ id: 'c', name: 'C', share: 1, priority: 0, color: '#4e79a7' }],
    run: { horizon: { kind: 'duration', duration: 100 }, warmup: 0, replications: { kind: 'fixed', count: 1 }, seed: 1, maxEvents: 1e6 },
    serviceLevels: [],
    scenarios: [{ id: 'b', name: 'B', kind: 'baseline', flow: { departments: [{ id: 'd', name: 'D', color: '#4e79a7' }], nodes, edges } }],
  } as Project;
}
