import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readAndDiscover, logBuffers } from '../../src/worker/discover';
import { loadProject } from '../../src/model/load';

const train = () => new Uint8Array(readFileSync(new URL('../../../shared/eventlogs/LoanApp_simplified_train.csv.gz', import.meta.url)));

describe('the discovery worker', () => {
  it('reads the loan log, discovers a valid project and reports progress in order', async () => {
    const seen: [number, string][] = [];
    const out = await readAndDiscover(train(), { name: 'LoanApp_simplified_train.csv.gz' }, {}, (f, what) => seen.push([f, what]));
    expect(out.read).toMatchObject({ events: 7544, cases: 1000, skipped: 0 });
    expect(out.discovery.project.name).toBe('LoanApp_simplified_train');
    expect(loadProject(JSON.parse(JSON.stringify(out.discovery.project))).ok).toBe(true);
    expect(out.discovery.report.length).toBeGreaterThan(3);
    const fractions = seen.map(([f]) => f);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(seen.some(([, w]) => w === 'Reading the log')).toBe(true);
    expect(logBuffers(out.log).length).toBeGreaterThanOrEqual(6);
  });

  it('says when a class column cannot be used and discovers without it', async () => {
    const csv = 'case,activity,end,amount\n' + Array.from({ length: 40 }, (_, i) => `${i >> 1},${i % 2 ? 'B' : 'A'},2023-02-0${1 + (i % 5)}T0${i % 9}:00:00Z,${i}`).join('\n');
    const out = await readAndDiscover(new TextEncoder().encode(csv), { mapping: { caseAttributes: ['amount'] } }, { classAttribute: 'amount' });
    expect(out.read.notes.join(' ')).toMatch(/amount could not be used for customer classes/);
  });

  it('stops when cancelled', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(readAndDiscover(train(), {}, {}, undefined, ctl.signal)).rejects.toThrow(/cancelled/);
  });
});
