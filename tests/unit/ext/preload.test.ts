/** The loader's guess that the page will need the prescription-line reader: a text area that already holds text. */
import { describe, expect, it } from 'vitest';
import { textAreaWritten } from '../../../entrypoints/amelipro.content/preload';

const page = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');

describe('textAreaWritten', () => {
  it('is false without a text area, or with empty ones (spaces only included)', () => {
    expect(textAreaWritten(page('<input value="PARACETAMOL 1 g"><p>Ordonnance</p>'))).toBe(false);
    expect(textAreaWritten(page('<textarea></textarea><textarea>  \n </textarea>'))).toBe(false);
  });

  it('is true when one holds text, written in the markup or set by the page', () => {
    expect(textAreaWritten(page('<textarea></textarea><textarea>PARACETAMOL 1 g</textarea>'))).toBe(true);
    const doc = page('<textarea aria-label="Médicament"></textarea>');
    doc.querySelector('textarea')!.value = 'TRAMADOL 50 mg';
    expect(textAreaWritten(doc)).toBe(true);
  });
});
