// Conversion without simulating: npm run convert -- IN.(json|bpmn|bpmn2|xml) --out OUT.(bpmn|json) [--scenario ID]
// A project file to BPMN (one scenario: the baseline unless --scenario names another), or a BPMN
// file to a project file — the same importer and exporter as the app. The import report goes to
// stderr; nothing is written when the input cannot be read.
import { describeProblem, loadProjectText, type Project } from '../model';
import { exportBpmn } from '../model/interop/bpmn';
import { importBpmn } from '../engine/bpmnImport';
import type { CliIO } from './main';
import { sideParameters } from './sideParams';

export const CONVERT_USAGE = `Usage: npm run convert -- IN.(json|bpmn|bpmn2|xml) --out OUT.(bpmn|json) [--scenario ID]
  A project (.json) to BPMN 2.0 (.bpmn): the scenario given, else the baseline.
  A BPMN 2.0 file (.bpmn, .bpmn2, .xml) to a project (.json); a project to a project (checked and
  upgraded; every scenario kept).
`;

const isBpmnName = (p: string) => /\.(bpmn2?|xml)$/i.test(p);

export async function convert(argv: string[], io: CliIO): Promise<number> {
  let input: string | undefined;
  let out: string | undefined;
  let scenarioId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      io.stdout(CONVERT_USAGE);
      return 0;
    }
    if (a === '--out' || a === '--scenario') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) {
        io.stderr(`convert: ${a} needs a value\n\n${CONVERT_USAGE}`);
        return 2;
      }
      if (a === '--out') out = v;
      else scenarioId = v;
    } else if (a.startsWith('--')) {
      io.stderr(`convert: unknown option ${a}\n\n${CONVERT_USAGE}`);
      return 2;
    } else if (input === undefined) input = a;
    else {
      io.stderr(`convert: one input file only (got ${input} and ${a})\n`);
      return 2;
    }
  }
  if (!input || !out) {
    io.stderr(`convert: give an input file and --out\n\n${CONVERT_USAGE}`);
    return 2;
  }
  if (!/\.(bpmn|json)$/i.test(out)) {
    io.stderr(`convert: the output must end in .bpmn or .json (got ${out})\n`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(input);
  } catch (err) {
    io.stderr(`convert: cannot read ${input}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
    return 1;
  }
  let project: Project;
  if (isBpmnName(input) || /^\s*</.test(text)) {
    const side = sideParameters(input, io);
    if (side.path) io.stderr(`convert: simulation parameters read from ${side.path}\n`);
    const imported = await importBpmn(io.readBytes ? io.readBytes(input) : text, { name: input.replace(/^.*[\\/]/, '').replace(/\.(bpmn2?|xml)$/i, ''), ...(side.value !== undefined ? { simulationParameters: side.value } : {}) });
    for (const line of imported.report) io.stderr(`import: ${line.level === 'info' ? '' : `${line.level}: `}${line.message}\n`);
    if (!imported.ok) {
      io.stderr(`convert: ${input} could not be imported: ${imported.error}\n`);
      return 1;
    }
    project = imported.project;
  } else {
    const loaded = loadProjectText(text);
    if (!loaded.ok) {
      io.stderr(`convert: ${input} is not a valid project: ${loaded.problems.slice(0, 5).map(describeProblem).join('; ')}\n`);
      return 1;
    }
    project = loaded.project;
  }
  const scenario = scenarioId !== undefined ? project.scenarios.find((s) => s.id === scenarioId) : (project.scenarios.find((s) => s.kind === 'baseline') ?? project.scenarios[0]);
  if (!scenario) {
    io.stderr(`convert: there is no scenario "${scenarioId}" (scenarios: ${project.scenarios.map((s) => s.id).join(', ')})\n`);
    return 2;
  }
  const result = /\.bpmn$/i.test(out) ? exportBpmn(project, scenario.id) : JSON.stringify(project, null, 2) + '\n';
  try {
    io.writeFile(out, result);
  } catch (err) {
    io.stderr(`convert: cannot write ${out}: ${(err as Error).message}\n`);
    return 1;
  }
  io.stderr(`convert: wrote ${out} (${/\.bpmn$/i.test(out) ? `scenario "${scenario.name}" as BPMN 2.0` : 'project file'})\n`);
  return 0;
}
