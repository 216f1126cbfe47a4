// A duration distribution, picked by name and entered as mean and spread, with a small plot of
// its density and mean so the user sees what "lognormal, mean 20 min, sd 15 min" looks like.
import { area, line, max as d3max, scaleLinear } from 'd3';
import { useMemo, useState } from 'react';
import { DISTRIBUTION_KINDS, Distribution, type DistributionKind, type TimeUnit } from '../../model/schema';
import { density, describeDistribution, describeDuration, moments } from '../../engine/distributions';
import { zodProblems } from '../../model/load';
import { durationsFromCsv } from '../../model/interop/csv';
import { UNIT_LABEL } from '../derived';
import { durationText, type WorkingClock } from '../../model/duration';
import { DurationField, NumberField, SelectField, type Commit } from './fields';

const KIND_LABEL: Record<DistributionKind, string> = {
  exponential: 'Exponential (mean)',
  constant: 'Constant',
  uniform: 'Uniform (min–max)',
  triangular: 'Triangular (min, most likely, max)',
  normal: 'Normal (mean, sd)',
  lognormal: 'Lognormal (mean, sd)',
  gamma: 'Gamma (mean, sd)',
  erlang: 'Erlang (mean, phases)',
  weibull: 'Weibull (mean, sd)',
  empirical: 'Observed values',
};

/** The same mean (and spread where the new kind has one) in another kind. */
export function convertDistribution(d: Distribution, kind: DistributionKind): Distribution {
  const m = moments(d);
  const mean = m.mean > 0 ? m.mean : 1;
  const sd = m.variance > 0 ? Math.sqrt(m.variance) : mean / 2;
  const r = (x: number) => +x.toPrecision(12);
  switch (kind) {
    case 'exponential':
      return { kind, mean: r(mean) };
    case 'constant':
      return { kind, value: r(mean) };
    case 'uniform': {
      const half = Math.min(sd * Math.sqrt(3), mean);
      return { kind, min: r(mean - half), max: r(mean + half) };
    }
    case 'triangular':
      return { kind, min: r(mean * 0.5), mode: r(mean), max: r(mean * 1.5) };
    case 'normal':
      return { kind, mean: r(normalMuForMean(mean, sd)), sd: r(sd) };
    case 'lognormal':
    case 'gamma':
    case 'weibull':
      return { kind, mean: r(mean), sd: r(sd) };
    case 'erlang':
      return { kind, mean: r(mean), k: Math.max(1, Math.min(50, Math.round((mean * mean) / (sd * sd)))) };
    case 'empirical':
      return { kind, values: [r(mean)] };
  }
}

/**
 * The normal is truncated at 0, which raises its mean: find the location parameter whose
 * truncated normal has the wanted mean (bisection; the truncated mean grows with the location).
 */
function normalMuForMean(target: number, sd: number): number {
  let lo = target - 40 * sd;
  let hi = target;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (moments({ kind: 'normal', mean: Math.max(mid, 1e-9), sd }).mean < target) lo = mid;
    else hi = mid;
  }
  return Math.max((lo + hi) / 2, 1e-9);
}

/**
 * Parses pasted observations: one or more per line, separated by ; or tab or commas. A single
 * comma between digits ("15,5") is a decimal comma, unless it groups thousands ("1,000"). Bad
 * values are reported by line number.
 */
export function parseObservations(text: string): { values: number[]; errors: string[] } {
  const values: number[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    // "1,000" (and "12,500,000") is a number with thousands separators, never 1; "15,5" a decimal comma.
    const cells = /^[+-]?\d{1,3}(,\d{3})+$/.test(trimmed) ? [trimmed.replace(/,/g, '')] : /^[+-]?\d+,\d+$/.test(trimmed) ? [trimmed.replace(',', '.')] : trimmed.split(/[;\t]|,\s*|\s+/);
    for (const raw of cells) {
      const cell = raw.trim();
      if (cell === '') continue;
      const n = Number(cell);
      if (!Number.isFinite(n) || n < 0) errors.push(`line ${i + 1}: "${cell}" is not a duration`);
      else values.push(n);
    }
  });
  return { values, errors };
}

function check(candidate: unknown): string | undefined {
  const r = Distribution.safeParse(candidate);
  if (r.success) return undefined;
  return zodProblems(r.error, candidate)
    .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
    .join('; ');
}

export function DistributionEditor({
  value,
  unit,
  onCommit,
  label,
  testId,
  working,
  onCommitWorking,
}: {
  value: Distribution;
  unit: TimeUnit;
  onCommit: (d: Distribution) => void;
  label: string;
  testId?: string;
  /** Working time may be typed ("2 working days"; a delay): see DurationField. */
  working?: WorkingClock;
  /** A value typed as working time while the distribution held ordinary time: commit it and switch. */
  onCommitWorking?: (d: Distribution) => void;
}) {
  const u = UNIT_LABEL[unit];
  const setWith = <K extends string>(key: K, commit: (d: Distribution) => void): Commit<number> => (v) => {
    const candidate = { ...value, [key]: v };
    const err = check(candidate);
    if (err) return err.replace(new RegExp(`^${key}: `), '');
    commit(candidate as Distribution);
    return undefined;
  };
  const set = <K extends string>(key: K) => setWith(key, onCommit);
  const fields: Record<DistributionKind, [string, string, boolean?][]> = {
    exponential: [['mean', 'Mean']],
    constant: [['value', 'Duration']],
    uniform: [
      ['min', 'Shortest'],
      ['max', 'Longest'],
    ],
    triangular: [
      ['min', 'Shortest'],
      ['mode', 'Most likely'],
      ['max', 'Longest'],
    ],
    normal: [
      ['mean', 'Mean'],
      ['sd', 'Spread (sd)'],
    ],
    lognormal: [
      ['mean', 'Mean'],
      ['sd', 'Spread (sd)'],
    ],
    gamma: [
      ['mean', 'Mean'],
      ['sd', 'Spread (sd)'],
    ],
    erlang: [
      ['mean', 'Mean'],
      ['k', 'Phases', true],
    ],
    weibull: [
      ['mean', 'Mean'],
      ['sd', 'Spread (sd)'],
    ],
    empirical: [],
  };
  return (
    <fieldset className="sf-dist" data-testid={testId}>
      <legend>{label}</legend>
      <SelectField
        label="Shape"
        value={value.kind}
        options={DISTRIBUTION_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        onCommit={(k) => {
          onCommit(convertDistribution(value, k));
          return undefined;
        }}
        testId={testId ? `${testId}-kind` : undefined}
      />
      {fields[value.kind].map(([key, text, integer]) =>
        integer ? (
          <NumberField key={`${value.kind}-${key}`} label={text} value={(value as unknown as Record<string, number>)[key]} integer onCommit={set(key)} testId={testId ? `${testId}-${key}` : undefined} />
        ) : (
          <DurationField
            key={`${value.kind}-${key}-${working?.on ? 'w' : 'e'}`}
            label={text}
            value={(value as unknown as Record<string, number>)[key]}
            unit={unit}
            onCommit={set(key)}
            working={working}
            onCommitWorking={onCommitWorking ? setWith(key, onCommitWorking) : undefined}
            testId={testId ? `${testId}-${key}` : undefined}
          />
        ),
      )}
      {value.kind === 'empirical' && <ObservationsField value={value.values} unit={u} onCommit={(values) => onCommit({ kind: 'empirical', values })} />}
      <DensityPlot value={value} unit={unit} />
      <div className="sf-dist__summary" data-testid={testId ? `${testId}-summary` : undefined}>
        {describeDuration(value, unit)}
        {working?.on ? ` — working time of ${working.calendarName} (a working day = ${working.hoursPerDay.toLocaleString('en', { maximumFractionDigits: 1 })} open hours)` : ''}
      </div>
    </fieldset>
  );
}

function ObservationsField({ value, unit, onCommit }: { value: number[]; unit: string; onCommit: (v: number[]) => void }) {
  const [text, setText] = useState(value.join('\n'));
  const [errors, setErrors] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const parsed = useMemo(() => parseObservations(text), [text]);
  const m = parsed.values.length > 0 ? moments({ kind: 'empirical', values: parsed.values }) : undefined;
  return (
    <div className="sf-field">
      <label>Observed durations ({unit}), one per line</label>
      <textarea
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          setErrors(parsed.errors);
          if (parsed.errors.length === 0 && parsed.values.length > 0) onCommit(parsed.values);
          else if (parsed.values.length === 0) setErrors(['Paste at least one duration.']);
        }}
        aria-invalid={errors.length > 0 ? true : undefined}
        data-testid="empirical-values"
      />
      <label className="sf-link sf-file-link">
        Import durations from a CSV file…
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          hidden
          data-testid="durations-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            const r = durationsFromCsv(await f.text());
            if (r.problems.length > 0 || r.values.length === 0) {
              setErrors(r.problems.length > 0 ? r.problems.map((p) => `${f.name} line ${p.line}: ${p.message}`) : [`${f.name}: no durations found`]);
              return;
            }
            setErrors([]);
            setText(r.values.join('\n'));
            setSource(`${r.values.length} values from column "${r.column}" of ${f.name}`);
            onCommit(r.values);
          }}
        />
      </label>
      {source && <div className="sf-field__hint" data-testid="durations-source">{source}</div>}
      {m && (
        <div className="sf-field__hint">
          {parsed.values.length} values · mean {m.mean.toPrecision(3)} {unit} · sd {Math.sqrt(m.variance).toPrecision(3)} {unit}
        </div>
      )}
      {errors.length > 0 && (
        <div className="sf-field__error" role="alert">
          {errors.slice(0, 5).join('; ')}
          {errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''} — nothing was changed.
        </div>
      )}
    </div>
  );
}

const W = 260;
const H = 76;
const M = { l: 4, r: 4, t: 6, b: 16 };

export function DensityPlot({ value, unit }: { value: Distribution; unit: TimeUnit }) {
  const curve = useMemo(() => density(value, 90), [value]);
  const xMax = Math.max(...curve.x, curve.mean * 1.2, 1e-9);
  const x = scaleLinear().domain([0, xMax]).range([M.l, W - M.r]);
  const yMax = curve.kind === 'discrete' ? 1 : (d3max(curve.y) ?? 1) || 1;
  const y = scaleLinear().domain([0, yMax]).range([H - M.b, M.t]);
  const pts = curve.x.map((xv, i) => [xv, curve.y[i]!] as [number, number]);
  const path = curve.kind === 'continuous' ? line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]))(pts) ?? '' : '';
  const fill = curve.kind === 'continuous' ? area<[number, number]>().x((d) => x(d[0])).y0(H - M.b).y1((d) => y(d[1]))(pts) ?? '' : '';
  return (
    <svg className="sf-density" width={W} height={H} role="img" aria-label={`Density of ${describeDistribution(value, UNIT_LABEL[unit])}`} data-testid="density-plot">
      {curve.kind === 'continuous' ? (
        <>
          <path d={fill} className="sf-density__area" />
          <path d={path} className="sf-density__line" />
        </>
      ) : (
        curve.x.map((xv) => <line key={xv} x1={x(xv)} x2={x(xv)} y1={H - M.b} y2={M.t} className="sf-density__line" />)
      )}
      <line x1={x(curve.mean)} x2={x(curve.mean)} y1={H - M.b} y2={M.t} className="sf-density__mean" />
      <text x={Math.min(x(curve.mean) + 4, W - 60)} y={M.t + 10} className="sf-density__label">
        mean
      </text>
      <line x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} className="sf-density__axis" />
      <text x={M.l} y={H - 3} className="sf-density__tick">
        0
      </text>
      <text x={W - M.r} y={H - 3} textAnchor="end" className="sf-density__tick">
        {durationText(xMax, unit, 3)}
      </text>
    </svg>
  );
}
