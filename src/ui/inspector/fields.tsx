// Form fields that keep their own draft text: a value is parsed and checked when the user leaves
// the field (or presses Enter); an invalid value is shown at the field with the reason and is not
// committed to the model.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { parseNumber } from './parseNumber';
import { durationInputText, parseDuration, workingInputText, type WorkingClock } from '../../model/duration';
import type { TimeUnit } from '../../model/schema';

interface FieldFrameProps {
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ label, error, hint, children }: FieldFrameProps) {
  const id = useId();
  const errId = `${id}-error`;
  return (
    <div className={`sf-field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="sf-field__control">{children(id, error ? errId : undefined)}</div>
      {hint && !error && <div className="sf-field__hint">{hint}</div>}
      {error && (
        <div className="sf-field__error" id={errId} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** Returns an error message, or undefined when the value was committed. */
export type Commit<T> = (value: T) => string | undefined;

export function NumberField(props: {
  label: string;
  value: number | undefined;
  unit?: string;
  integer?: boolean;
  /** Shown as a percentage: the model value is a share 0–1, the field shows 0–100. */
  percent?: boolean;
  onCommit: Commit<number>;
  hint?: ReactNode;
  testId?: string;
  /** An empty field is allowed and commits NaN ("not set"). */
  optional?: boolean;
}) {
  const shown = (v: number | undefined) => (v === undefined ? '' : String(props.percent ? +(v * 100).toFixed(4) : +v.toPrecision(10)));
  const { text, error, setError, inputProps } = useTypedText(shown(props.value));
  const commit = () => {
    const raw = text.trim();
    if (raw === '' && props.optional) return props.value === undefined ? setError(undefined) : setError(props.onCommit(NaN));
    const parsed = parseNumber(raw);
    if (!parsed.ok) return setError(parsed.message);
    const n = parsed.value;
    if (props.integer && !Number.isInteger(n)) return setError('Enter a whole number.');
    const value = props.percent ? n / 100 : n;
    if (value === props.value) return setError(undefined);
    setError(props.onCommit(value));
  };
  return (
    <FieldFrame label={props.label} error={error} hint={props.hint}>
      {(id, describedBy) => (
        <>
          <input id={id} type="text" inputMode="decimal" aria-describedby={describedBy} data-testid={props.testId} {...inputProps(commit)} />
          {(props.unit || props.percent) && <span className="sf-unit">{props.percent ? '%' : props.unit}</span>}
        </>
      )}
    </FieldFrame>
  );
}

/**
 * The text of a field typed by hand: follows the stored value (`shown`) when it changes elsewhere,
 * commits on Enter or leaving the field, and Escape puts the stored value back.
 */
function useTypedText(shown: string) {
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setText(shown);
    setError(undefined);
  }, [shown]);
  const inputProps = (commit: () => void) => ({
    value: text,
    'aria-invalid': error ? true : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setText(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') commit();
      if (e.key === 'Escape') {
        setText(shown);
        setError(undefined);
      }
    },
  });
  return { text, setText, error, setError, inputProps };
}

/**
 * A duration typed with its unit ("2 days", "45 min", "1.5 h", "90s", "1,5 h"; a plain number is in
 * the project's unit), stored in the project's unit and shown back in the unit that reads best.
 */
export function DurationField(props: {
  label: string;
  value: number | undefined;
  unit: TimeUnit;
  onCommit: Commit<number>;
  hint?: ReactNode;
  testId?: string;
  optional?: boolean;
  /** Working time can be typed ("2 working days"): the calendar's working day, and whether the value already is working time. */
  working?: WorkingClock;
  /** A working-time value typed while the field held ordinary time. */
  onCommitWorking?: Commit<number>;
}) {
  const w = props.working;
  const shown = (v: number | undefined) => (v === undefined ? '' : w?.on ? workingInputText(v, props.unit, w) : durationInputText(v, props.unit));
  const { text, setText, error, setError, inputProps } = useTypedText(shown(props.value));
  const commit = () => {
    const raw = text.trim();
    if (raw === '' && props.optional) return props.value === undefined ? setError(undefined) : setError(props.onCommit(NaN));
    if (raw === shown(props.value).trim()) return setError(undefined);
    const parsed = parseDuration(raw, props.unit, props.onCommitWorking || w?.on ? w : undefined);
    if (!parsed.ok) return setError(parsed.message);
    if (parsed.working && !w?.on && props.onCommitWorking) return setError(props.onCommitWorking(parsed.value));
    if (parsed.value === props.value) {
      setText(shown(props.value));
      return setError(undefined);
    }
    setError(props.onCommit(parsed.value));
  };
  return (
    <FieldFrame label={props.label} error={error} hint={props.hint}>
      {(id, describedBy) => (
        <input id={id} type="text" placeholder="e.g. 45 min" aria-describedby={describedBy} data-testid={props.testId} {...inputProps(commit)} />
      )}
    </FieldFrame>
  );
}

export function TextField(props: { label: string; value: string; onCommit: Commit<string>; testId?: string; multiline?: boolean }) {
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setText(props.value);
    setError(undefined);
  }, [props.value]);
  const commit = () => {
    if (text === props.value) return setError(undefined);
    setError(props.onCommit(text));
  };
  return (
    <FieldFrame label={props.label} error={error}>
      {(id, describedBy) =>
        props.multiline ? (
          <textarea id={id} value={text} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} data-testid={props.testId} onChange={(e) => setText(e.target.value)} onBlur={commit} />
        ) : (
          <input
            id={id}
            type="text"
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            data-testid={props.testId}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
          />
        )
      }
    </FieldFrame>
  );
}

export function SelectField<T extends string>(props: { label: string; value: T; options: { value: T; label: string }[]; onCommit: Commit<T>; testId?: string }) {
  const [error, setError] = useState<string | undefined>();
  return (
    <FieldFrame label={props.label} error={error}>
      {(id, describedBy) => (
        <select id={id} value={props.value} aria-describedby={describedBy} data-testid={props.testId} onChange={(e) => setError(props.onCommit(e.target.value as T))}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
