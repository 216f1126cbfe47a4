// Discovery benchmark (issue 16): discover on the loan training log, simulate the test period ten
// times (as many cases as the test log, from its first case start), compare with the test log by
// the six log-distance measures; prints each measure's mean and range, and the discovery time.
// Also times discovery on larger synthetic logs (10,000 and 100,000 events).
//   npm run bench:discovery
import { readFileSync } from 'node:fs';
import { discover } from '../src/discovery/discover';
import { evaluateAgainst } from '../src/discovery/evaluate';
import { MEASURES, type MeasureKey } from '../src/discovery/measures';
import { readLog } from '../src/model/interop/eventlog/read';
import { synthLog } from '../test/discovery/makeLog';

async function read(name: string) {
  const path = new URL(`../../shared/eventlogs/${name}`, import.meta.url);
  return (await readLog(new Uint8Array(readFileSync(path)))).log;
}

const train = await read('LoanApp_simplified_train.csv.gz');
const test = await read('LoanApp_simplified_test.csv.gz');
let t0 = performance.now();
const d = discover(train);
const ms = performance.now() - t0;
console.log(`Discovered from ${train.caseOf.length} events in ${ms.toFixed(0)} ms; coverage ${(d.coverage * 100).toFixed(1)} %`);
t0 = performance.now();
const ev = evaluateAgainst(d.project, test, 10);
console.log(`Simulated and compared 10 logs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const k of Object.keys(ev.mean) as MeasureKey[]) {
  const v = ev.runs.map((r) => r[k]);
  console.log(`${MEASURES[k].short.padEnd(4)} mean ${ev.mean[k].toFixed(3)}  range ${Math.min(...v).toFixed(3)}–${Math.max(...v).toFixed(3)}`);
}

// The same log with its start times dropped (end times only).
{
  const endOnly = { ...train, start: Float64Array.from(train.end), hasStart: false };
  const e = evaluateAgainst(discover(endOnly).project, test, 10);
  console.log(`End times only: ${(Object.keys(e.mean) as MeasureKey[]).map((k) => `${MEASURES[k].short} ${e.mean[k].toFixed(3)}`).join(', ')}`);
}

// Speed on synthetic logs: 40 activities, rework, parallel pairs, 30 resources.
for (const cases of [1000, 10000]) {
  const acts = Array.from({ length: 40 }, (_, i) => `Activity ${i + 1}`);
  const log = synthLog({
    cases, gap: 7,
    route: (r) => {
      const s: string[][] = [];
      for (let k = 0; k < 8; k++) {
        const a = acts[Math.floor(r() * acts.length)]!;
        s.push(r() < 0.15 ? [a, acts[(acts.indexOf(a) + 1) % acts.length]!] : [a]);
        if (r() < 0.2) s.push([a]);
      }
      return s;
    },
    duration: (_a, r) => 1 + 30 * r(),
    resources: (a) => Array.from({ length: 3 }, (_, i) => `Staff ${(acts.indexOf(a) % 10) * 3 + i + 1}`),
  });
  const t = performance.now();
  discover(log);
  console.log(`Synthetic log of ${log.caseOf.length.toLocaleString('en')} events: discovered in ${(performance.now() - t).toFixed(0)} ms`);
}
