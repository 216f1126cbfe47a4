// Suggest: short experiments on single moves at the bottleneck, run in the worker pool, ranked
// by the cut in mean waiting time per person they cost. Clearly quick estimates.
import { useState } from 'react';
import type { Project, Scenario } from '../../model/schema';
import { candidateMoves } from '../../model/moves';
import { QUICK_REPLICATIONS, rankSuggestions, suggestionProject, type RankedSuggestion } from '../../engine/suggest';
import { formatDuration } from '../../engine/format';
import { runExperimentInPool } from '../../worker/experiment';
import { getPool } from '../run/pool';
import { useAppStore } from '../context';
import { scenarioTraffic } from '../derived';
import * as edits from '../store/edits';

export function Suggestions({ project, scenario, onApplied }: { project: Project; scenario: Scenario; onApplied: () => void }) {
  const store = useAppStore();
  const traffic = scenarioTraffic(project, scenario);
  const utilization = Object.fromEntries(Object.values(traffic.steps).map((s) => [s.nodeId, s.utilization]));
  const bottleneck = scenario.flow.nodes
    .filter((n) => n.kind === 'step' && n.staff > 0 && utilization[n.id] !== undefined)
    .sort((a, b) => (utilization[b.id] ?? 0) - (utilization[a.id] ?? 0))[0];
  const candidates = bottleneck ? candidateMoves(scenario.flow, bottleneck.id, utilization, { project }) : [];
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

  if (!bottleneck) return <p>There is no step with staff to improve.</p>;
  return (
    <div className="sf-suggest" data-testid="suggest">
      <p>
        The busiest step is <strong>{bottleneck.name}</strong> (about {Math.round((utilization[bottleneck.id] ?? 0) * 100)} % busy by the arrival rates). Try {candidates.length} single moves there:{' '}
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
                <tr key={r.candidate.id} className={r.significant && r.change.mean < 0 ? 'is-better' : r.significant ? 'is-worse' : ''} data-testid={`suggest-row-${i}`}>
                  <td>{r.candidate.label}</td>
                  <td>
                    {r.change.mean <= 0 ? '−' : '+'}
                    {formatDuration(Math.abs(r.change.mean), project.timeUnit)} ± {formatDuration(r.change.ci95, project.timeUnit)}
                    {r.significant ? '' : ' (not significant)'}
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
          <p className="sf-muted">Quick estimates from {QUICK_REPLICATIONS} replications: run the full comparison after applying a move. A move that adds nobody is ranked as if it cost one person.</p>
        </>
      )}
    </div>
  );
}
