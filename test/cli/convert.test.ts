// npm run convert: a project to BPMN and back, a .bpmn2 file read as BPMN, clear refusals.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/cli/convert';
import type { CliIO } from '../../src/cli/main';
import { getExample } from '../../src/model/examples';
import { exportBpmn } from '../../src/model/interop/bpmn';

function fakeIO(files: Record<string, string> = {}) {
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[p]!;
    },
    writeFile: (p, t) => void (written[p] = t),
    stdout: () => undefined,
    stderr: (t) => void err.push(t),
  };
  return { io, err, written };
}

describe('convert', () => {
  const loan = getExample('loan')!.project;
  it('a project to BPMN (the baseline, or the scenario asked for) and back to the same flow', async () => {
    const { io, written } = fakeIO({ 'loan.json': JSON.stringify(loan) });
    expect(await convert(['loan.json', '--out', 'loan.bpmn'], io)).toBe(0);
    expect(written['loan.bpmn']).toBe(exportBpmn(loan, loan.scenarios[0]!.id));
    const other = loan.scenarios[1]!;
    expect(await convert(['loan.json', '--out', 'p.bpmn', '--scenario', other.id], io)).toBe(0);
    expect(written['p.bpmn']).toBe(exportBpmn(loan, other.id));
    const back = fakeIO({ 'loan.bpmn2': written['loan.bpmn']! });
    expect(await convert(['loan.bpmn2', '--out', 'back.json'], back.io)).toBe(0);
    expect(JSON.parse(back.written['back.json']!).scenarios[0].flow).toEqual(loan.scenarios[0]!.flow);
  });

  it('refuses what it cannot do, in one line naming the problem', async () => {
    const { io, err, written } = fakeIO({ 'loan.json': JSON.stringify(loan), 'bad.bpmn': '<x/>' });
    expect(await convert(['loan.json', '--out', 'x.csv'], io)).toBe(2);
    expect(await convert(['loan.json', '--out', 'x.bpmn', '--scenario', 'nope'], io)).toBe(2);
    expect(await convert(['missing.json', '--out', 'x.bpmn'], io)).toBe(1);
    expect(await convert(['bad.bpmn', '--out', 'x.json'], io)).toBe(1);
    expect(written).toEqual({});
    expect(err.join('')).toMatch(/must end in .bpmn or .json[^]*no scenario "nope"[^]*no such file[^]*could not be imported/);
  });

  it('runs as npm run convert', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-convert-'));
    writeFileSync(join(dir, 'loan.json'), JSON.stringify(loan));
    const r = spawnSync('npx', ['tsx', 'src/cli/convertCli.ts', join(dir, 'loan.json'), '--out', join(dir, 'loan.bpmn')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'loan.bpmn'), 'utf8')).toContain('<bpmn:definitions');
  }, 60_000);
});
