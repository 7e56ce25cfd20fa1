import { describe, expect, it, vi } from 'vitest';
import { findControlByLabel, memoPerTask } from '../../../lib/features/dom';

describe('memoPerTask', () => {
  it('computes once per element within a task, afresh after it', async () => {
    const fn = vi.fn((el: { n: number }) => el.n * 2);
    const memo = memoPerTask(fn);
    const a = { n: 1 };
    const b = { n: 2 };
    expect([memo(a), memo(a), memo(b), memo(a)]).toEqual([2, 2, 4, 2]);
    expect(fn).toHaveBeenCalledTimes(2);
    a.n = 5;
    await Promise.resolve();
    expect(memo(a)).toBe(10);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('a label renamed by the page between two passes is read again', async () => {
    document.body.innerHTML = '<div class="v-input"><label for="f1">Date de début</label><input id="f1"></div>';
    expect(findControlByLabel(document, /date de debut/)?.id).toBe('f1');
    document.querySelector('label')!.textContent = 'Début de l’arrêt';
    await new Promise((r) => setTimeout(r, 0));
    expect(findControlByLabel(document, /date de debut/)).toBeNull();
    expect(findControlByLabel(document, /debut de l.arret/)?.id).toBe('f1');
  });
});

describe('the shared change feed', () => {
  it('ignores the extension inserting or removing its own elements, not the page doing the same', async () => {
    const { markOwn, onPageChange } = await import('../../../lib/features/dom');
    document.body.innerHTML = '<main><p>Portail</p></main>';
    const life = new AbortController();
    let changes = 0;
    onPageChange(document, life.signal, () => changes++);
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const ours = markOwn(document.createElement('compagnon-amelipro'));
    document.body.append(ours);
    await settle();
    expect(changes).toBe(0);
    ours.remove();
    await settle();
    expect(changes).toBe(0);
    // a look-alike element made by the page is the page's change
    document.body.append(document.createElement('compagnon-amelipro'));
    await settle();
    expect(changes).toBe(1);
    // ours inserted in the same batch as a page change: the page change counts
    document.body.append(markOwn(document.createElement('compagnon-amelipro-note')));
    document.querySelector('p')!.textContent = 'Portail modifié';
    await settle();
    expect(changes).toBe(2);
    life.abort();
  });
});
