// @vitest-environment jsdom
// A share link pasted into a tab that already shows the app (issue 17).
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/ui/store';
import { listenForSharedLinks } from '../../src/ui/openLink';
import { shareLink } from '../../src/ui/share';
import { getExample } from '../../src/model/examples';

describe('share links pasted into an open tab', () => {
  it('are read on hashchange like on a fresh load: asked about, then opened, and the # part cleared', () => {
    const store = createAppStore(structuredClone(getExample('loan')!.project));
    let cleared = 0;
    const stop = listenForSharedLinks(store, () => cleared++);
    const link = shareLink(getExample('repair')!.project, 'http://localhost/');
    if (!link.ok) throw new Error(link.message);
    window.location.hash = link.url.split('#')[1]!;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(cleared).toBe(1);
    const message = store.getState().message;
    expect(message?.title).toContain(getExample('repair')!.project.name);
    expect(store.getState().project.name).toBe('Bank loan application'); // not yet replaced
    message!.actions!.find((a) => a.testId === 'link-open')!.run();
    expect(store.getState().project.name).toBe(getExample('repair')!.project.name);
    stop();
  });

  it('a damaged link pasted into the tab says so and changes nothing', () => {
    const store = createAppStore(structuredClone(getExample('loan')!.project));
    const stop = listenForSharedLinks(store, () => undefined);
    window.location.hash = 'project=broken$$';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().message?.title).toBe('The shared link could not be opened');
    expect(store.getState().project.name).toBe('Bank loan application');
    stop();
  });
});
