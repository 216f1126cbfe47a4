import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { loadProject } from '../../src/model/load';
import { validateProject } from '../../src/model/validate';

const withPool = (size: number, poolId = 'team') => {
  const p = structuredClone(getExample('loan')!.project) as any;
  p.scenarios[0].flow.pools = [{ id: 'team', name: 'Team', size, departmentId: 'credit' }];
  for (const n of p.scenarios[0].flow.nodes) if (n.id === 'credit-analysis' || n.id === 'risk-approval') n.poolId = poolId;
  return p;
};

describe('staff pools in the file format', () => {
  it('load when they refer to existing pools and departments', () => {
    const r = loadProject(withPool(8));
    expect(r.ok).toBe(true);
    if (r.ok) expect(validateProject(r.project).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('name the field when a step uses a pool that does not exist, or a pool a missing department', () => {
    const r = loadProject(withPool(8, 'nobody'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual({ path: 'scenarios[0].flow.nodes[7].poolId', message: '"Credit analysis" uses staff pool "nobody", which does not exist' });
    const p = withPool(8);
    p.scenarios[0].flow.pools[0].departmentId = 'gone';
    const q = loadProject(p);
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.problems[0]!.path).toBe('scenarios[0].flow.pools[0].departmentId');
    const dup = withPool(8);
    dup.scenarios[0].flow.pools.push({ id: 'team', name: 'Again', size: 1 });
    expect(loadProject(dup).ok).toBe(false);
  });

  it('an empty pool that customers reach is an error', () => {
    const r = loadProject(withPool(0));
    expect(r.ok).toBe(true);
    if (r.ok) expect(validateProject(r.project).some((f) => f.severity === 'error' && /staff pool "Team", which has no staff/.test(f.message))).toBe(true);
  });
});
