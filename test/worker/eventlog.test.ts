import { describe, expect, it } from 'vitest';
import { eventLogTask } from '../../src/worker/eventlogTask';
import { getExample } from '../../src/model/examples';

describe('eventLogTask (the worker side of "Export simulated log")', () => {
  it('answers with the CSV text and its counts', () => {
    const answer = eventLogTask(getExample('mortgage')!.project, 'parallel', { cases: 40 });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const lines = answer.csv.trimEnd().split('\n');
    expect(lines[0]).toBe('case_id,activity,resource,start_time,end_time');
    expect(lines.length - 1).toBe(answer.events);
    expect(answer.cases).toBeGreaterThan(30);
  });
  it('turns a failure into a message, never an exception', () => {
    const answer = eventLogTask(getExample('mortgage')!.project, 'no-such-scenario');
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.message).not.toMatch(/undefined|NaN/);
    const bad = eventLogTask(getExample('mortgage')!.project, 'parallel', { start: 'next Tuesday' });
    expect(bad).toEqual({ ok: false, message: 'The start "next Tuesday" is not a date and time like 2024-03-04T08:00.' });
  });
});
