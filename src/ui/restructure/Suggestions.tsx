// Suggest: short experiments on single moves at the bottleneck, run in the worker pool, ranked
// by the cut in mean waiting time per person they cost. Clearly quick estimates.
import { useState } from 'react';
import type { Project, Scenario } from '../../model/schema';
import { candidateMoves } from '../../model/moves';
import { QUICK_REPLICATIONS, rankSuggestions, suggestionProject, suggestTarget, type RankedSuggestion } from '../../engine/suggest';
import { formatDuration, formatShare } from '../../engine/format';
import { projectHash } from '../../engine/results';
import { runExperimentInPool } from '../../worker/experiment';
import { getPool } from '../run/pool';
import { useApp, useAppStore } from '../context';
import * as edits from '../store/edits';

export function Suggestions({ project, scenario, onApplied }: { project: Project; scenario: Scenario; onApplied: () => void }) {
  const store = useAppStore();
  // The simulated bottleneck when this scenario has up-to-date results; else the estimate.
  const fresh = useApp((s) => (s.results && s.resultsHash === projectHash(project) ? s.results.scenarios.find((x) => x.id === scenario.id) : undefined));
  const target = suggestTarget(project, scenario, fresh);
  const bottleneck = target && scenario.flow.nodes.find((n) => n.id === target.stepId);
  const candidates = target ? candidateMoves(scenario.flow, target.stepId, target.loads, { project }) : [];
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'error'>('idle');
  const [ranked, setRanked] = useState<RankedSuggestion[]>([]);
  const [error, setError] = useState('');

  const run = async () => {
    setState('running');
    try {
      const { project: quick, applied } = suggestionProject(project, scenario.id, candidates);
      const results = await runExperimentInPool(getPool(), quick);
      setRanked(rankSuggestions(results, applied));
      setState('done');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setState('error');
    }
  };

  const apply = (r: RankedSuggestion) => {
    let target = scenario.id;
    store.getState().edit((p) => {
      const out = edits.applyMove(p, scenario.id, () => ({ ok: true, flow: r.candidate.flow, description: r.candidate.description, touched: [] }), r.candidate.label);
      if (!out.ok) return p;
      target = out.scenarioId;
      return out.project;
    });
    store.getState().setScenario(target);
    onApplied();
  };

  if (!target || !bottleneck) return <p>There is no step with staff to improve.</p>;
  return (
    <div className="sf-suggest" data-testid="suggest">
      <p>
        {target!.source === 'simulation' ? (
          <>
            The bottleneck in the simulation is <strong>{bottleneck.name}</strong> ({formatShare(target!.utilization)} busy, {formatShare(target!.waitingShare ?? 0)} of all waiting).
          </>
        ) : (
          <>
            The busiest step is <strong>{bottleneck.name}</strong> (about {Number.isFinite(target!.utilization) ? formatShare(target!.utilization) : 'over 100 %'} busy by the arrival rates; run the scenario to use the simulated bottleneck).
          </>
        )}{' '}
        Try {candidates.length} single moves there:{' '}
        {QUICK_REPLICATIONS} replications each, against “{scenario.name}” with the same random numbers.
      </p>
      <button className="sf-button sf-button--primary" onClick={() => void run()} disabled={state === 'running'} data-testid="suggest-run">
        {state === 'running' ? 'Running quick experiments…' : 'Run quick experiments'}
      </button>
      {state === 'error' && <p className="sf-move-preview is-error">{error}</p>}
      {state === 'done' && (
        <>
          <table className="sf-table" data-testid="suggest-table">
            <thead>
              <tr>
                <th>Move</th>
                <th>Change in mean wait (95 % CI)</th>
                <th>Extra staff</th>
                <th>Cut per person</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {ranked.map((r, i) => (
                <tr key={r.candidate.id} className={r.verdict === 'better' ? 'is-better' : r.verdict === 'worse' ? 'is-worse' : ''} data-testid={`suggest-row-${i}`}>
                  <td>{r.candidate.label}</td>
                  <td>
                    {r.verdict === 'no clear difference' ? (
                      <>
                        No clear difference <span className="sf-muted">({signed(r.change.mean, project.timeUnit)} ± {formatDuration(r.change.ci95, project.timeUnit)})</span>
                      </>
                    ) : (
                      <>
                        {signed(r.change.mean, project.timeUnit)} ± {formatDuration(r.change.ci95, project.timeUnit)}
                      </>
                    )}
                  </td>
                  <td>{r.candidate.extraStaff}</td>
                  <td>{r.perPerson > 0 ? formatDuration(r.perPerson, project.timeUnit) : '—'}</td>
                  <td>
                    <button className="sf-link" onClick={() => apply(r)} data-testid={`suggest-apply-${r.candidate.id}`}>
                      Apply
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="sf-muted">Quick estimates from {QUICK_REPLICATIONS} replications: run the full comparison after applying a move. Clear improvements come first; a move that adds nobody is ranked as if it cost one person.</p>
        </>
      )}
    </div>
  );
}

/** A change in minutes with its sign; no sign for a change that rounds to nothing (never "−0"). */
function signed(value: number, unit: Project['timeUnit']): string {
  const text = formatDuration(Math.abs(value), unit);
  if (value === 0 || /^0(\.0+)?\b/.test(text)) return text;
  return `${value < 0 ? '−' : '+'}${text}`;
}
