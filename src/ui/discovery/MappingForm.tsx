// The column-mapping step: what each column holds (detected, changeable), a preview of the first
// rows, how to read ambiguous dates, the time zone, and discovery's own choices (customer classes,
// rare paths).
import { FIELD_LABELS, TIME_FORMAT_LABELS, formatZone, type ColumnMapping, type LogPreview, type MappedField } from '../../model/interop/eventlog/read';

export interface MappingSettings {
  mapping: Partial<ColumnMapping>;
  /** Set when dates could be day-first or month-first (required then). */
  dayFirst?: boolean;
  /** Offset of times without one; undefined: as written (UTC unless the log states its offset). */
  zone?: number;
  classAttribute?: string;
  /** Rare-path threshold in percent of cases. */
  rarePercent: number;
}

const FIELDS: { field: MappedField; required: boolean; hint?: string }[] = [
  { field: 'case', required: true },
  { field: 'activity', required: true },
  { field: 'end', required: true },
  { field: 'start', required: false, hint: 'Without start times, discovery estimates how long the work took.' },
  { field: 'resource', required: false },
  { field: 'enabled', required: false },
  { field: 'role', required: false, hint: 'Not needed: departments come from what the resources do.' },
];

const ZONES = [-720, -600, -480, -420, -360, -300, -240, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 420, 480, 540, 570, 600, 660, 720, 780, 840];

/** The time columns whose dates the first rows cannot order (day-first or month-first). */
export function ambiguousColumns(preview: LogPreview, m: Partial<ColumnMapping>): string[] {
  return (['start', 'end', 'enabled'] as const).map((f) => m[f]).filter((c): c is string => !!c && !!preview.times[c]?.ambiguous);
}

export function MappingForm({ preview, value, onChange }: { preview: LogPreview; value: MappingSettings; onChange: (v: MappingSettings) => void }) {
  const m = value.mapping;
  const setField = (f: MappedField, col: string) => onChange({ ...value, mapping: { ...m, [f]: col || undefined } });
  const ambiguous = ambiguousColumns(preview, m);
  const stated = m.end ? preview.times[m.end]?.hasOffset : false;
  const used = new Set(FIELDS.map((f) => m[f.field]).filter(Boolean));
  const classes = preview.attributeCandidates.filter((c) => !used.has(c));
  const shown = preview.rows.slice(0, 6);
  return (
    <div className="sf-discover-form">
      <div className="sf-discover-grid">
        {FIELDS.map(({ field, required, hint }) => {
          const col = m[field];
          const time = col ? preview.times[col] : undefined;
          return (
            <div className="sf-field" key={field}>
              <label htmlFor={`map-${field}`}>
                {FIELD_LABELS[field]}
                {required ? ' *' : ''}
              </label>
              <div className="sf-field__control">
                <select id={`map-${field}`} data-testid={`map-${field}`} value={col ?? ''} onChange={(e) => setField(field, e.target.value)}>
                  <option value="">{required ? '— choose a column —' : '— none —'}</option>
                  {preview.header.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
              {time && (field === 'start' || field === 'end' || field === 'enabled') && !time.ambiguous && <div className="sf-field__hint">{TIME_FORMAT_LABELS[time.format]}</div>}
              {!col && hint && <div className="sf-field__hint">{hint}</div>}
            </div>
          );
        })}
      </div>
      {ambiguous.length > 0 && (
        <fieldset className="sf-discover-choice" data-testid="date-order">
          <legend>
            Dates such as <q>{firstValue(preview, ambiguous[0]!)}</q> could be read two ways. Which comes first?
          </legend>
          <label>
            <input type="radio" name="date-order" checked={value.dayFirst === true} onChange={() => onChange({ ...value, dayFirst: true })} data-testid="day-first" /> the day (31/01/2023)
          </label>
          <label>
            <input type="radio" name="date-order" checked={value.dayFirst === false} onChange={() => onChange({ ...value, dayFirst: false })} data-testid="month-first" /> the month (01/31/2023)
          </label>
        </fieldset>
      )}
      <div className="sf-discover-grid">
        <div className="sf-field">
          <label htmlFor="map-zone">Time zone of times without offset</label>
          <div className="sf-field__control">
            <select id="map-zone" data-testid="map-zone" value={value.zone === undefined ? '' : String(value.zone)} onChange={(e) => onChange({ ...value, zone: e.target.value === '' ? undefined : Number(e.target.value) })}>
              <option value="">{stated ? 'as the log states' : 'as written in the file'}</option>
              {ZONES.map((z) => (
                <option key={z} value={z}>
                  {formatZone(z)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="sf-field">
          <label htmlFor="map-class">Customer classes from</label>
          <div className="sf-field__control">
            <select id="map-class" data-testid="map-class" value={value.classAttribute ?? ''} onChange={(e) => onChange({ ...value, classAttribute: e.target.value || undefined })}>
              <option value="">— one kind of customer —</option>
              {classes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          {classes.length === 0 && <div className="sf-field__hint">No column keeps one value within each case.</div>}
        </div>
        <div className="sf-field">
          <label htmlFor="map-rare">Leave out paths taken by fewer than</label>
          <div className="sf-field__control">
            <input id="map-rare" data-testid="map-rare" type="number" min={0} max={50} step={0.5} value={value.rarePercent} onChange={(e) => onChange({ ...value, rarePercent: Math.min(50, Math.max(0, Number(e.target.value) || 0)) })} />
            <span>% of cases</span>
          </div>
        </div>
      </div>
      <div className="sf-discover-preview" data-testid="log-preview">
        <table className="sf-table">
          <thead>
            <tr>
              {preview.header.map((h) => (
                <th key={h} className={used.has(h) ? 'is-used' : ''}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={i}>
                {preview.header.map((h, j) => (
                  <td key={h} title={r[j]}>
                    {r[j]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function firstValue(preview: LogPreview, col: string): string {
  const i = preview.header.indexOf(col);
  return preview.rows.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? '';
}

/** What still keeps Discover from starting, in the user's words (undefined when ready). */
export function missingChoice(preview: LogPreview, v: MappingSettings): string | undefined {
  for (const f of ['case', 'activity', 'end'] as const) if (!v.mapping[f]) return `Choose the column with the ${FIELD_LABELS[f].toLowerCase()}.`;
  const cols = (['case', 'activity', 'end', 'start', 'resource', 'enabled', 'role'] as const).map((f) => v.mapping[f]).filter(Boolean);
  if (new Set(cols).size < cols.length) return 'Each column can stand for one thing only.';
  if (ambiguousColumns(preview, v.mapping).length > 0 && v.dayFirst === undefined) return 'Say whether dates are day-first or month-first.';
  for (const f of ['end', 'start', 'enabled'] as const) {
    const c = v.mapping[f];
    if (c && !preview.times[c]) return `Column ${c} does not hold dates.`;
  }
  return undefined;
}
