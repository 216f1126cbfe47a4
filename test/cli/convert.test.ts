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

  it('reads a Prosimos / Simod parameters file of the same name next to the BPMN', async () => {
    const xml = '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="P"><bpmn:startEvent id="s"/><bpmn:task id="t" name="Do"/><bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/></bpmn:process></bpmn:definitions>';
    const params = { arrival_time_distribution: { distribution_name: 'fix', distribution_params: [{ value: 600 }] }, task_resource_distribution: [{ task_id: 't', resources: [{ resource_id: 'r', distribution_name: 'fix', distribution_params: [{ value: 120 }] }] }] };
    const { io, err, written } = fakeIO({ 'm.bpmn': xml, 'm.json': JSON.stringify(params) });
    expect(await convert(['m.bpmn', '--out', 'm-project.json'], io)).toBe(0);
    expect(err.join('')).toContain('simulation parameters read from m.json');
    const flow = JSON.parse(written['m-project.json']!).scenarios[0].flow;
    expect(flow.nodes.find((n: { id: string }) => n.id === 't').service).toEqual({ kind: 'constant', value: 2 });
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
