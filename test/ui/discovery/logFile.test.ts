import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { isLogFile } from '../../../src/ui/discovery/logFile';
import { missingChoice, ambiguousColumns } from '../../../src/ui/discovery/MappingForm';
import { previewLog } from '../../../src/model/interop/eventlog/read';

const file = (parts: BlobPart[], name: string) => new File(parts, name);

describe('which files go to discovery', () => {
  it('tells logs from projects and BPMN models by name, else by their first bytes', async () => {
    expect(await isLogFile(file(['case,activity,end\n'], 'log.csv'))).toBe(true);
    expect(await isLogFile(file(['x'], 'log.xes.gz'))).toBe(true);
    expect(await isLogFile(file(['{"name":"p"}'], 'project.json'))).toBe(false);
    expect(await isLogFile(file(['<definitions/>'], 'model.bpmn'))).toBe(false);
    expect(await isLogFile(file([gzipSync(new TextEncoder().encode('a,b,c\n'))], 'download'))).toBe(true);
    expect(await isLogFile(file(['<?xml version="1.0"?>\n<log xes.version="1.0">'], 'export.xml'))).toBe(true);
    expect(await isLogFile(file(['<?xml version="1.0"?>\n<bpmn:definitions>'], 'export.xml'))).toBe(false);
    expect(await isLogFile(file(['{"format":1}'], 'download'))).toBe(false);
  });
});

describe('the mapping step', () => {
  it('holds Discover back until the required columns and the date order are chosen', async () => {
    const p = await previewLog(new TextEncoder().encode('case,activity,end,note\n1,A,03/04/2023 10:00,x\n1,B,05/06/2023 11:00,y\n'));
    expect(ambiguousColumns(p, p.mapping)).toEqual(['end']);
    expect(missingChoice(p, { mapping: p.mapping, rarePercent: 1 })).toBe('Say whether dates are day-first or month-first.');
    expect(missingChoice(p, { mapping: p.mapping, dayFirst: true, rarePercent: 1 })).toBeUndefined();
    expect(missingChoice(p, { mapping: { ...p.mapping, activity: undefined }, dayFirst: true, rarePercent: 1 })).toBe('Choose the column with the activity.');
    expect(missingChoice(p, { mapping: { ...p.mapping, activity: 'case' }, dayFirst: true, rarePercent: 1 })).toBe('Each column can stand for one thing only.');
    expect(missingChoice(p, { mapping: { ...p.mapping, start: 'note' }, dayFirst: true, rarePercent: 1 })).toBe('Column note does not hold dates.');
  });
});
