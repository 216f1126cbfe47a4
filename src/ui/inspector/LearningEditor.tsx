// A learning curve: staff slower at first with a new process (a proposal's first weeks).
import type { LearningCurve, TimeUnit } from '../../model/schema';
import { DurationField, NumberField, SelectField } from './fields';

export function LearningEditor({ value, unit, week, onCommit, testId }: { value: LearningCurve | undefined; unit: TimeUnit; week: number; onCommit: (next: LearningCurve | undefined) => string | undefined; testId: string }) {
  return (
    <div className="sf-subsection" data-testid={testId}>
      <label className="sf-toggle">
        <input type="checkbox" checked={value !== undefined} onChange={(e) => onCommit(e.target.checked ? { multiplier: 1.4, period: 8 * week, shape: 'linear' } : undefined)} data-testid={`${testId}-toggle`} /> Staff are still learning
        this process (slower at first)
      </label>
      {value && (
        <>
          <div className="sf-row">
            <NumberField label="Times longer at the start" value={value.multiplier} onCommit={(multiplier) => onCommit({ ...value, multiplier })} hint="e.g. 1.4 = 40 % longer" testId={`${testId}-multiplier`} />
            <DurationField label="Back to normal after" value={value.period} unit={unit} onCommit={(period) => onCommit({ ...value, period })} testId={`${testId}-period`} />
          </div>
          <SelectField
            label="How it wears off"
            value={value.shape}
            options={[
              { value: 'linear', label: 'steadily (linear)' },
              { value: 'exponential', label: 'quickly at first (exponential)' },
            ]}
            onCommit={(shape) => onCommit({ ...value, shape })}
          />
        </>
      )}
    </div>
  );
}
