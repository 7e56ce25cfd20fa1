/** Points and payments read on «Ma Convention» by what the page says (labels, headings, header cells), whatever the markup. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseEuroAmount, readConventionStakes } from '../../../lib/page-facts/indicators';
import { HOST_TAG } from '../../../lib/host-tag';
import { conventionFeature } from '../../../lib/features/convention';
import { cleanOutput, FeatureManager, type ManagerState } from '../../../lib/features/manager';
import { copyStakes, MAX_PAYMENTS } from '../../../lib/indicators/stakes';
import { tabStateSchema } from '../../../lib/messages';
import { createSidePanelWatch } from '../../../entrypoints/amelipro.content/side-panel';

const ROOT = join(import.meta.dirname, '../..');
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const snapshot = (id: string) => parse(readFileSync(join(ROOT, 'portal/snapshots', `${id}.html`), 'utf8'));
const fixture = (name: string) => parse(readFileSync(join(ROOT, 'fixtures/stakes', `${name}.html`), 'utf8'));

describe('parseEuroAmount', () => {
  it.each([
    ['1 842,60 €', 1842.6],
    ['1\u00a0842,60\u00a0€', 1842.6],
    ['1\u202f842,60\u202f€', 1842.6],
    ['12\u202f345\u202f678,05 €', 12345678.05],
    ['3.215,40 EUR', 3215.4],
    ['412,8 €', 412.8],
    ['875 €', 875],
  ])('reads %j as %d (any space or a dot between thousands)', (raw, n) => expect(parseEuroAmount(raw)).toBe(n));
  it.each(['1 842,60', 'Montant indisponible', 'Le 15/09/2026'])('%j is no amount (no euro sign)', (raw) => expect(parseEuroAmount(raw)).toBeUndefined());
});

const FPMT = { kind: 'fpmt', year: 2026, paidOn: '2026-09-15', amount: 1842.6 };
const ROSP = { kind: 'rosp', year: 2025, paidOn: '2026-04-28', amount: 4912.35 };

describe('readConventionStakes', () => {
  it('doctor test page: the "Points acquis" tile and the table under «Mes rémunérations», by its header cells', () => {
    const stakes = readConventionStakes(snapshot('convention-medecin'));
    expect(stakes.points).toEqual({ acquired: 340, max: 420 });
    expect(stakes.payments).toEqual([FPMT, { kind: 'forfait-structure', year: 2025, paidOn: '2026-04-24', amount: 5873 }, ROSP]);
    expect(stakes.unreadable).toBeUndefined();
  });

  it('pharmacist test page: a table without header cells (the cell with € is the amount, the one with a date the date)', () => {
    const stakes = readConventionStakes(snapshot('convention-pharmacien'));
    expect(stakes.points).toBeUndefined();
    expect(stakes.payments?.[0]).toEqual({ kind: 'bon-usage', paidOn: '2026-10-17', amount: 412.8 });
    expect(stakes.payments?.[1]).toEqual({ kind: 'numerique-sante', paidOn: '2026-04-14', amount: 3215.4 });
    expect(stakes.unreadable).toBeUndefined();
  });

  it('a list of terms, with narrow no-break spaces in the numbers', () => {
    const stakes = readConventionStakes(fixture('dl-and-paragraphs'));
    expect(stakes.points).toEqual({ acquired: 215, max: 1000 });
    expect(stakes.payments).toEqual([FPMT, ROSP]);
  });

  it('plain paragraphs: "Points acquis : 12 points" (no maximum) and one payment a line; a line without amount is no payment', () => {
    const stakes = readConventionStakes(fixture('paragraphs'));
    expect(stakes.points).toEqual({ acquired: 12 });
    expect(stakes.payments).toEqual([
      { kind: 'bon-usage', paidOn: '2026-10-17', amount: 412.8 },
      { kind: 'numerique-sante', paidOn: '2026-04-14', amount: 3215.4 },
    ]);
  });

  it('a tile or a table that is there but cannot be read is said unreadable, never filled in', () => {
    const stakes = readConventionStakes(fixture('unreadable'));
    expect(stakes.points).toBeUndefined();
    expect(stakes.payments).toBeUndefined();
    expect(stakes.unreadable).toEqual(['points', 'payments']);
  });

  it('"Points acquis" found by its words, after other "points" of the page and across inline elements', () => {
    const doc = parse('<p>Points de vigilance : 3</p><div><p><span>Points</span> <span>acquis</span> : 120 / 400 points</p></div><p>Points acquis : 7</p>');
    expect(readConventionStakes(doc).points).toEqual({ acquired: 120, max: 400 });
    // a long paragraph that merely starts with the words is no label
    const long = parse(`<p>Points acquis au titre de l'année : ${'x'.repeat(90)}</p>`);
    expect(readConventionStakes(long)).toEqual({});
  });

  it('numbers past what the tab state carries are not read (the convention output would be refused)', () => {
    const doc = parse('<div><p>Points acquis : 99999999999 / 420</p></div><div><h2>Mes paiements</h2><p>ROSP : le 01/01/2026, 99 999 999 999,00 €</p></div>');
    expect(readConventionStakes(doc)).toEqual({ unreadable: ['points', 'payments'] });
  });

  it('a page that shows neither gives nothing (the side panel stays quiet)', () => {
    expect(readConventionStakes(snapshot('aat'))).toEqual({});
    expect(readConventionStakes(parse('<p>Points de vigilance : 3</p><h2>Remarques</h2><p>12,00 €</p>'))).toEqual({});
    // a payments card that names a payment without any amount: nothing to show, and nothing said unreadable
    expect(readConventionStakes(snapshot('convention-variante'))).toEqual({});
  });

  it('only the kind of a payment and its year leave the page, never its label: a label naming a person is « other »', () => {
    const row = (label: string) => `<tr><td>${label}</td><td>Le 01/10/2026</td><td>25,00 €</td></tr>`;
    const doc = parse(
      '<div><h2>Mes rémunérations</h2><table><thead><tr><th>Rémunération</th><th>Date</th><th>Montant</th></tr></thead><tbody>' +
        row('Jean DUPONT né le 12/05/1985') +
        row('Patient 1 85 05 75 123 456') +
        row('Forfait patientèle médecin traitant') +
        row('Dispensation à l’unité 2026') +
        '</tbody></table></div>',
    );
    const payments = readConventionStakes(doc).payments;
    expect(payments?.map((p) => [p.kind, p.year])).toEqual([
      ['other', undefined],
      ['other', undefined],
      ['fpmt', undefined],
      ['dispensation-unite', 2026],
    ]);
    expect(JSON.stringify(payments)).not.toMatch(/dupont|jean|1985|patient|123/i);
  });

  it('what the extension itself draws in the page is not read', () => {
    const doc = parse(`<${HOST_TAG}><h2>Mes rémunérations</h2><p>ROSP : le 01/01/2026, 10,00 €</p><p>Points acquis : 5</p></${HOST_TAG}>`);
    expect(readConventionStakes(doc)).toEqual({});
  });
});

describe('stakes travel with the tab state, not to storage', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const env = { page: 'convention-medecin', url: new URL('https://espacepro.ameli.fr/ma-convention'), doc: document, date: '2026-11-28' } as const;
  const showPage = () => {
    const html = readFileSync(join(ROOT, 'portal/snapshots/convention-medecin.html'), 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  };
  /** The content script's side-panel watch, told by "the background" (the extension's own id, no tab). */
  const panelSaying = (open: boolean) => {
    const panel = createSidePanelWatch();
    if (open) panel.heard({ ok: true, sidePanel: true });
    return panel;
  };

  it('the convention feature reports them while a side panel is open; the manager state and the tab-state schema carry them', async () => {
    showPage();
    const saved: unknown[] = [];
    const states: ManagerState[] = [];
    const m = new FeatureManager({ features: [conventionFeature], onChange: (s) => states.push(s) });
    m.start({
      ...env,
      profile: { profession: 'medecin-generaliste' },
      lang: 'fr',
      services: { saveSnapshots: (s) => void saved.push(...s) },
      sidePanel: panelSaying(true),
    });
    await sleep(400);
    const out: ManagerState = states.at(-1) ?? m.state();
    m.stop();
    expect(out.stakes?.points).toEqual({ acquired: 340, max: 420 });
    expect(out.stakes?.payments?.map((p) => p.amount)).toEqual([1842.6, 5873, 4912.35]);
    // the snapshots saved are the indicator tiles only: no amount goes to IndexedDB
    expect(JSON.stringify(saved)).not.toMatch(/1842|5873|4912|340/);
    const parsed = tabStateSchema.parse({ ...out, snoozed: 0, updatedAt: '2026-11-28T10:00:00.000Z' });
    expect(parsed.stakes).toEqual(out.stakes);
  });

  it('no side panel open: they are not read; read when one opens, without waiting for the page to change; dropped when it closes', async () => {
    showPage();
    const states: ManagerState[] = [];
    const panel = panelSaying(false);
    const m = new FeatureManager({ features: [conventionFeature], onChange: (s) => states.push(s) });
    m.start({ ...env, profile: { profession: 'medecin-generaliste' }, lang: 'fr', services: {}, sidePanel: panel });
    await sleep(300);
    expect(m.state().findings.length + m.state().cannotCheck.length).toBeGreaterThan(0); // the page was checked
    expect(m.state().stakes).toBeUndefined();
    const own = { id: fakeBrowser.runtime.id };
    // another tab's content script (it has a tab) is not the background: nothing changes
    expect(panel.receive({ type: 'side-panel', open: true }, { ...own, tab: { id: 3 } })).toBeUndefined();
    expect(m.state().stakes).toBeUndefined();
    await expect(panel.receive({ type: 'side-panel', open: true }, own)).resolves.toBe(true);
    expect(m.state().stakes?.points).toEqual({ acquired: 340, max: 420 });
    // a malformed message changes nothing
    panel.receive({ type: 'side-panel', open: 'no' }, own);
    panel.heard({ ok: true });
    expect(m.state().stakes?.points).toEqual({ acquired: 340, max: 420 });
    // the background's answer to a later tab state says the last panel closed
    panel.heard({ ok: true, sidePanel: false });
    expect(m.state().stakes).toBeUndefined();
    m.stop();
    // a stopped feature no longer listens
    panel.heard({ ok: true, sidePanel: true });
    expect(m.state().stakes).toBeUndefined();
  });

  it('a malformed or oversized report is refused (the output is dropped, the schema says no)', () => {
    const payment = { kind: 'rosp', paidOn: '2026-04-28', amount: 12 };
    expect(copyStakes({ payments: [payment], extra: 'x' })).toEqual({ payments: [payment] });
    expect(copyStakes({ points: { acquired: Number.NaN } })).toBeNull();
    expect(copyStakes({ payments: Array.from({ length: MAX_PAYMENTS + 1 }, () => payment) })).toBeNull();
    expect(copyStakes({ payments: [{ ...payment, kind: 'Jean DUPONT' }] })).toBeNull();
    expect(copyStakes({ payments: [{ ...payment, label: 'Jean DUPONT' }] })).toEqual({ payments: [payment] });
    expect(copyStakes({ payments: [{ ...payment, year: 1985 }] })).toBeNull();
    expect(copyStakes({ unreadable: ['patient'] })).toBeNull();
    expect(cleanOutput({ findings: [], cannotCheck: [], stakes: { points: { acquired: '340' } } })).toBeNull();
    const base = { page: 'convention-medecin', findings: [], cannotCheck: [], failed: [], ran: [], updatedAt: 'x' };
    expect(tabStateSchema.safeParse({ ...base, stakes: { payments: [{ ...payment, paidOn: '28/04/2026' }] } }).success).toBe(false);
    expect(tabStateSchema.safeParse({ ...base, stakes: { payments: [payment] } }).success).toBe(true);
    // a label sent anyway is not kept (the shape's fields only, on both sides)
    const parsed = tabStateSchema.parse({ ...base, stakes: { payments: [{ ...payment, label: 'Jean DUPONT' }] } });
    expect(JSON.stringify(parsed)).not.toMatch(/dupont/i);
    expect(parsed.stakes?.payments).toEqual([payment]);
  });
});
