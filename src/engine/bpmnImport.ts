// BPMN import with the engine's traffic equations, so that figures the file does not give
// (arrival rate, staff) are assumed to fit the flow (about 70 % busy at the busiest step). The
// importer itself lives in the model layer, which does not depend on the engine.
import { importBpmn as importWith, type BpmnImport, type BpmnImportOptions } from '../model/interop/bpmn';
import { trafficEquations } from './traffic';

export type { BpmnImport, BpmnImportOptions };

export function importBpmn(input: string | Uint8Array, options: BpmnImportOptions = {}): Promise<BpmnImport> {
  return importWith(input, { traffic: trafficEquations, ...options });
}
