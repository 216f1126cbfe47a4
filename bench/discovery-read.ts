// Reading benchmark: npx tsx bench/discovery-read.ts [-- --json]
// Parse time (wall clock and processor, median of three runs) of (a) the loan training log
// (../shared/eventlogs, gzipped CSV, 7,544 events), (b) a synthetic 100,000-event CSV and (c) the
// same log gzipped; then discovery on the train log and the 100,000-event log read, for the
// figures docs/discovery.md records (the browser runs the same code in a worker).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { readLog } from '../src/model/interop/eventlog/read';
import { discover } from '../src/discovery/discover';

interface Row {
  case: string;
  events: number;
  seconds: number;
  cpuSeconds: number;
  eventsPerSecond: number;
}

async function timed(f: () => Promise<number>): Promise<{ events: number; seconds: number; cpuSeconds: number }> {
  const runs: { events: number; seconds: number; cpuSeconds: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const events = await f();
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    runs.push({ events, seconds, cpuSeconds: (c.user + c.system) / 1e6 });
  }
  return runs.sort((a, b) => a.seconds - b.seconds)[1]!;
}

/** A synthetic log: 10 activities per case, 37 resources, a minute apart, ISO times. */
export function syntheticCsv(events: number): Uint8Array {
  const t0 = Date.UTC(2023, 0, 2, 8);
  const rows = ['case_id,activity,resource,start_time,end_time'];
  for (let i = 0; i < events; i++) {
    const s = t0 + i * 60_000;
    rows.push(`${Math.floor(i / 10)},Step ${i % 10},R${i % 37},${new Date(s).toISOString().slice(0, 19)},${new Date(s + 45_000).toISOString().slice(0, 19)}`);
  }
  return new TextEncoder().encode(rows.join('\n') + '\n');
}

const train = new Uint8Array(readFileSync(new URL('../../shared/eventlogs/LoanApp_simplified_train.csv.gz', import.meta.url)));
const synthetic = syntheticCsv(100_000);
const syntheticGz = gzipSync(synthetic);
const rows: Row[] = [];
const add = async (name: string, f: () => Promise<number>) => {
  const t = await timed(f);
  rows.push({ case: name, events: t.events, seconds: t.seconds, cpuSeconds: t.cpuSeconds, eventsPerSecond: Math.round(t.events / t.seconds) });
};
await add('read: loan train log (csv.gz)', async () => (await readLog(train)).report.events);
await add('read: synthetic 100,000 events (csv)', async () => (await readLog(synthetic)).report.events);
await add('read: synthetic 100,000 events (csv.gz)', async () => (await readLog(syntheticGz)).report.events);
const trainLog = (await readLog(train)).log;
await add('discover: loan train log', async () => (discover(trainLog), trainLog.caseOf.length));
const bigLog = (await readLog(synthetic)).log;
await add('discover: synthetic 100,000 events', async () => (discover(bigLog), bigLog.caseOf.length));

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('case                                        events   seconds  cpu s   events/s');
  for (const r of rows) console.log(`${r.case.padEnd(42)} ${String(r.events).padStart(8)} ${r.seconds.toFixed(3).padStart(9)} ${r.cpuSeconds.toFixed(3).padStart(6)} ${String(r.eventsPerSecond).padStart(10)}`);
}
