// The Web Worker entry for BPMN import: parsing and mapping a large file off the main thread.
import { expose } from 'comlink';
import { importBpmn, type BpmnImport, type BpmnImportOptions } from '../engine/bpmnImport';

export interface BpmnWorkerApi {
  importBpmn(bytes: Uint8Array, options: Omit<BpmnImportOptions, 'traffic'>): Promise<BpmnImport>;
}

expose({ importBpmn: (bytes: Uint8Array, options: Omit<BpmnImportOptions, 'traffic'>) => importBpmn(bytes, options) } satisfies BpmnWorkerApi);
