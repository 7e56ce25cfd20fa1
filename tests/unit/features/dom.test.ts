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
