import { describe, expect, it } from 'vitest';
import { getExample } from '../../src/model/examples';
import { emptyProject } from '../../src/ui/store/edits';
import { isPristine, rememberSaved } from '../../src/ui/replaceProject';

describe('when opening something asks first', () => {
  it('not over an untouched example or empty project, nor over what was last saved; yes over unsaved changes', () => {
    const loan = structuredClone(getExample('loan')!.project);
    expect(isPristine(loan)).toBe(true);
    expect(isPristine(emptyProject())).toBe(true);
    const edited = { ...loan, name: 'Our loan process' };
    expect(isPristine(edited)).toBe(false);
    rememberSaved(edited);
    expect(isPristine(structuredClone(edited))).toBe(true);
    expect(isPristine({ ...edited, name: 'Our loan process v2' })).toBe(false);
  });
});
