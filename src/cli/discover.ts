// Node entry: npm run discover -- LOG [--case COL …] --out project.json
// Reads an event log (CSV or XES, optionally gzipped), discovers the baseline, writes it as a
// project file and prints the report grouped by topic. Exit codes: 0 done, 2 bad input (the
// message says what and where), 1 anything unexpected.
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import { AmbiguousDatesError, CancelledError, EventLogError, parseZone, type ColumnMapping, type ReadReport } from '../model/interop/eventlog/read';
import type { ReportLine } from '../discovery/types';
import type { FitComparison } from '../discovery/fit';
import { MEASURES, type MeasureKey } from '../discovery/measures';
import { groupReport, readAndDiscover } from '../discovery/fromLog';
import type { CliIO } from './main';
import { runCli } from './node';

export const DISCOVER_USAGE = `Usage: npm run discover -- LOG --out project.json [options]

LOG is a CSV (any delimiter) or XES event log, optionally gzipped (.csv.gz, .xes.gz).
Columns are detected from the usual names; name them when the detection is wrong:
  --case COL --activity COL --resource COL --start COL --end COL
  --enabled COL --role COL     optional columns
  --attribute COL              read COL as a case attribute (repeatable; default: every column
                               that keeps one value within each case)
  --class COL                  a case attribute whose values become customer classes
  --tz +01:00                  time zone of times that state no offset (default: UTC)
  --day-first | --month-first  how to read dates such as 03/04/2023
  --delimiter ';'              the CSV delimiter (default: detected)
  --rare 1%                    leave out paths followed by fewer cases than this (default 1%)
  --name NAME                  the project's name (default: the file's name)
  --fit N                      simulate the baseline N times beside the log and print the six
                               log-distance measures (mean and range)
  --quiet                      print only problems`;

const MAPPED = ['case', 'activity', 'resource', 'start', 'end', 'enabled', 'role'] as const;


class UsageError extends Error {}

interface Args {
  log?: string;
  out?: string;
  mapping: Partial<ColumnMapping>;
  attributes: string[];
  classAttribute?: string;
  zone?: number;
  dayFirst?: boolean;
  delimiter?: string;
  rare?: number;
  name?: string;
  fit?: number;
  quiet: boolean;
  help: boolean;
}

export function parseDiscoverArgs(argv: readonly string[]): Args {
  const a: Args = { mapping: {}, attributes: [], quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    const field = MAPPED.find((f) => flag === `--${f}`);
    if (field) a.mapping[field] = value();
    else if (flag === '--out' || flag === '-o') a.out = value();
    else if (flag === '--attribute') a.attributes.push(value());
    else if (flag === '--class') a.classAttribute = value();
    else if (flag === '--tz') {
      const v = value();
      const z = parseZone(v);
      if (z === undefined) throw new UsageError(`--tz '${v}' is not a time zone offset; write it like +01:00 or -05:30.`);
      a.zone = z;
    } else if (flag === '--day-first') a.dayFirst = true;
    else if (flag === '--month-first') a.dayFirst = false;
    else if (flag === '--delimiter') a.delimiter = value().replace(/^\\t$|^tab$/i, '\t');
    else if (flag === '--rare') {
      const v = value();
      const n = Number(v.replace(/%$/, ''));
      if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--rare '${v}' is not a share; write it like 1% or 0.01.`);
      a.rare = v.endsWith('%') || n > 1 ? n / 100 : n;
    } else if (flag === '--name') a.name = value();
    else if (flag === '--fit') {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--fit '${v}' is not a number of runs from 1 to 100.`);
      a.fit = n;
    }
    else if (flag === '--quiet') a.quiet = true;
    else if (flag === '--help' || flag === '-h') a.help = true;
    else if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}.`);
    else if (a.log === undefined) a.log = flag;
    else throw new UsageError(`Only one log at a time: '${a.log}' and '${flag}' were given.`);
  }
  return a;
}

/** The report as text: reading first, then discovery's lines grouped by topic. */
export function formatReport(read: ReadReport, lines: readonly ReportLine[], coverage: number): string {
  const out: string[] = [];
  out.push('Reading the log');
  out.push(`  ${read.events.toLocaleString('en-US')} events in ${read.cases.toLocaleString('en-US')} cases read from ${read.rows.toLocaleString('en-US')} rows.`);
  for (const n of read.notes) out.push(`  ${n}`);
  for (const p of read.problems) out.push(`  ⚠ ${p}`);
  const groups = groupReport(lines);
  for (const g of groups) {
    out.push('', g.title);
    for (const l of g.lines) out.push(`  ${l.severity === 'warning' ? '⚠ ' : ''}${l.message}`);
  }
  if (!groups.some((g) => g.topic === 'coverage') && Number.isFinite(coverage)) out.push('', 'Coverage', `  The model can reproduce the paths of ${Math.round(coverage * 100)} % of the log's cases.`);
  return out.join('\n') + '\n';
}

/** The six log-distance measures of the baseline's simulations against the log. */
export function formatFit(fit: FitComparison): string {
  const runs = fit.simulated.runs;
  const out = ['', `How well the baseline fits the log (${runs === 1 ? 'one simulated run' : `mean and range over ${runs} simulated runs`}; lower is closer)`];
  const v = (k: MeasureKey, x: number) => (MEASURES[k].unit === 'hours' ? `${x.toFixed(2)} h` : x.toFixed(3));
  for (const m of fit.measures) out.push(`  ${`${MEASURES[m.key].name} (${MEASURES[m.key].short})`.padEnd(40)} ${v(m.key, m.mean)}${runs > 1 ? `  (${v(m.key, m.min)} – ${v(m.key, m.max)})` : ''}`);
  return out.join('\n') + '\n';
}

export async function discoverMain(argv: readonly string[], io: CliIO & { readBytes(path: string): Uint8Array }): Promise<number> {
  let args: Args;
  try {
    args = parseDiscoverArgs(argv);
  } catch (err) {
    io.stderr(`${(err as Error).message}\n\n${DISCOVER_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(DISCOVER_USAGE + '\n');
    return 0;
  }
  if (!args.log || !args.out) {
    io.stderr(`${!args.log ? 'Which log? Give the event log file first.' : 'Where should the project go? Add --out project.json.'}\n\n${DISCOVER_USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(args.log);
  } catch (err) {
    io.stderr(`Cannot read '${args.log}': ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.\n`);
    return 2;
  }
  const mapping: Partial<ColumnMapping> = { ...args.mapping };
  if (args.attributes.length > 0 || args.classAttribute) mapping.caseAttributes = [...new Set([...args.attributes, ...(args.classAttribute ? [args.classAttribute] : [])])];
  try {
    const out = await readAndDiscover(
      bytes,
      {
        name: basename(args.log),
        mapping,
        ...(args.zone !== undefined && { utcOffsetMinutes: args.zone }),
        ...(args.dayFirst !== undefined && { dayFirst: args.dayFirst }),
        ...(args.delimiter !== undefined && { delimiter: args.delimiter }),
      },
      {
        ...(args.name !== undefined && { name: args.name }),
        ...(args.rare !== undefined && { rarePaths: args.rare }),
        ...(args.classAttribute !== undefined && { classAttribute: args.classAttribute }),
      },
      undefined,
      undefined,
      { runs: args.fit ?? 0 },
    );
    try {
      io.writeFile(args.out, JSON.stringify(out.discovery.project, null, 2) + '\n');
    } catch (err) {
      io.stderr(`Cannot write '${args.out}': ${(err as Error).message}\n`);
      return 1;
    }
    if (!args.quiet) io.stdout(formatReport(out.read, out.discovery.report, out.discovery.coverage));
    if (out.fit) io.stdout(formatFit(out.fit));
    if (out.fitProblem) io.stderr(`${out.fitProblem}\n`);
    io.stdout(`\nWrote the discovered baseline "${out.discovery.project.name}" to ${args.out}.\n`);
    return 0;
  } catch (err) {
    if (err instanceof AmbiguousDatesError) {
      io.stderr(`${args.log}: ${err.message} Add --day-first or --month-first.\n`);
      return 2;
    }
    if (err instanceof EventLogError || err instanceof CancelledError) {
      io.stderr(`${args.log}: ${err.message}\n`);
      return 2;
    }
    io.stderr(`Discovery failed: ${(err as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runCli(discoverMain);
