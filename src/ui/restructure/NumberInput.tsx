// A number box for the restructuring forms. It reads "1,000" as a thousand (parseNumber) and
// refuses, at the box, what is not a number or is out of range — the value behind it is then
// not changed, and the form is told so it can hold back Apply (never a silent different number).
import { useEffect, useState } from 'react';
import { parseNumber } from '../inspector/parseNumber';

export function NumberInput(props: {
  value: number;
  onChange: (v: number) => void;
  /** Told whether the box holds a number it can use. */
  onValid?: (ok: boolean) => void;
  min?: number;
  max?: number;
  integer?: boolean;
  testId?: string;
  label?: string;
}) {
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    // A new value from outside (another move chosen): show it, unless the box already says it.
    const r = parseNumber(text);
    if (!r.ok || r.value !== props.value) {
      setText(String(props.value));
      setError(undefined);
      props.onValid?.(true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  const change = (t: string) => {
    setText(t);
    const r = parseNumber(t);
    let why: string | undefined = r.ok ? undefined : r.message;
    if (r.ok) {
      if (props.integer && !Number.isInteger(r.value)) why = 'Enter a whole number.';
      else if (props.min !== undefined && r.value < props.min) why = `At least ${props.min}.`;
      else if (props.max !== undefined && r.value > props.max) why = `At most ${props.max}.`;
    }
    setError(why);
    props.onValid?.(why === undefined);
    if (why === undefined && r.ok) props.onChange(r.value);
  };
  return (
    <span className="sf-number-input">
      <input type="text" inputMode="decimal" value={text} onChange={(e) => change(e.target.value)} aria-invalid={error ? true : undefined} aria-label={props.label} data-testid={props.testId} />
      {error && (
        <span className="sf-field__error" role="alert" data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {error}
        </span>
      )}
    </span>
  );
}
