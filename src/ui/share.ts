// Share links: the whole project, compressed (lz-string) into the URL fragment. The fragment is
// never sent to a server, so a link shares a project without uploading it anywhere.
import LZString from 'lz-string';
import { describeProblem, loadProjectText } from '../model/load';
import type { Project } from '../model/schema';

export const LINK_KEY = 'project';
/**
 * The longest link we hand out. Current browsers accept far longer addresses (Chromium 2 MB), but
 * e-mail clients, chat tools and older software cut links somewhere above 32,000 characters, so
 * longer projects are shared as a file instead.
 */
export const MAX_LINK_LENGTH = 32_000;

export type ShareLink = { ok: true; url: string } | { ok: false; length: number; message: string };

/** A link that opens `project`, built on `pageUrl` (the app's address; its fragment is replaced). */
export function shareLink(project: Project, pageUrl: string): ShareLink {
  const base = pageUrl.split('#')[0]!;
  const url = `${base}#${LINK_KEY}=${LZString.compressToEncodedURIComponent(JSON.stringify(project))}`;
  if (url.length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      length: url.length,
      message: `This project needs a link of ${url.length.toLocaleString('en')} characters, more than the ${MAX_LINK_LENGTH.toLocaleString('en')} that links can safely carry. Use Save to send it as a file instead.`,
    };
  }
  return { ok: true, url };
}

export type SharedProject = { kind: 'none' } | { kind: 'ok'; project: Project } | { kind: 'broken'; lines: string[] };

/** Reads a project from a location fragment (`#project=…`); never throws. */
export function readShareFragment(hash: string): SharedProject {
  const prefix = `#${LINK_KEY}=`;
  if (!hash.startsWith(prefix)) return { kind: 'none' };
  const payload = hash.slice(prefix.length);
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return { kind: 'broken', lines: ['The link is incomplete or damaged: it does not contain a project (was it cut off when it was copied?).'] };
  const r = loadProjectText(text);
  if (!r.ok) return { kind: 'broken', lines: r.problems.slice(0, 8).map(describeProblem) };
  return { kind: 'ok', project: r.project };
}
