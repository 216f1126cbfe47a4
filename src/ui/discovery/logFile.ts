// Is a file the user opens an event log (→ discovery) or a project / BPMN model (→ opened as
// before)? By its name first; by its first bytes when the name does not say (gzip magic bytes,
// an XES root element, JSON, XML).
import { LOG_FILE } from '../../model/interop/eventlog/read';

export async function isLogFile(file: Blob & { name?: string }): Promise<boolean> {
  const name = file.name ?? '';
  if (/\.(json|bpmn2?)$/i.test(name)) return false;
  if (LOG_FILE.test(name)) return true;
  const head = new Uint8Array(await file.slice(0, 2048).arrayBuffer());
  if (head[0] === 0x1f && head[1] === 0x8b) return true; // gzip: logs are the compressed files we open
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return false;
  if (text.startsWith('<')) return /<log[\s>]|xes\.version|xes-standard/i.test(text);
  return !/\.xml$/i.test(name);
}
