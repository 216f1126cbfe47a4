// Discovery on the public loan-application log (../shared/eventlogs): the discovered baseline
// loads, passes the pre-run check and simulates; and, scored as the literature does (simulate the
// test period 10 times, compare with the test log), it meets issue 16's bar: CTD ≤ 1.5 and
// CED ≤ 0.25 (means over the 10 runs, seed 1).
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discovery/discover';
import { evaluateAgainst } from '../../src/discovery/evaluate';
import { checkProject, hasErrors } from '../../src/engine/check';
import { loadProject } from '../../src/model/load';
import { loanLog } from './makeLog';
import { NODE_H } from '../../src/model/layout';

describe('discovery on the loan log', () => {
  it('gives a project that loads, checks and reads like the process', async () => {
    const train = await loanLog('train');
    const d = discover(train);
    expect(loadProject(JSON.parse(JSON.stringify(d.project))).ok).toBe(true);
    expect(hasErrors(checkProject(d.project))).toBe(false);
    const f = d.project.scenarios[0]!.flow;
    expect(f.nodes.filter((n) => n.kind === 'step')).toHaveLength(12);
    expect(f.nodes.filter((n) => n.kind === 'split')).toHaveLength(1);
    expect(f.departments.map((x) => x.name).sort()).toEqual(['AML Investigator', 'Applicant', 'Appraiser', 'Clerk', 'Loan Officer', 'Senior Officer']);
    expect(f.pools?.find((p) => p.name === 'Clerk')?.size).toBe(8);
    expect(d.coverage).toBe(1);
    expect(d.project.run.start).toBe('2023-02-09T08:00:00');
    // Left to right: the arrivals come first, the exit last.
    const x = (kind: string) => f.nodes.find((n) => n.kind === kind)!.position.x;
    expect(x('arrivals')).toBeLessThan(x('split'));
    expect(x('split')).toBeLessThan(x('exit'));
    for (const l of d.report) expect(l.message).not.toMatch(/NaN|Infinity|undefined/);
    // Each department's steps sit in a band of their own: the bands (the lanes drawn around them)
    // do not overlap, so the editor's lanes read as departments.
    const bands = f.departments
      .map((dep) => f.nodes.filter((n) => (n.kind === 'step' || n.kind === 'delay') && n.departmentId === dep.id).map((n) => n.position.y))
      .filter((ys) => ys.length > 0)
      .map((ys) => [Math.min(...ys), Math.max(...ys) + NODE_H] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(bands.length).toBe(6);
    for (let i = 1; i < bands.length; i++) expect(bands[i]![0]).toBeGreaterThan(bands[i - 1]![1]);
  });

  it('meets the bar on the test log: CTD ≤ 1.5 and CED ≤ 0.25 (mean of 10)', async () => {
    const [train, test] = [await loanLog('train'), await loanLog('test')];
    const ev = evaluateAgainst(discover(train).project, test, 10);
    expect(ev.mean.ctd).toBeLessThanOrEqual(1.5);
    expect(ev.mean.ced).toBeLessThanOrEqual(0.25);
  }, 60_000);
});
