import { describe, expect, it } from 'vitest';
import { main, parseArgs, type CliIO } from '../../src/cli/main';
import { getExample } from '../../src/model/examples';

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

describe('sim --event-log', () => {
  it('reads the options and refuses them without --event-log', () => {
    expect(parseArgs(['p.json', '--event-log', 'o.csv', '--cases', '40', '--start', '2024-03-04T08:00'])).toMatchObject({ eventLog: 'o.csv', cases: 40, start: '2024-03-04T08:00' });
    expect(() => parseArgs(['p.json', '--cases', '40'])).toThrow(/--event-log/);
    expect(() => parseArgs(['p.json', '--event-log', 'o.csv', '--start', 'soon'])).toThrow(/--start: .*not a date/);
    expect(() => parseArgs(['p.json', '--event-log', 'o.csv', '--cases', '0'])).toThrow(/whole number/);
  });

  it('writes the first replication of the first scenario run as CSV', async () => {
    const project = getExample('repair')!.project;
    const { io, err, written } = fakeIO({ 'p.json': JSON.stringify(project) });
    const code = await main(['p.json', '--scenario', 'triage', '--replications', '2', '--out', 'r.json', '--event-log', 'o.csv', '--cases', '25', '--start', '2024-03-04T08:00'], io);
    expect(err.join('')).toMatch(/event log: [\d,]+ events of 2\d cases written to o\.csv/);
    expect(code).toBe(0);
    const lines = written['o.csv']!.trimEnd().split('\n');
    expect(lines[0]).toBe('case_id,activity,resource,start_time,end_time');
    expect(lines.length).toBeGreaterThan(25);
    expect(lines[1]).toMatch(/^1,[^,]+,[^,]+ \d+,2024-03-04T\d\d:\d\d:\d\d\.\d{3}\+00:00,2024-03-04T/);
    const steps = new Set(project.scenarios.find((s) => s.id === 'triage')!.flow.nodes.filter((n) => n.kind === 'step').map((n) => n.name));
    for (const line of lines.slice(1)) expect(steps.has(line.split(',')[1]!)).toBe(true);
  });
});
