// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ResultsPanel } from '../../../src/ui/results/ResultsPanel';
import { runExperiment, withOverrides } from '../../../src/engine/experiment';
import { projectHash } from '../../../src/engine/results';
import { formatDuration } from '../../../src/engine/format';
import { getExample } from '../../../src/model/examples';
import { renderWithStore } from '../helpers';

const loan = withOverrides(getExample('loan')!.project, { replications: 3 });
const project = { ...loan, run: { ...loan.run, horizon: { kind: 'duration' as const, duration: 20_000 } } };
const results = runExperiment(project);

function openReport() {
  const r = renderWithStore(<ResultsPanel />, project);
  act(() => r.store.setState({ results, resultsHash: projectHash(project), runStatus: 'done' }));
  fireEvent.click(screen.getByTestId('open-report'));
  return r;
}

describe('the printable report', () => {
  it('has a page per scenario with the flow, key figures, bottleneck and assumptions', () => {
    openReport();
    for (const s of results.scenarios) {
      const page = screen.getByTestId(`report-page-${s.id}`);
      expect(page.querySelectorAll('svg g.sf-pic-node')).toHaveLength(project.scenarios.find((x) => x.id === s.id)!.flow.nodes.length);
      const figures = within(page).getByTestId(`report-figures-${s.id}`);
      expect(figures.textContent).toContain(`Mean waiting time${formatDuration(s.overall.waitingTime.mean, project.timeUnit)} ± ${formatDuration(s.overall.waitingTime.ci95, project.timeUnit)}`);
      expect(within(page).getByTestId(`report-bottleneck-${s.id}`).textContent).toContain(s.bottlenecks.statement!);
      const assumptions = within(page).getByTestId(`report-assumptions-${s.id}`);
      expect(assumptions.textContent).toContain(`seed ${project.run.seed}`);
      for (const n of project.scenarios.find((x) => x.id === s.id)!.flow.nodes.filter((n) => n.kind === 'step')) expect(assumptions.textContent).toContain(n.name);
    }
    // The proposal's page compares it with the baseline, metric by metric.
    const compare = screen.getByTestId('report-compare-single-point-of-contact');
    const c = results.comparisons[0]!;
    expect(within(compare).getAllByRole('row')).toHaveLength(1 + c.overall.filter((m) => m.baseline !== 0 || m.proposal !== 0).length);
    expect(screen.queryByTestId('report-compare-baseline')).toBeNull();
    expect(screen.queryByTestId('report-stale')).toBeNull();
  });

  it('prints with the browser and closes; warns when the model changed since the run', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { store } = openReport();
    expect(document.body.classList.contains('has-report')).toBe(true);
    fireEvent.click(screen.getByTestId('report-print'));
    expect(print).toHaveBeenCalledOnce();
    act(() => store.getState().edit((p) => ({ ...p, name: 'Changed' })));
    expect(screen.getByTestId('report-stale')).toBeTruthy();
    fireEvent.click(screen.getByTestId('report-close'));
    expect(screen.queryByTestId('report')).toBeNull();
    expect(document.body.classList.contains('has-report')).toBe(false);
  });
});
