// The command line's logic, kept apart from process I/O so that it can be tested.
//   sim <project.json | process.bpmn | --example ID> [--scenario ID]... [--replications N] [--seed S] [--out FILE]
//       [--event-log FILE [--cases N] [--start ISO-TIME]]
import { formatWorkingDuration } from '../model/duration';
import { describeProblem, loadProjectText, type Project } from '../model';
import { EXAMPLES, getExample } from '../model/examples';
import { importBpmn } from '../engine/bpmnImport';
import { comparisonCaveat } from '../engine/instability';
import { checkScenario } from '../engine/check';
import { runExperiment } from '../engine/experiment';
import { formatDuration, formatShare } from '../engine/format';
import type { ResultsDocument } from '../engine/results';
import { SimulationError } from '../engine/types';
import { parseLogStart, simulateEventLog } from '../engine/eventlog';
import { writeEventLogCsv } from '../model/interop/eventlog/write';
import { sideParameters } from './sideParams';

export interface CliIO {
  readFile(path: string): string;
  /** The file's bytes (BPMN files are decoded by the encoding they declare); text files need only readFile. */
  readBytes?(path: string): Uint8Array;
  /** Writes the whole file at once (no partial output). */
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliArgs {
  input?: string;
  example?: string;
  scenarios: string[];
  replications?: number;
  seed?: number;
  out?: string;
  /** Write the simulated event log (CSV) of the first replication of the first scenario run. */
  eventLog?: string;
  /** With --event-log: stop arrivals after this many cases. */
  cases?: number;
  /** With --event-log: the local date-time simulated time 0 stands for. */
  start?: string;
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run sim -- <project.json | process.bpmn> [options]
       npm run sim -- --example <${EXAMPLES.map((e) => e.id).join('|')}> [options]

Options:
  --scenario ID       run only this scenario (repeatable; default: all)
  --replications N    a fixed number of replications (overrides the project)
  --seed S            the seed (overrides the project)
  --out FILE          write the results JSON to FILE (default: standard output)
  --event-log FILE    also write the simulated event log (CSV: case id, activity, resource, start,
                      end) of the first replication of the first scenario run
  --cases N           with --event-log: N customers arrive, simulated until they have left
  --start ISO-TIME    with --event-log: the date and time simulated time 0 stands for
                      (default: the project's run start, else Monday 2024-01-01 00:00)
  --quiet             no progress or summary on standard error
`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { scenarios: [], quiet: false, help: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const int = (v: string, flag: string, min: number) => {
    if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} must be a whole number ≥ ${min} (got "${v}")`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    switch (a) {
      case '--scenario':
        args.scenarios.push(value(i, a));
        i++;
        break;
      case '--replications':
        args.replications = int(value(i, a), a, 1);
        i++;
        break;
      case '--seed':
        args.seed = int(value(i, a), a, 0);
        if (args.seed > 2 ** 31 - 1) throw new UsageError('--seed must be at most 2147483647');
        i++;
        break;
      case '--out':
        args.out = value(i, a);
        i++;
        break;
      case '--event-log':
        args.eventLog = value(i, a);
        i++;
        break;
      case '--cases':
        args.cases = int(value(i, a), a, 1);
        i++;
        break;
      case '--start':
        args.start = value(i, a);
        try {
          parseLogStart(args.start);
        } catch (err) {
          throw new UsageError(`--start: ${(err as Error).message}`);
        }
        i++;
        break;
      case '--example':
        args.example = value(i, a);
        i++;
        break;
      case '--quiet':
        args.quiet = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        if (args.input !== undefined) throw new UsageError(`only one project file, please (got "${args.input}" and "${a}")`);
        args.input = a;
    }
  }
  if (!args.help && args.input === undefined && args.example === undefined) throw new UsageError('give a project file or --example ID');
  if (args.input !== undefined && args.example !== undefined) throw new UsageError('give a project file or --example, not both');
  if (args.eventLog === undefined && (args.cases !== undefined || args.start !== undefined)) throw new UsageError('--cases and --start go with --event-log FILE');
  return args;
}

/** Runs the command line; returns the exit code (0 ok, 1 bad input or failed run, 2 usage). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`sim: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }

  let project: Project;
  let source: string;
  if (args.example !== undefined) {
    const ex = getExample(args.example);
    if (!ex) {
      io.stderr(`sim: there is no example "${args.example}" (examples: ${EXAMPLES.map((e) => e.id).join(', ')})\n`);
      return 2;
    }
    project = ex.project;
    source = `example "${ex.id}"`;
  } else {
    source = args.input!;
    let text: string;
    try {
      text = io.readFile(source);
    } catch (err) {
      io.stderr(`sim: cannot read ${source}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
      return 1;
    }
    if (/\.(bpmn2?|xml)$/i.test(source) || /^\s*</.test(text)) {
      // BPMN 2.0: the same importer as the app; its report goes to stderr.
      const side = sideParameters(source, io);
      if (side.path) io.stderr(`sim: simulation parameters read from ${side.path}\n`);
      const imported = await importBpmn(io.readBytes ? io.readBytes(source) : text, { name: source.replace(/^.*[\\/]/, '').replace(/\.(bpmn2?|xml)$/i, ''), ...(side.value !== undefined ? { simulationParameters: side.value } : {}) });
      for (const line of imported.report) io.stderr(`import: ${line.level === 'info' ? '' : `${line.level}: `}${line.message}\n`);
      if (!imported.ok) {
        io.stderr(`sim: ${source} could not be imported: ${imported.error}\n`);
        return 1;
      }
      project = imported.project;
    } else {
    const loaded = loadProjectText(text);
    if (!loaded.ok) {
      io.stderr(`sim: ${source} is not a valid Serviceflow project:\n${loaded.problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}\n`);
      return 1;
    }
    project = loaded.project;
    }
  }

  const ids = args.scenarios.length > 0 ? args.scenarios : project.scenarios.map((s) => s.id);
  for (const id of ids) {
    if (!project.scenarios.some((s) => s.id === id)) {
      io.stderr(`sim: there is no scenario "${id}" (scenarios: ${project.scenarios.map((s) => s.id).join(', ')})\n`);
      return 1;
    }
  }
  const findings = ids.flatMap((id) => checkScenario(project, project.scenarios.findIndex((s) => s.id === id)));
  const errors = findings.filter((f) => f.severity === 'error');
  // Overload does not stop a run (the results state the instability), but it is said up front.
  const overloads = findings.filter((f) => f.severity === 'warning' && / is overloaded: /.test(f.message));
  if (errors.length === 0 && overloads.length > 0 && !args.quiet) io.stderr(overloads.map((f) => `sim: warning — ${f.message}\n`).join(''));
  if (errors.length > 0) {
    io.stderr(`sim: the project cannot be simulated:\n${errors.map((f) => `  - ${f.path}: ${f.message}`).join('\n')}\n`);
    return 1;
  }

  let doc: ResultsDocument;
  try {
    let lastShown = -1;
    doc = runExperiment(project, {
      scenarioIds: ids,
      replications: args.replications,
      seed: args.seed,
      onProgress: (done, total) => {
        if (args.quiet) return;
        const pct = Math.floor((100 * done) / total);
        if (pct !== lastShown) {
          lastShown = pct;
          io.stderr(`\rsimulating ${source}: ${done} replications (${pct} %)`);
        }
      },
    });
    if (!args.quiet) io.stderr('\n');
  } catch (err) {
    if (err instanceof SimulationError) {
      io.stderr(`\nsim: the simulation stopped: ${err.message}\n`);
      return 1;
    }
    throw err;
  }

  const json = JSON.stringify(doc, null, 2) + '\n';
  if (args.out !== undefined) {
    try {
      io.writeFile(args.out, json);
    } catch (err) {
      io.stderr(`sim: cannot write ${args.out}: ${(err as Error).message}\n`);
      return 1;
    }
  } else {
    io.stdout(json);
  }
  if (!args.quiet) io.stderr(summaryTable(doc));
  if (args.eventLog !== undefined) return writeEventLog(io, args, project, ids[0]!);
  return 0;
}

/** --event-log: the first replication of the scenario as a CSV event log. */
function writeEventLog(io: CliIO, args: CliArgs, project: Project, scenarioId: string): number {
  const seeded = args.seed === undefined ? project : { ...project, run: { ...project.run, seed: args.seed } };
  let csv: string;
  let rows: number;
  let cases: number;
  try {
    const log = simulateEventLog(seeded, scenarioId, { cases: args.cases, start: args.start });
    csv = writeEventLogCsv(log);
    rows = log.caseOf.length;
    cases = log.cases.length;
  } catch (err) {
    io.stderr(`sim: the event log could not be simulated: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    io.writeFile(args.eventLog!, csv);
  } catch (err) {
    io.stderr(`sim: cannot write ${args.eventLog}: ${(err as Error).message}\n`);
    return 1;
  }
  if (!args.quiet) io.stderr(`event log: ${rows.toLocaleString('en')} events of ${cases.toLocaleString('en')} cases written to ${args.eventLog}\n`);
  return 0;
}

/** A short readable summary for the terminal. */
export function summaryTable(doc: ResultsDocument): string {
  const unit = doc.project.timeUnit;
  const lines = [`\n${doc.project.name} — ${doc.settings.replications} replications, seed ${doc.settings.seed}`];
  for (const s of doc.scenarios) {
    const o = s.overall;
    lines.push(
      `  ${s.name}: mean wait ${formatDuration(o.waitingTime.mean, unit)} ± ${formatDuration(o.waitingTime.ci95, unit)}, ` +
        `p90 ${formatDuration(o.waitingTime.p90.mean, unit)}, total time ${formatDuration(o.timeInSystem.mean, unit)}, ` +
        `staff busy ${formatShare(o.utilization.mean)}` +
        (s.instability ? ' (waits grow with the length of the run)' : ''),
    );
    const wt = o.workingTime;
    if (wt) {
      const w = (v: number) => formatWorkingDuration(v, unit, wt.hoursPerWorkingDay);
      lines.push(`    in working time (${wt.calendarName}): mean wait ${w(wt.waitingTime.mean)}, p90 ${w(wt.waitingTime.p90.mean)}, total time ${w(wt.timeInSystem.mean)}, p90 ${w(wt.timeInSystem.p90.mean)}`);
    }
    for (const sl of Object.values(o.serviceLevel)) {
      lines.push(`    ${sl.name}${sl.clock === 'working' ? ' (working time)' : ''}: ${formatShare(sl.mean)} ± ${formatShare(sl.ci95)} (target ${formatShare(sl.target)}, ${sl.met ? 'met' : 'missed'})`);
    }
    if (s.bottlenecks.statement) lines.push(`    bottleneck — ${s.bottlenecks.statement}`);
    if (s.instability) lines.push(`    unstable — ${s.instability.statement.replace(/^The system is unstable\. /, '')}`);
    const top = s.bottlenecks.ranking[0] ? s.steps[s.bottlenecks.ranking[0].stepId] : undefined;
    if (top) {
      const gaveUp = top.abandoned.mean > 0 ? `; those who gave up waited ${formatDuration(top.abandonedWait.mean, unit)}` : '';
      lines.push(
        `    at "${top.name}": ${formatDuration(top.timeAtStep.mean, unit)} per visit (waiting + service), ${formatShare(top.waitedShare.mean)} of visits waited${gaveUp}`,
      );
    }
    for (const j of Object.values(s.joins ?? {})) lines.push(`    join "${j.name}" — a case waits ${formatDuration(j.waitForParts.mean, unit)} ± ${formatDuration(j.waitForParts.ci95, unit)} for its other parts`);
    for (const x of Object.values(s.systems ?? {})) {
      lines.push(`    system "${x.name}" — available ${formatShare(x.availability.mean)}, customers held up while down ${x.heldUpHoursPerDay.mean.toFixed(1)} customer-hours a day (${formatShare(x.waitingWhileDownShare.mean)} of all waiting)`);
    }
    for (const w of s.warnings) lines.push(`    warning — ${w.message}`);
  }
  for (const c of doc.comparisons) {
    lines.push(`  ${c.proposalId} vs ${c.baselineId}:`);
    const base = doc.scenarios.find((x) => x.id === c.baselineId);
    const prop = doc.scenarios.find((x) => x.id === c.proposalId);
    const caveat = base && prop ? comparisonCaveat(base, prop) : undefined;
    if (caveat) lines.push(`    caveat — ${caveat}`);
    for (const m of c.overall.slice(0, 4)) lines.push(`    ${m.sentence}`);
  }
  return lines.join('\n') + '\n';
}
