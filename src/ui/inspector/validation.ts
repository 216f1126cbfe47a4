// Turning schema problems into short sentences shown at the field that caused them.
import type { z } from 'zod';
import { crossReferenceProblems, formatPath } from '../../model/load';
import { Project, type TimeUnit } from '../../model/schema';

export type Path = ReadonlyArray<string | number>;

/** "must be greater than 0" → "Must be greater than 0." */
export function sentence(message: string): string {
  const m = message.trim();
  if (!m) return m;
  const s = m[0]!.toUpperCase() + m.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** A zod issue in users' words; the schema's own messages are kept, zod's defaults are reworded. */
export function issueText(issue: z.core.$ZodIssue): string {
  // The schema's own messages ("must be greater than 0") are kept; zod's defaults are reworded.
  const isDefault = /^(Too small|Too big|Invalid input|Invalid option)/.test(issue.message);
  if (!isDefault) return sentence(issue.message);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') return sentence(`must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`);
      if (issue.origin === 'array') return sentence(`needs at least ${String(issue.minimum)}`);
      if (issue.origin === 'string') return 'Must not be empty.';
      break;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') return sentence(`must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`);
      if (issue.origin === 'array') return sentence(`allows at most ${String(issue.maximum)}`);
      if (issue.origin === 'string') return sentence(`must be at most ${String(issue.maximum)} characters`);
      break;
    case 'invalid_type':
      if (issue.expected === 'int') return 'Must be a whole number.';
      return sentence(issue.expected === 'number' ? 'must be a number' : `must be a ${issue.expected}`);
    case 'invalid_value':
      return sentence(`must be one of ${issue.values.map((v) => String(v)).join(', ')}`);
    default:
      break;
  }
  return sentence(issue.message);
}

const startsWith = (path: ReadonlyArray<PropertyKey>, prefix: Path) => prefix.every((k, i) => path[i] === k);

/**
 * The message to show at a field for a failed parse: the first issue at (or under) the field's
 * path, else the first issue anywhere, prefixed with where it is.
 */
export function fieldError(error: z.ZodError, fieldPath: Path = []): string {
  const issues = error.issues;
  const own = issues.find((i) => startsWith(i.path, fieldPath)) ?? issues.find((i) => startsWith(fieldPath, i.path as Path));
  if (own) return issueText(own);
  const first = issues[0];
  if (!first) return 'Not valid.';
  return `${formatPath(first.path)}: ${issueText(first)}`;
}

/** Checks a candidate with a schema piece: the parsed value, or the message for the field. */
export function check<S extends z.ZodType>(schema: S, candidate: unknown, fieldPath: Path = []): { ok: true; value: z.output<S> } | { ok: false; error: string } {
  const r = schema.safeParse(candidate);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: fieldError(r.error, fieldPath) };
}

/** A whole-project check (schema and cross-references), reported for the field at `fieldPath`. */
export function checkProject(candidate: unknown, fieldPath: Path): { ok: true; value: Project } | { ok: false; error: string } {
  const r = check(Project, candidate, fieldPath);
  if (!r.ok) return r;
  const problems = crossReferenceProblems(r.value);
  if (problems.length === 0) return r;
  const at = formatPath(fieldPath);
  const own = problems.find((p) => p.path === at || p.path.startsWith(at)) ?? problems.find((p) => at.startsWith(p.path));
  const p = own ?? problems[0]!;
  return { ok: false, error: own ? sentence(p.message) : `${p.path}: ${sentence(p.message)}` };
}

export const UNIT_SHORT: Record<TimeUnit, string> = { seconds: 's', minutes: 'min', hours: 'h', days: 'days' };

/** A number for display: at most `digits` significant digits, no trailing zeros. */
export function num(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return '–';
  return String(Number(v.toPrecision(digits)));
}

/** A fresh id from a name, unused among `taken`. */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    stem
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'item';
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}
