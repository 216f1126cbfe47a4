// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { flowPicture } from '../../src/ui/picture/flowSvg';
import { formatShare } from '../../src/engine/format';

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('the flow picture', () => {
  it('is well-formed SVG with every node, department and edge of the scenario', () => {
    for (const id of ['loan', 'contact-centre', 'repair']) {
      const project = getExample(id)!.project;
      for (const scenario of project.scenarios) {
        const { svg, width, height } = flowPicture(scenario, { unit: project.timeUnit, title: scenario.name });
        const doc = parse(svg);
        expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
        expect(doc.querySelectorAll('g.sf-pic-node')).toHaveLength(scenario.flow.nodes.length);
        for (const n of scenario.flow.nodes) expect(svg).toContain(`data-node="${n.id}"`);
        const usedDepartments = new Set(scenario.flow.nodes.flatMap((n) => ('departmentId' in n && n.departmentId ? [n.departmentId] : [])));
        expect(doc.querySelectorAll('g.sf-pic-lane')).toHaveLength(usedDepartments.size);
        expect(doc.querySelectorAll('path[marker-end]')).toHaveLength(scenario.flow.edges.length);
        // Everything inside the picture.
        for (const n of scenario.flow.nodes) {
          const r = doc.querySelector(`g[data-node="${n.id}"] rect`)!;
          expect(Number(r.getAttribute('x'))).toBeGreaterThanOrEqual(0);
          expect(Number(r.getAttribute('x')) + Number(r.getAttribute('width'))).toBeLessThanOrEqual(width);
          expect(Number(r.getAttribute('y')) + Number(r.getAttribute('height'))).toBeLessThanOrEqual(height);
        }
      }
    }
  });

  it('shows routing shares, simulated figures when given, and escapes names', () => {
    const project = structuredClone(getExample('loan')!.project);
    const scenario = project.scenarios[0]!;
    const step = scenario.flow.nodes.find((n) => n.kind === 'step')!;
    step.name = 'Intake <A&B>';
    const { svg } = flowPicture(scenario, { unit: project.timeUnit, figures: { [step.id]: { utilization: 0.873, meanWait: 12.5 } } });
    expect(svg).toContain('Intake &lt;A&amp;B&gt;');
    expect(svg).toMatch(/87 % busy<\/tspan><tspan[^>]*>wait 13 min/);
    const shares = scenario.flow.edges.filter((e) => e.probability !== undefined);
    expect(shares.length).toBeGreaterThan(0);
    for (const e of shares) expect(svg).toContain(formatShare(e.probability!));
    expect(parse(svg).getElementsByTagName('parsererror')).toHaveLength(0);
  });

  it('wraps long names instead of cutting them, in type large enough to print', () => {
    const project = structuredClone(getExample('loan')!.project);
    const scenario = project.scenarios[0]!;
    const step = scenario.flow.nodes.find((n) => n.kind === 'step')!;
    step.name = 'Checking the customer’s documents again';
    const { svg, width } = flowPicture(scenario, { unit: project.timeUnit });
    const doc = parse(svg);
    const words = [...doc.querySelectorAll(`g[data-node="${step.id}"] tspan`)].map((t) => t.textContent).join(' ');
    expect(words).toContain('Checking the customer’s documents again');
    expect(svg).not.toContain('…');
    // Ten columns of the loan flow: the names print at 6 pt or more across a 265 mm page.
    const titleSize = Number(doc.querySelector('g.sf-pic-node text[font-weight="600"]')!.getAttribute('font-size'));
    const printedPt = (titleSize * (265 / 25.4) * 96) / width * 0.75;
    expect(printedPt).toBeGreaterThanOrEqual(6);
  });

  it('never lets two nodes overlap, even when the canvas has them close together', () => {
    for (const id of ['loan', 'contact-centre', 'repair', 'mortgage']) {
      const project = getExample(id)!.project;
      for (const scenario of project.scenarios) {
        const figures = Object.fromEntries(scenario.flow.nodes.map((n) => [n.id, { utilization: 0.5, meanWait: 3 }]));
        const { boxes } = flowPicture(scenario, { unit: project.timeUnit, figures });
        const list = [...boxes.values()];
        for (let i = 0; i < list.length; i++)
          for (let j = i + 1; j < list.length; j++) {
            const a = list[i]!;
            const b = list[j]!;
            expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${id}/${scenario.id}: nodes ${i} and ${j}`).toBe(false);
          }
      }
    }
  });
});
