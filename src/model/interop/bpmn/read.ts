// Reading a BPMN file: bytes decoded by the encoding the XML declares, parsed by bpmn-moddle, the
// parser's warnings put in the user's words, names and ids made fit for the file format, and the
// processes of the file listed so that the main one (most tasks) can be imported.
import { BpmnModdle } from 'bpmn-moddle';

export const SF_NAMESPACE = 'https://serviceflow.app/bpmn/1';

/** Our nodes are drawn larger than BPMN shapes (a task is 100 × 80 there): diagram coordinates are scaled by this on import and back on export. */
export const DI_SCALE = { x: 1.8, y: 1.3 };

export interface ReportLine {
  level: 'info' | 'warning' | 'error';
  /** The BPMN element concerned. */
  element?: string;
  message: string;
}
export type Note = (level: ReportLine['level'], message: string, element?: string) => void;

// Loose shapes of the bpmn-moddle objects we read.
export interface El {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}
export const list = (x: unknown): El[] => (Array.isArray(x) ? (x as El[]) : []);

export const TASKS = new Set(['bpmn:Task', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ManualTask', 'bpmn:ScriptTask', 'bpmn:BusinessRuleTask', 'bpmn:SendTask', 'bpmn:ReceiveTask']);
export const SUBPROCESSES = new Set(['bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:AdHocSubProcess', 'bpmn:Transaction']);

export const word = (t: string) => t.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
/** Line breaks and runs of spaces in names (common in drawn models) become one space. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
export const label = (e: El) => (e.name && oneLine(e.name) ? `"${oneLine(e.name)}"` : (e.id ?? word(e.$type)));
export const nameOf = (e: El, fallback: string) => (oneLine(e.name ?? '') || fallback).slice(0, 120);

/** FNV-1a, 8 hex digits: a short stable tag for ids that had to be shortened. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * A valid file-format id (letters, digits, _ . : -, at most 80 characters) for a BPMN id. Ids
 * that are too long are cut and tagged with a hash of the whole id, so that two long ids sharing
 * their first 80 characters (common in tools that prefix ids) stay apart.
 */
export function cleanId(id: string): string {
  const plain = /^[A-Za-z0-9_.:-]+$/.test(id) ? id : id.replace(/[^A-Za-z0-9_.:-]+/g, '_') || 'element';
  return plain.length <= 80 ? plain : `${plain.slice(0, 71)}-${hash(id)}`;
}

export function sfData(e: El): Record<string, unknown> | undefined {
  const values = list((e.extensionElements as El | undefined)?.values);
  const data = values.find((v) => v.$type === 'sf:data');
  if (!data || typeof data.$body !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data.$body);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text of a file given as bytes, decoded by the encoding its XML declaration names
 * (ISO-8859-1, windows-1252, UTF-16, …; UTF-8 when none or unknown). The declaration is then
 * rewritten to UTF-8 so that the parser does not warn about it again.
 */
export function decodeXml(input: string | Uint8Array): { text: string; encoding?: string } {
  if (typeof input === 'string') return { text: input };
  let bytes = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(utf16 ? 'utf-16' : (declared ?? 'utf-8'));
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes).replace(/^(\s*<\?xml[^>]*\bencoding\s*=\s*["'])[A-Za-z0-9._-]+(["'])/, '$1UTF-8$2');
  return { text, ...(declared && !/^utf-?8$/i.test(declared) ? { encoding: declared } : {}) };
}

/** A bpmn-moddle warning ("unparsable content <x> detected\n\tline: 3\n…") as one line in the user's words. */
export function describeWarning(raw: string): string {
  const first = raw.split('\n')[0]!.trim();
  const line = /\bline:\s*(\d+)/.exec(raw)?.[1];
  const at = line ? ` (line ${line})` : '';
  const nested = /nested error:\s*(.*)/.exec(raw)?.[1]?.trim();
  let m: RegExpExecArray | null;
  if ((m = /^unresolved reference <([^>]*)>/.exec(first))) return `A reference to "${m[1]}" points to nothing in the file; it was ignored.`;
  if ((m = /^unsupported document encoding <([^>]*)>/.exec(first))) return `The file says it is written in ${m[1]}, which could not be decoded here; it was read as UTF-8, so accented letters may look wrong.`;
  if ((m = /^unknown attribute <([^>]*)>/.exec(first))) return `The attribute "${m[1]}" is not part of BPMN 2.0; it was ignored.`;
  if ((m = /^unparsable content <([^>]*)> detected/.exec(first))) {
    const why = nested
      ? (/^duplicate ID <([^>]*)>/.exec(nested) ? `the id "${/^duplicate ID <([^>]*)>/.exec(nested)![1]}" is used twice`
        : /^illegal ID <([^>]*)>/.exec(nested) ? `its id "${/^illegal ID <([^>]*)>/.exec(nested)![1]}" is not a valid XML id`
        : /^unknown type <([^>]*)>/.exec(nested) ? `"${/^unknown type <([^>]*)>/.exec(nested)![1]}" is not a BPMN 2.0 element`
        : nested.split(/\s*\n/)[0])
      : 'it is not BPMN 2.0';
    return `The element <${m[1]}>${at} was skipped: ${why}.`;
  }
  return `The BPMN reader skipped something${at}: ${first}.`;
}

export interface ParsedBpmn {
  definitions: El;
  /** Distinct warnings in the user's words, with how often each came. */
  warnings: string[];
}

export async function parseBpmn(xml: string): Promise<{ ok: true; parsed: ParsedBpmn } | { ok: false; error: string }> {
  try {
    const parsed = await new BpmnModdle().fromXML(xml);
    const counts = new Map<string, number>();
    for (const w of parsed.warnings) {
      const text = describeWarning(String((w as { message?: string }).message ?? w));
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    const warnings = [...counts].map(([text, n]) => (n > 1 ? `${text} (${n} times)` : text));
    return { ok: true, parsed: { definitions: parsed.rootElement as unknown as El, warnings } };
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { ok: false, error: `This is not a readable BPMN 2.0 file (${msg}).` };
  }
}

/** A process of the file, for choosing which one to import. */
export interface BpmnProcessInfo {
  id: string;
  /** The pool's name, else the process's, else its id. */
  name: string;
  /** Tasks, sub-processes and call activities at its top level. */
  tasks: number;
}

export function listProcesses(definitions: El): { process: El; info: BpmnProcessInfo }[] {
  const roots = list(definitions.rootElements);
  const participants = list(roots.find((r) => r.$type === 'bpmn:Collaboration')?.participants);
  return roots
    .filter((r) => r.$type === 'bpmn:Process' && list(r.flowElements).length > 0)
    .map((process) => {
      const pool = participants.find((p) => (p.processRef as El | undefined)?.id === process.id);
      const tasks = list(process.flowElements).filter((e) => TASKS.has(e.$type) || (SUBPROCESSES.has(e.$type) && !e.triggeredByEvent)).length;
      return { process, info: { id: process.id ?? 'process', name: oneLine(pool?.name ?? process.name ?? '') || (process.id ?? 'process'), tasks } };
    });
}
