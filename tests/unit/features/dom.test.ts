import { describe, expect, it, vi } from 'vitest';
import { findControlByLabel, findControlsByLabel, labelText, memoPerTask, normalize } from '../../../lib/page-facts/dom';

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

describe('a field found by its label', () => {
  it('is one a value is typed or chosen in: never a radio button, a box, a button or a file picker saying the same words', () => {
    document.body.innerHTML = `
      <label><input type="radio" id="r" name="k"> Date de début connue</label>
      <label><input type="CHECKBOX" id="c"> Date de début à préciser</label>
      <input type="submit" id="s" aria-label="Date de début : valider">
      <input type="button" id="b" aria-label="Date de début : calendrier">
      <input type="file" id="p" aria-label="Date de début : pièce">
      <input type="hidden" id="h" aria-label="Date de début">
      <div class="p2-field"><label for="f">Date de début</label><input type="text" id="f"></div>
      <div class="p2-field"><label for="d">Date de début (autre format)</label><input type="date" id="d"></div>
      <div class="p2-field"><label for="l">Date de début (liste)</label><select id="l"></select></div>
      <div class="p2-field"><label for="x">Date de début (type inconnu)</label><input type="jour" id="x"></div>`;
    expect(findControlsByLabel(document, /date de debut/).map((c) => c.id)).toEqual(['f', 'd', 'l', 'x']);
    expect(findControlByLabel(document, /date de debut/)?.id).toBe('f');
  });
});

describe('the shared change feed', () => {
  it('ignores the extension inserting or removing its own elements, not the page doing the same', async () => {
    const { markOwn, onPageChange } = await import('../../../lib/page-facts/dom');
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

describe('normalize', () => {
  /** The definition: decompose, drop the combining accents, collapse spaces, trim, lower case. */
  const reference = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();

  it('equals its definition on French labels, spaces of every kind, decomposed accents and random text', () => {
    const samples = [
      'Date de début de l’arrêt * Champ obligatoire',
      'PRÉNOM',
      '  Numéro\u00a0de\u202fsécurité   sociale\n',
      'Cafe\u0301 de\u0301ja\u0300',
      'İstanbul ǅ Ǆ ﬁ ẞ Ω Å',
      'plain ascii  text',
      '',
    ];
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      const len = Math.floor(rnd() * 12);
      const ascii = rnd() < 0.5;
      samples.push(String.fromCharCode(...Array.from({ length: len }, () => Math.floor(rnd() * (ascii ? 128 : 0x3000)))));
    }
    for (const s of samples) expect(normalize(s), JSON.stringify(s)).toBe(reference(s));
    expect(normalize(null)).toBe('');
    expect(normalize(undefined)).toBe('');
  });
});

describe('labelText', () => {
  it('drops the required-field suffix, and reads a changed label afresh in a later task', async () => {
    const label = document.createElement('label');
    label.textContent = 'Date de début * Champ obligatoire';
    document.body.append(label);
    expect(labelText(label)).toBe('date de debut');
    label.textContent = 'Date de fin';
    expect(labelText(label)).toBe('date de debut'); // same synchronous pass: read once
    await Promise.resolve();
    expect(labelText(label)).toBe('date de fin');
    expect(labelText(null)).toBe('');
    label.remove();
  });
});

describe('labelFor', () => {
  it('finds the first <label for> in page order, whatever characters the id holds, and a label added later', async () => {
    const { labelFor } = await import('../../../lib/page-facts/dom');
    document.body.innerHTML =
      '<label for="a:1 &quot;x&quot;">Premier</label><label for="a:1 &quot;x&quot;">Second</label><input id="a:1 &quot;x&quot;"><input id="b"><input>';
    const [a, b, none] = Array.from(document.querySelectorAll('input'));
    expect(labelFor(a!)?.textContent).toBe('Premier');
    expect(labelFor(b!)).toBeNull();
    expect(labelFor(none!)).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    b!.insertAdjacentHTML('beforebegin', '<label for="b">Date de fin</label>');
    expect(labelFor(b!)?.textContent).toBe('Date de fin');
    expect(findControlByLabel(document, /date de fin/)).toBe(b);
  });
});

describe('leavesWithText', () => {
  it('gives the p, div and span leaves whose text holds a fragment, without case, in page order', async () => {
    const { leavesWithText } = await import('../../../lib/page-facts/dom');
    document.body.innerHTML =
      '<div id="outer">La saisie est ouverte <span id="s1">Déclarés : 3/5</span></div>' +
      '<p id="p1">LA SAISIE sera fermée le 31/12/2026</p><li>saisie dans une liste</li>' +
      '<div id="d2">Rien à voir</div><span id="s2">sai<!-- -->sie</span><div id="d3"><b>saisie</b></div>' +
      '<p id="p3"><!--v-if-->Indicateurs déjà déclarés : 2/4</p><div id="d4">   </div>';
    const ids = (els: Element[]) => els.map((e) => e.id);
    expect(ids(leavesWithText(document, ['saisie', 'clar']))).toEqual(['s1', 'p1', 's2', 'p3']);
    expect(ids(leavesWithText(document.getElementById('outer')!, ['clar']))).toEqual(['s1']);
    expect(ids(leavesWithText(document.getElementById('p1')!, ['saisie']))).toEqual(['p1']);
    expect(leavesWithText(document, [])).toEqual([]);
  });
});
