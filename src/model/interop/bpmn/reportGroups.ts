// The import report in the user's order: a short summary first, then what was approximated or
// assumed, what was left out, and what mapped as it is — each a group with its count (shown folded).
import type { ReportLine } from './read';

export interface ReportGroup {
  key: 'approximated' | 'left-out' | 'mapped';
  title: string;
  lines: string[];
}

const LEFT_OUT = /left out|not supported|not simulated|was skipped|skipped something|were ignored|ignored\b|is not part of BPMN/i;
const APPROXIMATED = /assumed|approximat|equal shares|read from (its|the) name|imported as one step|imported as an exclusive choice|not given|read as percentages|no chance on|each taken by|scaled|pass(es)? straight through|takes no time/i;

/** Groups the report; repeated lines are counted once ("… (3 times)"). */
export function groupReport(report: readonly ReportLine[]): { summary: string[]; groups: ReportGroup[] } {
  const mark = (l: ReportLine) => `${l.level === 'warning' ? '⚠ ' : l.level === 'error' ? '✖ ' : ''}${l.message}`;
  const summary: string[] = [];
  const buckets: Record<ReportGroup['key'], Map<string, number>> = { approximated: new Map(), 'left-out': new Map(), mapped: new Map() };
  for (const l of report) {
    if (/^Imported \d+ step/.test(l.message) || /^The file has \d+ processes/.test(l.message) || /^The file is written in/.test(l.message)) {
      summary.push(mark(l));
      continue;
    }
    const key: ReportGroup['key'] = LEFT_OUT.test(l.message) ? 'left-out' : APPROXIMATED.test(l.message) || l.level !== 'info' ? 'approximated' : 'mapped';
    const text = mark(l);
    buckets[key].set(text, (buckets[key].get(text) ?? 0) + 1);
  }
  const lines = (m: Map<string, number>) => [...m].map(([t, n]) => (n > 1 ? `${t} (${n} times)` : t));
  const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const groups: ReportGroup[] = [
    { key: 'approximated', title: `Approximated or assumed (${count(buckets.approximated)})`, lines: lines(buckets.approximated) },
    { key: 'left-out', title: `Left out (${count(buckets['left-out'])})`, lines: lines(buckets['left-out']) },
    { key: 'mapped', title: `Mapped as it is (${count(buckets.mapped)})`, lines: lines(buckets.mapped) },
  ].filter((g) => g.lines.length > 0) as ReportGroup[];
  const parts = groups.map((g) => g.title.toLowerCase().replace(/ \((\d+)\)$/, ': $1'));
  if (parts.length > 0) summary.push(`In the report below — ${parts.join(', ')}.`);
  return { summary, groups };
}
