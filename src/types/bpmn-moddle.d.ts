// bpmn-moddle 10 ships its element types under 'bpmn-moddle/types' but no declaration for its
// entry point; the importer reads the parsed tree loosely (see src/model/interop/bpmn.ts).
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
  }
}
