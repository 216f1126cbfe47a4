import LZString from 'lz-string';
import { describe, expect, it, vi } from 'vitest';
import { getExample } from '../../src/model/examples';
import { MAX_LINK_LENGTH, readShareFragment, shareLink } from '../../src/ui/share';
import { openSharedLink } from '../../src/ui/openLink';
import { createAppStore } from '../../src/ui/store';
import * as edits from '../../src/ui/store/edits';

const loan = () => structuredClone(getExample('loan')!.project);
const repair = () => structuredClone(getExample('repair')!.project);
const fragment = (url: string) => url.slice(url.indexOf('#'));

describe('share links', () => {
  it('carry the whole project in the fragment and read back the same project', () => {
    for (const ex of ['loan', 'contact-centre', 'repair']) {
      const p = structuredClone(getExample(ex)!.project);
      const link = shareLink(p, 'http://127.0.0.1:4173/app/index.html#old');
      if (!link.ok) throw new Error(link.message);
      expect(link.url.startsWith('http://127.0.0.1:4173/app/index.html#project=')).toBe(true);
      expect(link.url).not.toContain('#old');
      expect(link.url.length).toBeLessThan(MAX_LINK_LENGTH);
      expect(readShareFragment(fragment(link.url))).toEqual({ kind: 'ok', project: p });
    }
  });

  it('refuses a project too large for a link and says to use a file', () => {
    const p = loan();
    let x = 12345; // a small LCG: text that does not compress
    const noise = () => Array.from({ length: 2000 }, () => String.fromCharCode(33 + ((x = (x * 1103515245 + 12345) % 2147483648) % 90))).join('');
    p.scenarios.forEach((s) => s.flow.nodes.forEach((n) => (n.description = noise())));
    const link = shareLink(p, 'http://x/');
    expect(link.ok).toBe(false);
    if (!link.ok) {
      expect(link.length).toBeGreaterThan(MAX_LINK_LENGTH);
      expect(link.message).toMatch(/Save to send it as a file/);
    }
  });

  it('names what is wrong with a damaged, foreign or newer link', () => {
    expect(readShareFragment('')).toEqual({ kind: 'none' });
    expect(readShareFragment('#section-2')).toEqual({ kind: 'none' });
    const damaged = readShareFragment('#project=@@@not-lz@@@');
    expect(damaged.kind).toBe('broken');
    const good = shareLink(loan(), 'http://x/');
    if (!good.ok) throw new Error('expected a link');
    const cut = readShareFragment(fragment(good.url).slice(0, 400));
    expect(cut.kind).toBe('broken');
    const notJson = readShareFragment('#project=' + LZString.compressToEncodedURIComponent('hello'));
    expect(notJson).toMatchObject({ kind: 'broken', lines: [expect.stringMatching(/not valid JSON/)] });
    const newer = readShareFragment('#project=' + LZString.compressToEncodedURIComponent(JSON.stringify({ ...loan(), formatVersion: 99 })));
    expect(newer).toMatchObject({ kind: 'broken', lines: [expect.stringMatching(/formatVersion: .*newer version/)] });
    const badField = loan() as unknown as { run: { seed: unknown } };
    badField.run.seed = 'soon';
    const bad = readShareFragment('#project=' + LZString.compressToEncodedURIComponent(JSON.stringify(badField)));
    expect(bad).toMatchObject({ kind: 'broken', lines: [expect.stringMatching(/^run\.seed: /)] });
  });
});

describe('opening a link at start-up', () => {
  const linkTo = (p: ReturnType<typeof loan>) => {
    const l = shareLink(p, 'http://x/');
    if (!l.ok) throw new Error('expected a link');
    return fragment(l.url);
  };

  it('opens it directly when there was no project of the user, and clears the fragment', () => {
    const store = createAppStore(loan());
    const clear = vi.fn();
    openSharedLink(store, linkTo(repair()), false, clear);
    expect(store.getState().project.name).toBe(repair().name);
    expect(clear).toHaveBeenCalledOnce();
    expect(store.getState().message).toBeUndefined();
  });

  it('asks before replacing the user own project, and keeps it when told to', () => {
    const mine = { ...edits.emptyProject(), name: 'My work' };
    const store = createAppStore(mine);
    openSharedLink(store, linkTo(repair()), true, () => undefined);
    const msg = store.getState().message!;
    expect(msg.title).toContain(repair().name);
    expect(store.getState().project.name).toBe('My work');
    msg.actions!.find((a) => a.testId === 'link-keep')!.run();
    expect(store.getState().project.name).toBe('My work');
    openSharedLink(store, linkTo(repair()), true, () => undefined);
    store.getState().message!.actions!.find((a) => a.testId === 'link-open')!.run();
    expect(store.getState().project.name).toBe(repair().name);
    store.temporal.getState().undo(); // the user's project is one Undo away
    expect(store.getState().project.name).toBe('My work');
  });

  it('a broken link leaves the user project as it was and says so', () => {
    const mine = { ...edits.emptyProject(), name: 'My work' };
    const store = createAppStore(mine);
    openSharedLink(store, '#project=garbage', true, () => undefined);
    expect(store.getState().project).toBe(mine);
    const msg = store.getState().message!;
    expect(msg.kind).toBe('error');
    expect(msg.lines.at(-1)).toContain('"My work" is unchanged');
  });
});
