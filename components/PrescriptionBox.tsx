/**
 * "Vérifier une ordonnance": a textarea checked by lib/prescription, line by line. What is typed lives only in
 * this component's state: never stored, never sent (the checker is loaded on first use to keep the popup fast).
 */
import { useState } from 'preact/hooks';
import { tr, type Lang } from '../lib/i18n';
import type { PrescriptionLine, PrescriptionResult } from '../lib/prescription';
import type { ShownFinding } from '../lib/features/types';
import { FindingList } from './FindingList';
import { S } from './surface-text';

export type PrescriptionChecker = (text: string, context: { date: string; profession?: string }) => Promise<PrescriptionResult> | PrescriptionResult;

/** The real checker, loaded lazily (lexicon included). */
export const lazyChecker: PrescriptionChecker = async (text, context) => {
  const mod = await import('../lib/prescription');
  return mod.checkPrescriptionWithLexicon(text, context);
};

export interface PrescriptionBoxProps {
  date: string;
  profession: string;
  lang: Lang;
  check?: PrescriptionChecker;
}

/**
 * The pasted lines' findings as the overlay shows a page's: one card per line (its number and medicines), each
 * finding with what it found on the line, the line written out in words under the card when it can be.
 */
export function shownOfLines(lines: readonly (PrescriptionLine & { n: number })[]): ShownFinding[] {
  return lines.flatMap((l) => {
    const products = l.products.map((p) => p.label.split(',')[0]).join(', ');
    const label = S.rxLine(l.n);
    const group = {
      key: `rx-line-${l.n}`,
      label: products ? { fr: `${label.fr} — ${products}`, en: `${label.en} — ${products}` } : label,
      ...(l.inWords ? { pageOnly: { fr: l.inWords, en: l.inWords } } : {}),
    };
    return l.findings.map((f) => ({
      ruleId: f.ruleId,
      featureId: 'prescription-box',
      severity: f.severity,
      title: f.title,
      message: f.text,
      group,
      ...(f.link ? { link: f.link } : {}),
    }));
  });
}

export function PrescriptionBox({ date, profession, lang, check = lazyChecker }: PrescriptionBoxProps) {
  const [text, setText] = useState('');
  const [lines, setLines] = useState<(PrescriptionLine & { n: number })[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!text.trim()) {
      setLines(null);
      return;
    }
    setBusy(true);
    try {
      const res = await check(text, { date, profession });
      setLines(res.lines.map((l, i) => ({ ...l, n: i + 1 })).filter((l) => l.text.trim() !== ''));
    } finally {
      setBusy(false);
    }
  };
  const withFindings = lines?.filter((l) => l.findings.length > 0) ?? [];
  const count = withFindings.reduce((n, l) => n + l.findings.length, 0);

  return (
    <form
      class="ca-rx"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <label for="rx-text">{tr(S.rxLabel, lang)}</label>
      <textarea
        id="rx-text"
        spellcheck={false}
        autocomplete="off"
        aria-describedby="rx-privacy"
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id="rx-privacy" class="ca-muted">
        {tr(S.rxPrivacy, lang)}
      </p>
      <div class="ca-row">
        <button type="submit" class="ca-btn" disabled={busy}>
          {tr(S.rxCheck, lang)}
        </button>
        <button
          type="button"
          class="ca-btn secondary"
          onClick={() => {
            setText('');
            setLines(null);
          }}
        >
          {tr(S.rxClear, lang)}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="rx-results">
        {lines !== null && (
          <>
            <p>{tr(S.rxResults(count), lang)}</p>
            {withFindings.length > 0 && <FindingList findings={shownOfLines(withFindings)} lang={lang} />}
          </>
        )}
      </div>
    </form>
  );
}

/** The box as a folded section of the popup or the side panel (`titleId` must be unique in the page). */
export function PrescriptionSection({ titleId, date, profession, lang }: { titleId: string } & Omit<PrescriptionBoxProps, 'check'>) {
  return (
    <section aria-labelledby={titleId} data-section="prescription">
      <details>
        <summary>
          <h2 id={titleId} class="ca-inline">
            {tr(S.rxTitle, lang)}
          </h2>
        </summary>
        <PrescriptionBox date={date} profession={profession} lang={lang} />
      </details>
    </section>
  );
}
