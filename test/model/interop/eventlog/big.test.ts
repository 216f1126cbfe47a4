import { describe, expect, it } from 'vitest';
import { readLog } from '../../../../src/model/interop/eventlog/read';
import { eventCount } from '../../../../src/model/interop/eventlog/types';

// A synthetic log of 1,000,000 events, handed over as a Blob (as a File is in the app) so the
// text is never one string: reading it must hold the events in typed arrays, not row objects.
function syntheticLog(events: number): Blob {
  const parts: string[] = ['case_id,activity,resource,start_time,end_time\n'];
  const t0 = Date.UTC(2023, 0, 2, 8);
  let rows: string[] = [];
  for (let i = 0; i < events; i++) {
    const start = new Date(t0 + i * 60_000).toISOString();
    const end = new Date(t0 + i * 60_000 + 45_000).toISOString();
    rows.push(`${Math.floor(i / 10)},Step ${i % 10},R${i % 37},${start},${end}`);
    if (rows.length === 20_000) (parts.push(rows.join('\n') + '\n'), (rows = []));
  }
  parts.push(rows.join('\n'));
  return new Blob(parts);
}

describe('a 1,000,000-event log', () => {
  it('is read into typed arrays within a bounded heap', async () => {
    const blob = syntheticLog(1_000_000);
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    const { log, report } = await readLog(blob, { progress: () => void (peak = Math.max(peak, process.memoryUsage().heapUsed - base)) });
    expect(eventCount(log)).toBe(1_000_000);
    expect(report).toMatchObject({ cases: 100_000, skipped: 0 });
    expect(log.activities).toHaveLength(10);
    expect(log.resources).toHaveLength(37);
    expect(log.end[999_999]! - log.start[999_999]!).toBe(45_000);
    // Events take ~40 MB as typed arrays (less as they grow); a million row objects would take several hundred.
    expect(peak).toBeLessThan(250 * 1024 * 1024);
  }, 180_000);
});
