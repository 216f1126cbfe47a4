// Numbers as people type them: "1000", "1,000", "1 000", "10,000.5", "2,5" (a decimal comma),
// "10.000,5". A number that could be read two ways, or not at all, is refused with a reason —
// never silently read as a different number (issue 17: "1,000" used to become 1).
export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f\u2009']/g; // spaces, no-break and thin spaces, and 1'000

export function parseNumber(text: string): ParsedNumber {
  const shown = text.trim();
  const bad = (why: string): ParsedNumber => ({ ok: false, message: `"${shown}" ${why}` });
  if (shown === '') return { ok: false, message: 'Enter a number.' };
  let raw = shown.replace(/^\+/, '').replace(/^[−–]/, '-');
  // Digit groups separated by spaces: "1 000", "12 500,5".
  if (/\d[\s\u00a0\u202f\u2009']\d/.test(raw)) {
    if (!/^-?\d{1,3}([\s\u00a0\u202f\u2009']\d{3})+([.,]\d+)?$/.test(raw)) return bad('is not a number we can read: write it like 1000 or 1 000.');
    raw = raw.replace(SPACES, '');
  }
  const commas = (raw.match(/,/g) ?? []).length;
  const dots = (raw.match(/\./g) ?? []).length;
  let plain: string;
  if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal mark, the other groups thousands ("10,000.5", "10.000,5").
    const decimal = raw.lastIndexOf(',') > raw.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole, fraction, ...rest] = raw.split(decimal);
    if (rest.length > 0 || !new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+$`).test(whole!)) return bad('mixes commas and points in a way that is not a number: write it like 10000.5 or 10,000.5.');
    plain = `${whole!.split(group).join('')}.${fraction}`;
  } else if (commas > 0) {
    if (/^-?\d{1,3}(,\d{3})+$/.test(raw)) plain = raw.replace(/,/g, ''); // 1,000 and 1,000,000: thousands
    else if (commas === 1 && /^-?\d*,\d+$/.test(raw)) plain = raw.replace(',', '.'); // 2,5: a decimal comma
    else return bad('is not a number we can read: write it like 1000, 1,000 or 2.5.');
  } else if (dots > 1) {
    if (/^-?\d{1,3}(\.\d{3})+$/.test(raw)) plain = raw.replace(/\./g, ''); // 1.000.000: thousands
    else return bad('is not a number we can read: write it like 1000 or 2.5.');
  } else plain = raw;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return bad('is not a number.');
  const value = Number(plain);
  if (!Number.isFinite(value)) return bad('is too large.');
  return { ok: true, value };
}
