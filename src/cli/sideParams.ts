// A Prosimos / Simod simulation-parameters JSON next to a BPMN file (same name, .json), for the
// CLIs: read when it is there and looks like one.
import { isProsimos } from '../model/interop/prosimos';
import type { CliIO } from './main';

export function sideParameters(bpmnPath: string, io: CliIO): { value?: unknown; path?: string } {
  const path = bpmnPath.replace(/\.(bpmn2?|xml)$/i, '') + '.json';
  if (path === bpmnPath) return {};
  let text: string;
  try {
    text = io.readFile(path);
  } catch {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    return isProsimos(value) ? { value, path } : {};
  } catch {
    return {};
  }
}
