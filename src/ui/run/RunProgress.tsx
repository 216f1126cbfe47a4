// The progress bar of a run. A component of its own, so that each finished replication redraws
// only this line and not the results (whose charts are costly to draw). The bar grows by a
// transform, which the compositor animates without laying out or repainting the page.
import { useApp } from '../context';

export function RunProgress() {
  const running = useApp((s) => s.runStatus === 'running');
  const progress = useApp((s) => s.runProgress);
  if (!running || !progress) return null;
  return (
    <div className="sf-progress" data-testid="progress">
      <div className="sf-progress__bar">
        <div style={{ transform: `scaleX(${progress.total ? progress.done / progress.total : 0})` }} />
      </div>
      <span>
        {progress.done} of {progress.total || '…'} replications
        {progress.etaMs !== undefined && progress.done < progress.total ? ` · about ${Math.max(1, Math.round(progress.etaMs / 1000))} s left` : ''}
      </span>
    </div>
  );
}
