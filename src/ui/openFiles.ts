// Which file to open when several are chosen or dropped at once: a BPMN model with the
// simulation parameters another tool wrote beside it (Prosimos / Simod JSON) opens as one model;
// otherwise the first file opens (and the user is told the others were left).
const BPMN = /\.(bpmn2?|xml)$/i;
const JSON_FILE = /\.json$/i;

export interface OpenPlan<F extends { name: string }> {
  main: F;
  /** Simulation parameters (JSON) to read together with a BPMN model. */
  parameters?: F;
  /** Files chosen that are not opened. */
  ignored: F[];
}

export function planOpen<F extends { name: string }>(files: readonly F[]): OpenPlan<F> | undefined {
  if (files.length === 0) return undefined;
  const bpmn = files.find((f) => BPMN.test(f.name));
  const json = files.find((f) => JSON_FILE.test(f.name));
  if (bpmn && json && files.length === 2) return { main: bpmn, parameters: json, ignored: [] };
  return { main: files[0]!, ignored: files.slice(1) };
}
