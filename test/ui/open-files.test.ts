import { describe, expect, it } from 'vitest';
import { planOpen } from '../../src/ui/openFiles';

const f = (name: string) => ({ name });

describe('planOpen', () => {
  it('opens a BPMN model with the simulation parameters chosen beside it, in either order', () => {
    expect(planOpen([f('m.bpmn'), f('m.json')])).toEqual({ main: f('m.bpmn'), parameters: f('m.json'), ignored: [] });
    expect(planOpen([f('p.json'), f('model.bpmn2')])).toEqual({ main: f('model.bpmn2'), parameters: f('p.json'), ignored: [] });
  });
  it('otherwise opens the first file and names the others as not opened', () => {
    expect(planOpen([f('a.json')])).toEqual({ main: f('a.json'), ignored: [] });
    expect(planOpen([f('a.csv'), f('b.csv')])).toEqual({ main: f('a.csv'), ignored: [f('b.csv')] });
    expect(planOpen([f('a.bpmn'), f('b.json'), f('c.json')])).toEqual({ main: f('a.bpmn'), ignored: [f('b.json'), f('c.json')] });
    expect(planOpen([])).toBeUndefined();
  });
});
