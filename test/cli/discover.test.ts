import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { discoverMain, parseDiscoverArgs } from '../../src/cli/discover';
import { loadProject } from '../../src/model/load';

const TRAIN = '../shared/eventlogs/LoanApp_simplified_train.csv.gz';

function io(files: Record<string, Uint8Array | string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  return {
    out, err, written,
    io: {
      readFile: (p: string) => String(files[p] ?? readFileSync(p, 'utf8')),
      readBytes: (p: string) => {
        const f = files[p];
        if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
        return new Uint8Array(readFileSync(new URL(`../../${p}`, import.meta.url)));
      },
      writeFile: (p: string, t: string) => void (written[p] = t),
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
    },
  };
}

describe('npm run discover', () => {
  it('parses the options', () => {
    expect(parseDiscoverArgs(['log.csv', '--case', 'id', '--tz', '+01:00', '--day-first', '--rare', '2%', '--out', 'p.json'])).toMatchObject({ log: 'log.csv', out: 'p.json', mapping: { case: 'id' }, zone: 60, dayFirst: true, rare: 0.02 });
    expect(() => parseDiscoverArgs(['--tz', 'Berlin'])).toThrow(/--tz 'Berlin' is not a time zone offset/);
    expect(() => parseDiscoverArgs(['--case'])).toThrow(/--case needs a value/);
  });

  it('writes the project and prints the report grouped by topic', async () => {
    const t = io();
    expect(await discoverMain([TRAIN, '--out', 'p.json'], t.io)).toBe(0);
    expect(loadProject(JSON.parse(t.written['p.json']!)).ok).toBe(true);
    const text = t.out.join('');
    expect(text).toMatch(/^Reading the log\n {2}7,544 events in 1,000 cases/);
    for (const title of ['The log', 'Departments', 'Working time', 'Service times', 'Routing', 'Coverage']) expect(text).toContain(`\n${title}\n`);
    expect(text.indexOf('\nDepartments\n')).toBeLessThan(text.indexOf('\nRouting\n'));
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('exits with 2 and a clear message on bad input', async () => {
    const missing = io();
    expect(await discoverMain([TRAIN], missing.io)).toBe(2);
    expect(missing.err.join('')).toMatch(/Add --out project.json/);
    const ambiguous = io({ 'a.csv': 'case,activity,end\n1,A,03/04/2023 10:00\n1,B,05/06/2023 11:00\n' });
    expect(await discoverMain(['a.csv', '--out', 'p.json'], ambiguous.io)).toBe(2);
    expect(ambiguous.err.join('')).toMatch(/could be day-first or month-first.*Add --day-first or --month-first/);
    const unknown = io();
    expect(await discoverMain([TRAIN, '--out', 'p.json', '--colour', 'red'], unknown.io)).toBe(2);
    expect(unknown.err.join('')).toMatch(/Unknown option --colour/);
    const broken = io({ 'b.csv': 'case,activity,end\n' + '1,A,never\n'.repeat(30) });
    expect(await discoverMain(['b.csv', '--out', 'p.json'], broken.io)).toBe(2);
    expect(broken.err.join('')).toMatch(/b\.csv: .*(column end|not a date|Which column)/);
    expect(broken.written).toEqual({});
  });
});
