// A tolerant XML tag scanner in linear time, for reading extension data (BPSim, BIMP) that the
// BPMN reader does not know: each character is looked at a bounded number of times — no regular
// expression that can backtrack over the raw text. Comments, CDATA and processing instructions are
// skipped; a tag that never closes ends the scan.

export interface XmlTag {
  /** Local name (without prefix). */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The text between the name and the closing bracket. */
  attrs: string;
  start: number;
  end: number;
}

const NAME_CHAR = /[A-Za-z0-9_.:-]/;

/** Every tag of `xml`, in order. */
export function scanTags(xml: string): XmlTag[] {
  const tags: XmlTag[] = [];
  let i = xml.indexOf('<');
  let gt = -1; // the first ">" after the current "<" (kept while it is still ahead, so that many
  // "<" before one ">" do not each search for it again)
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      if (e < 0) break;
      i = xml.indexOf('<', e + 3);
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const e = xml.indexOf(']]>', i + 9);
      if (e < 0) break;
      i = xml.indexOf('<', e + 3);
      continue;
    }
    if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      const e = xml.indexOf('>', i + 2);
      if (e < 0) break;
      i = xml.indexOf('<', e + 1);
      continue;
    }
    if (gt <= i) gt = xml.indexOf('>', i + 1);
    const end = gt;
    if (end < 0) break;
    const next = xml.indexOf('<', i + 1);
    if (next >= 0 && next < end) {
      // A stray "<" with no tag of its own: go on from the next one.
      i = next;
      continue;
    }
    let k = i + 1;
    const closing = xml[k] === '/';
    if (closing) k++;
    const nameStart = k;
    while (k < end && NAME_CHAR.test(xml[k]!)) k++;
    const qname = xml.slice(nameStart, k);
    if (qname) {
      const selfClosing = xml[end - 1] === '/';
      const colon = qname.lastIndexOf(':');
      tags.push({ name: colon >= 0 ? qname.slice(colon + 1) : qname, closing, selfClosing, attrs: xml.slice(k, selfClosing ? end - 1 : end), start: i, end: end + 1 });
    }
    i = xml.indexOf('<', end + 1);
  }
  return tags;
}

/** The elements named `name` (local name; '*' for every element) that close, with their tag and
 * inner range, in document order (for a name: only the outermost of nested ones). */
export function elements(tags: readonly XmlTag[], name: string): { open: XmlTag; from: number; to: number; inner: [number, number] }[] {
  const out: { open: XmlTag; from: number; to: number; inner: [number, number] }[] = [];
  const stack: number[] = [];
  for (let k = 0; k < tags.length; k++) {
    const t = tags[k]!;
    if (name !== '*' && t.name !== name) continue;
    if (name === '*') {
      // Any element: match each closing tag with the nearest open one of its name.
      if (t.closing) {
        let j = stack.length - 1;
        const floor = Math.max(0, stack.length - 64); // a bounded look: stray closing tags stay cheap
        while (j >= floor && tags[stack[j]!]!.name !== t.name) j--;
        if (j < floor) j = -1;
        if (j >= 0) {
          const o = stack[j]!;
          stack.length = j;
          out.push({ open: tags[o]!, from: o, to: k, inner: [tags[o]!.end, t.start] });
        }
      } else if (t.selfClosing) out.push({ open: t, from: k, to: k, inner: [t.end, t.end] });
      else stack.push(k);
      continue;
    }
    if (t.selfClosing && !t.closing) out.push({ open: t, from: k, to: k, inner: [t.end, t.end] });
    else if (!t.closing) stack.push(k);
    else if (stack.length > 0) {
      const o = stack.pop()!;
      // Only the outermost of nested same-name elements is kept.
      if (stack.length === 0) out.push({ open: tags[o]!, from: o, to: k, inner: [tags[o]!.end, t.start] });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/** An attribute's value from a tag's attribute text (double or single quotes), linear in its length. */
export function attrOf(attrs: string, name: string): string | undefined {
  let i = attrs.indexOf(name);
  while (i >= 0) {
    const before = i === 0 ? ' ' : attrs[i - 1]!;
    let k = i + name.length;
    if (!NAME_CHAR.test(before) || before === ':') {
      while (attrs[k] === ' ' || attrs[k] === '\t' || attrs[k] === '\n' || attrs[k] === '\r') k++;
      if (attrs[k] === '=') {
        k++;
        while (attrs[k] === ' ' || attrs[k] === '\t' || attrs[k] === '\n' || attrs[k] === '\r') k++;
        const q = attrs[k];
        if (q === '"' || q === "'") {
          const e = attrs.indexOf(q, k + 1);
          if (e >= 0) return decodeEntities(attrs.slice(k + 1, e));
        }
      }
    }
    i = attrs.indexOf(name, i + 1);
  }
  return undefined;
}

const decodeEntities = (s: string) => (s.includes('&') ? s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!) : s);
