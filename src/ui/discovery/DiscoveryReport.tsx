// What discovery found and chose, grouped by topic, after what reading the log found.
import type { DiscoveryOutcome } from '../../worker/discover';
import { groupReport } from '../../worker/discover';

const n = (x: number) => x.toLocaleString('en-US');

export function DiscoveryReport({ outcome }: { outcome: DiscoveryOutcome }) {
  const { read, discovery } = outcome;
  const groups = groupReport(discovery.report);
  return (
    <div className="sf-discover-report" data-testid="discover-report">
      <p className="sf-discover-summary">
        {n(read.events)} events in {n(read.cases)} cases read. The model follows the paths of <strong>{Math.round(discovery.coverage * 100)} %</strong> of the cases. Open the baseline to edit it, run it and compare proposals with it.
      </p>
      {(read.notes.length > 0 || read.problems.length > 0) && (
        <section>
          <h3>Reading the log</h3>
          <ul>
            {read.notes.map((t, i) => (
              <li key={`n${i}`}>{t}</li>
            ))}
            {read.problems.map((t, i) => (
              <li key={`p${i}`} className="is-warning">
                {t}
              </li>
            ))}
          </ul>
        </section>
      )}
      {groups.map((g) => (
        <section key={g.topic} data-testid={`report-${g.topic}`}>
          <h3>{g.title}</h3>
          <ul>
            {g.lines.map((l, i) => (
              <li key={i} className={l.severity === 'warning' ? 'is-warning' : ''}>
                {l.message}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
