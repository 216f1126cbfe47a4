// Same project + same seed → the same bytes: every example against its checked-in results, and
// the Watch trace of one replication against its fingerprint.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenFile, goldenIds, goldenText, traceFile, traceText } from './golden/golden';

function expectSameText(actual: string, expected: string) {
  if (actual !== expected) {
    // Name the first differing line rather than dumping two large documents.
    const a = actual.split('\n');
    const e = expected.split('\n');
    const i = a.findIndex((line, k) => line !== e[k]);
    expect(`line ${i + 1}: ${a[i]}`).toBe(`line ${i + 1}: ${e[i]}`);
  }
  expect(actual === expected).toBe(true);
}

describe('golden results (regenerate on purpose only: npm run golden:update)', () => {
  for (const id of goldenIds()) {
    it(`${id}: the results JSON is byte-identical to test/engine/golden/${id}.json`, () => {
      expect(existsSync(goldenFile(id)), `missing golden file for ${id}`).toBe(true);
      expectSameText(goldenText(id), readFileSync(goldenFile(id), 'utf8'));
    });
  }
  it('the Watch trace of replication 0 of every scenario matches its fingerprint', () => {
    expectSameText(traceText(), readFileSync(traceFile(), 'utf8'));
  });
});
