// The import report grouped: a short summary first, then approximated, left out and mapped, each
// with its count; repeated lines once with how often.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../../src/engine/bpmnImport';
import { groupReport } from '../../../src/model/interop/bpmn/reportGroups';

describe('import report groups', () => {
  it('sorts lines into approximated, left out and mapped, counts repeats, and sums up first', () => {
    const g = groupReport([
      { level: 'info', message: 'The file has 2 processes: "A" (3 tasks) was imported, the one with the most tasks; left out: "B" (1 task). You can import another one instead.' },
      { level: 'warning', message: 'No processing time for "X": 10 minutes on average (exponential) assumed — set it in the inspector.' },
      { level: 'warning', message: 'Sequence flow f9 leads to or from something that was not imported; it was left out.' },
      { level: 'warning', message: 'Sequence flow f9 leads to or from something that was not imported; it was left out.' },
      { level: 'info', message: 'Parallel gateway "G" imported as a parallel split: every case goes along its 2 paths at once.' },
      { level: 'info', message: 'Imported 3 step(s), 1 department(s) and 4 connection(s) from "A".' },
    ]);
    expect(g.summary[0]).toMatch(/^The file has 2 processes/);
    expect(g.summary[1]).toBe('Imported 3 step(s), 1 department(s) and 4 connection(s) from "A".');
    expect(g.summary[2]).toBe('In the report below — approximated or assumed: 1, left out: 2, mapped as it is: 1.');
    expect(g.groups.map((x) => x.title)).toEqual(['Approximated or assumed (1)', 'Left out (2)', 'Mapped as it is (1)']);
    expect(g.groups[1]!.lines).toEqual(['⚠ Sequence flow f9 leads to or from something that was not imported; it was left out. (2 times)']);
  });

  const big = '../shared/bpmn-corpus/miwg/reference/C.4.0.bpmn';
  it.skipIf(!existsSync(big))('a real multi-pool model: the summary is a few lines, every report line is in a group', async () => {
    const r = await importBpmn(new Uint8Array(readFileSync(big)));
    if (!r.ok) throw new Error(r.error);
    const g = groupReport(r.report);
    expect(g.summary.length).toBeLessThanOrEqual(4);
    const inGroups = g.groups.reduce((s, x) => s + Number(/\((\d+)\)$/.exec(x.title)![1]), 0);
    expect(inGroups + g.summary.length - 1).toBe(r.report.length);
  });
});
