import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, parseArgs, type CliIO } from '../../src/cli/main';
import { runExperiment } from '../../src/engine/experiment';
import { singleStationProject } from '../engine/helpers';
import { getExample } from '../../src/model/examples';

const project = singleStationProject({ lambda: 0.5, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 1000 });

function fakeIO(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[p]!;
    },
    writeFile: (p, t) => void (written[p] = t),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, out, err, written };
}

describe('parseArgs', () => {
  it('reads the documented options', () => {
    expect(parseArgs(['p.json', '--scenario', 'a', '--scenario', 'b', '--replications', '7', '--seed', '3', '--out', 'r.json'])).toMatchObject({
      input: 'p.json',
      scenarios: ['a', 'b'],
      replications: 7,
      seed: 3,
      out: 'r.json',
    });
  });
  it('rejects bad usage', () => {
    expect(() => parseArgs([])).toThrow(/project file/);
    expect(() => parseArgs(['p.json', '--replications', 'x'])).toThrow(/whole number/);
    expect(() => parseArgs(['p.json', '--bogus'])).toThrow(/unknown option/);
  });
});

describe('main', () => {
  it('writes the same results document as the engine, for the same seed', async () => {
    const { io, written } = fakeIO({ 'p.json': JSON.stringify(project) });
    expect(await main(['p.json', '--replications', '3', '--seed', '5', '--out', 'r.json', '--quiet'], io)).toBe(0);
    const expected = runExperiment(project, { replications: 3, seed: 5 });
    expect(written['r.json']).toBe(JSON.stringify(expected, null, 2) + '\n');
  });

  it('the summary names each join’s waiting for the other parts and each system’s held-up time', async () => {
    const mortgage = getExample('mortgage')!.project;
    const { io, err } = fakeIO({ 'm.json': JSON.stringify(mortgage) });
    expect(await main(['m.json', '--replications', '2'], io)).toBe(0);
    expect(err.join('')).toMatch(/join "All checks back" — a case waits [\d.]+ (min|h) ± [\d.]+ (s|min|h) for its other parts/);
    const loan = getExample('loan')!.project;
    const second = fakeIO({ 'l.json': JSON.stringify(loan) });
    expect(await main(['l.json', '--replications', '2'], second.io)).toBe(0);
    expect(second.err.join('')).toMatch(/system "[^"]+" — available [\d.]+ %, customers held up while down [\d.]+ customer-hours a day \([\d.]+ % of all waiting\)/);
  });

  it('a file that is not JSON exits 1 with a message and writes nothing', async () => {
    const { io, err, written } = fakeIO({ 'p.json': '{ oops' });
    expect(await main(['p.json', '--out', 'r.json'], io)).toBe(1);
    expect(err.join('')).toMatch(/not valid JSON/);
    expect(written).toEqual({});
  });

  it('a schema problem is named by its JSON path', async () => {
    const bad = structuredClone(project) as any;
    bad.scenarios[0].flow.nodes[1].staff = 'two';
    const { io, err } = fakeIO({ 'p.json': JSON.stringify(bad) });
    expect(await main(['p.json'], io)).toBe(1);
    expect(err.join('')).toMatch(/scenarios\[0\]\.flow\.nodes\[1\]\.staff: [^\n]+: staff must be a number, not the text "two"/);
  });

  it('reads a UTF-8 file that starts with a byte-order mark', async () => {
    const { io, out } = fakeIO({ 'p.json': '\ufeff' + JSON.stringify(project) });
    expect(await main(['p.json', '--replications', '1', '--quiet'], io)).toBe(0);
    expect(JSON.parse(out.join('')).scenarios).toHaveLength(1);
  });

  it('a refused file names the step and its JSON path, with limits in words', async () => {
    const bad = structuredClone(project) as any;
    bad.scenarios[0].flow.nodes[1].staff = 20_000;
    bad.scenarios[0].flow.nodes[1].service = { kind: 'gamma', mean: 1e-300, sd: 1e155 };
    const { io, err } = fakeIO({ 'p.json': JSON.stringify(bad) });
    expect(await main(['p.json'], io)).toBe(1);
    const name = bad.scenarios[0].flow.nodes[1].name;
    const text = err.join('');
    expect(text).toContain(`scenarios[0].flow.nodes[1].staff: ${name}: staff must be at most 10,000 staff`);
    expect(text).toContain(`scenarios[0].flow.nodes[1].service.mean: ${name}: service time mean must be at least 0.000000001`);
    expect(text).not.toMatch(/NaN|Infinity|undefined|\[object Object\]/);
  });

  it('an unknown scenario and a missing file are clear errors', async () => {
    const { io, err } = fakeIO({ 'p.json': JSON.stringify(project) });
    expect(await main(['p.json', '--scenario', 'nope'], io)).toBe(1);
    expect(err.join('')).toMatch(/no scenario "nope"/);
    expect(await main(['missing.json'], io)).toBe(1);
    expect(err.join('')).toMatch(/cannot read missing.json: no such file/);
  });

  it('a flow that cannot be simulated is refused before running', async () => {
    const bad = structuredClone(project) as any;
    bad.scenarios[0].flow.nodes[1].staff = 0;
    const { io, err } = fakeIO({ 'p.json': JSON.stringify(bad) });
    expect(await main(['p.json'], io)).toBe(1);
    expect(err.join('')).toMatch(/has no staff but receives customers/);
  });
});

describe('an overloaded project', () => {
  it('runs (overload no longer blocks) and the summary states the instability and that waits grow with the run', async () => {
    const over = singleStationProject({ lambda: 1.2, station: { staff: 1, service: { kind: 'exponential', mean: 1 } }, duration: 5000, replications: 3 });
    const { io, out, err } = fakeIO({ 'p.json': JSON.stringify(over) });
    expect(await main(['p.json'], io)).toBe(0);
    const doc = JSON.parse(out.join(''));
    expect(doc.scenarios[0].instability.steps[0]).toMatchObject({ stepId: 's', name: 'Service' });
    const summary = err.join('');
    expect(summary).toContain('sim: warning — "Service" is overloaded: its work needs 1.2 staff on average and it has 1 (120 %) — about 12 more customers an hour (288 a day) arrive than it can serve');
    expect(summary).toMatch(/\(waits grow with the length of the run\)/);
    expect(summary).toMatch(/unstable — Service cannot keep up: its queue grows by about \d+ customers a day \(95 % CI \d+ to \d+\)\./);
    expect(summary).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('the sim command in a real process', () => {
  it('exits 0 with results, and 1 without a stack trace or partial file on a broken project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify(project));
    writeFileSync(bad, JSON.stringify({ ...project, formatVersion: 2, classes: [] }));
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
    const ok = run([good, '--replications', '2', '--out', join(dir, 'r.json')]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).scenarios).toHaveLength(1);
    const fail = run([bad, '--out', join(dir, 'r2.json')]);
    expect(fail.status).toBe(1);
    expect(fail.stderr).toContain('classes: needs at least one customer class');
    expect(fail.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'r2.json'))).toBe(false);
  });
});

describe('the sim command piped into a reader that stops early', () => {
  it('exits quietly when the pipe closes (no EPIPE stack trace)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const errFile = join(dir, 'err.txt');
    const cmd = `"${process.execPath}" --import tsx src/cli/sim.ts --example loan --replications 1 --quiet 2>"${errFile}" | head -c 100 >/dev/null; echo "exit=$?"`;
    const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
    expect(r.stdout).toContain('exit=0');
    const stderr = readFileSync(errFile, 'utf8');
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 60_000);
});

describe('BPMN on the command line', () => {
  it('imports with the same importer, prints the report to stderr and simulates', async () => {
    const xml = readFileSync(new URL('../model/interop/fixtures/bpsim-contact.bpmn', import.meta.url), 'utf8');
    const { io, err, written } = fakeIO({ 'calls.bpmn': xml });
    expect(await main(['calls.bpmn', '--replications', '2', '--out', 'r.json'], io)).toBe(0);
    expect(err.join('')).toMatch(/import: BPSim parameters found/);
    expect(err.join('')).toMatch(/import: warning: BPSim on "First-level answer": UnitCost is not simulated/);
    const doc = JSON.parse(written['r.json']!);
    expect(doc.project.name).toBe('Contact centre');
    expect(Object.keys(doc.scenarios[0].steps).sort()).toEqual(['answer', 'expert']);
  });

  it('a broken BPMN file exits 1 with the reason and writes nothing', async () => {
    const { io, err, written } = fakeIO({ 'x.bpmn': '<bpmn:definitions' });
    expect(await main(['x.bpmn', '--out', 'r.json'], io)).toBe(1);
    expect(err.join('')).toMatch(/x\.bpmn could not be imported: This is not a readable BPMN 2\.0 file/);
    expect(written).toEqual({});
  });
});
