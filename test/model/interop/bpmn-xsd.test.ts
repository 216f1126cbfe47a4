// The BPMN export is valid against the BPMN 2.0 XML schema (the XSD files bpmn-moddle ships),
// checked with xmllint (Debian's libxml2-utils, installed by .ci/run): every example scenario,
// and a flow built to trip it (ids that start with a digit or hold a colon, events and gateways
// outside any department, an empty department, delays that are not constant, a loop back).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../../src/engine/bpmnImport';
import { EXAMPLES, getExample } from '../../../src/model/examples';
import { exportBpmn } from '../../../src/model/interop/bpmn';
import { Project } from '../../../src/model/schema';
import { edge, flowProject, poisson } from '../../engine/helpers';

const XSD = join(process.cwd(), 'node_modules/bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** xmllint's verdict per file: '' when valid, else its first complaints. */
function validate(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'sf-xsd-'));
  try {
    const paths = Object.entries(files).map(([name, xml]) => {
      const path = join(dir, `${name}.bpmn`);
      writeFileSync(path, xml);
      return [name, path] as const;
    });
    const run = spawnSync('xmllint', ['--noout', '--schema', XSD, ...paths.map(([, p]) => p)], { encoding: 'utf8' });
    return Object.fromEntries(paths.map(([name, path]) => [name, run.stderr.split('\n').filter((l) => l.startsWith(path) && !/validates$/.test(l)).slice(0, 3).join('\n')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function awkward(): Project {
  const p = flowProject({
    departments: [
      { id: '1st-line', name: 'First line' },
      { id: 'back:office', name: 'Back office' },
      { id: '9-empty', name: 'Nobody here' },
    ],
    nodes: [
      poisson('1-in', 0.1),
      { id: '2:check', kind: 'step', name: 'Check & <sort>', departmentId: '1st-line', staff: 2, service: { kind: 'triangular', min: 2, mode: 4, max: 9 } },
      { id: '3-wait', kind: 'delay', name: 'Post', duration: { kind: 'uniform', min: 30, max: 90 } },
      { id: '4-or', kind: 'split', name: 'Which?', mode: 'inclusive' },
      { id: '5-a', kind: 'step', name: 'A', departmentId: 'back:office', staff: 3, service: { kind: 'exponential', mean: 5 } },
      { id: '6-b', kind: 'step', name: 'B', departmentId: '1st-line', staff: 3, service: { kind: 'exponential', mean: 5 } },
      { id: '7-join', kind: 'join', name: 'Back' },
      { id: '8-d', kind: 'decision', name: 'Again?' },
      { id: '9-x', kind: 'exit', name: 'Done' },
    ],
    edges: [edge('1-in', '2:check'), edge('2:check', '3-wait'), edge('3-wait', '4-or'), edge('4-or', '5-a', 0.6), edge('4-or', '6-b', 0.7), edge('5-a', '7-join'), edge('6-b', '7-join'), edge('7-join', '8-d'), edge('8-d', '2:check', 0.1), edge('8-d', '9-x', 0.9)],
  });
  return Project.parse(p);
}

describe.skipIf(!hasXmllint)('BPMN export against the BPMN 2.0 XSD', () => {
  it('xmllint is the one we expect and rejects an invalid file', () => {
    expect(execFileSync('xmllint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) + '').toBeDefined();
    const bad = validate({ bad: exportBpmn(getExample('loan')!.project, 'baseline').replace('<bpmn:laneSet', '<bpmn:laneSets') });
    expect(bad.bad).toMatch(/laneSets/);
  });

  it('every example scenario and an awkward flow export valid BPMN 2.0', () => {
    const files: Record<string, string> = {};
    for (const ex of EXAMPLES) {
      const project = getExample(ex.id)!.project;
      for (const s of project.scenarios) files[`${ex.id}--${s.id}`] = exportBpmn(project, s.id);
    }
    files.awkward = exportBpmn(awkward(), 'base');
    const verdicts = validate(files);
    for (const [name, v] of Object.entries(verdicts)) expect(v, name).toBe('');
  });
});

describe('BPMN export shape', () => {
  it('ids become XML names and come back as they were; timers carry the mean; delays and chances have BPSim', async () => {
    const p = awkward();
    const xml = exportBpmn(p, 'base');
    expect(xml).toContain('<bpmn:userTask id="_2_check"');
    expect(xml).toContain('<bpmn:lane id="_1st-line"');
    expect(xml).toMatch(/<bpmn:intermediateCatchEvent id="_3-wait"[^]*?PT3600S/); // uniform 30–90 min: mean 60 min
    expect(xml).toMatch(/<bpsim:ElementParameters elementRef="_3-wait"><bpsim:TimeParameters><bpsim:ProcessingTime><bpsim:UniformDistribution min="30" max="90"\/>/);
    expect(xml).toContain('<bpmn:inclusiveGateway id="_4-or"');
    expect(xml).toContain('<bpmn:inclusiveGateway id="_7-join"');
    expect(xml.indexOf('<bpmn:relationship')).toBeGreaterThan(xml.indexOf('</bpmndi:BPMNDiagram>'));
    const ids = [...xml.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    // Every node is in exactly one lane; lanes do not overlap and hold their shapes.
    const refs = [...xml.matchAll(/<bpmn:flowNodeRef>([^<]*)</g)].map((m) => m[1]!);
    expect(refs.sort()).toEqual(p.scenarios[0]!.flow.nodes.map((n) => xml.match(new RegExp(`id="([^"]*)" name="${n.name.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/[?]/g, '\\?')}"`))![1]!).sort());
    const bounds = (id: string) => {
      const m = new RegExp(`bpmnElement="${id}"[^>]*><dc:Bounds x="(-?[\\d.]+)" y="(-?[\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`).exec(xml)!;
      return { x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! };
    };
    const lanes = ['_1st-line', 'back_office', '_9-empty'].map((l) => ({ l, b: bounds(xml.includes(`<bpmn:lane id="${l}"`) ? l : `_${l}`) }));
    const sorted = lanes.map((x) => x.b).sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y).toBeGreaterThanOrEqual(sorted[i - 1]!.y + sorted[i - 1]!.h);
    expect(lanes.find((x) => x.l === '_9-empty')!.b.h).toBeGreaterThanOrEqual(100);
    for (const laneXml of xml.matchAll(/<bpmn:lane id="([^"]*)"[^]*?<\/bpmn:lane>/g)) {
      const lane = bounds(laneXml[1]!);
      for (const r of laneXml[0].matchAll(/<bpmn:flowNodeRef>([^<]*)</g)) {
        const b = bounds(r[1]!);
        expect(b.y, r[1]).toBeGreaterThanOrEqual(lane.y);
        expect(b.y + b.h, r[1]).toBeLessThanOrEqual(lane.y + lane.h);
      }
    }
    // The round trip gives the project's own ids back.
    const r = await importBpmn(xml);
    if (!r.ok) throw new Error(r.error);
    expect(r.project.scenarios[0]!.flow).toEqual(p.scenarios[0]!.flow);
    // Without our extension another tool still gets the delay's distribution and the chances.
    const foreign = xml.replace(/<bpmn:extensionElements><sf:data>[\s\S]*?<\/sf:data><\/bpmn:extensionElements>/g, '');
    const f = await importBpmn(foreign);
    if (!f.ok) throw new Error(f.error);
    const wait = f.project.scenarios[0]!.flow.nodes.find((n) => n.kind === 'delay');
    expect(wait).toMatchObject({ kind: 'delay', duration: { kind: 'uniform', min: 30, max: 90 } });
    expect(f.project.scenarios[0]!.flow.edges.filter((e) => e.source === '_4-or').map((e) => e.probability)).toEqual([0.6, 0.7]);
  });
});
