/**
 * Reads «Ma Convention» pages: indicator tiles (label, value, target, "Au JJ/MM/AAAA") and declaration
 * blocks ("La saisie sera fermée le …", "Indicateurs déjà déclarés : n/N"). Anchored on what the design
 * system renders for a tile (a progress bar labelled "Progression : <label>", "Objectif :" text), never on
 * generated ids or class names.
 */
import { leafSelector, leavesWithText, normalize } from './dom';
import { HOST_TAG } from '../host-tag';
import { findFrDate, parseFrDate, parseFrNumber } from './read';
import { indicatorIdFor } from '../indicators/definitions';
import { MAX_AMOUNT, MAX_PAYMENT_LABEL, MAX_PAYMENTS, MAX_POINTS, paymentKind, type ConventionStakes, type Payment } from '../indicators/stakes';

export type { ConventionStakes, Payment } from '../indicators/stakes';

export interface IndicatorTile {
  indicatorId: string;
  label: string;
  value: number;
  target?: number;
  unit: '%' | 'count' | 'done' | 'ratio';
  asOf?: string;
  /** 0..1, from value/target (or the progress bar when there is no target). */
  progress?: number;
}

export interface DeclarationBlock {
  title: string;
  open: boolean;
  closesOn?: string;
  declared?: number;
  total?: number;
}

/** "72 %" → 72 %, "1/2" → ratio, "Atteint" → done, "6" → count. */
export function parseIndicatorValue(raw: string): { value: number; unit: IndicatorTile['unit']; target?: number } | undefined {
  if (typeof raw !== 'string') return undefined;
  // Cheap pre-test before normalising: a value has a digit, or is one of the words below (accent-free fragments).
  if (!/\d|atteint|alis|oui|non/i.test(raw)) return undefined;
  const s = normalize(raw);
  if (/^(non )?atteint$|^realise$|^non realise$|^oui$|^non$/.test(s)) return { value: /^(atteint|realise|oui)$/.test(s) ? 1 : 0, unit: 'done', target: 1 };
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
  if (frac) return { value: Number(frac[1]), unit: 'ratio', target: Number(frac[2]) };
  const n = parseFrNumber(s);
  if (n === undefined) return undefined;
  return { value: n, unit: /%/.test(s) ? '%' : 'count' };
}

function ownText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** How far above its progress bar a tile may start (the portal's tiles: one or two levels). */
const MAX_TILE_DEPTH = 6;

/**
 * The largest ancestor of `bar` that holds no other progress bar (the tile), at most MAX_TILE_DEPTH levels up and
 * never `<body>` or the document root: a lone bar elsewhere on the page must not take the page's first text (a
 * patient banner, a heading) for its label.
 */
function tileOf(bar: Element, bars: readonly Element[]): Element | null {
  const doc = bar.ownerDocument;
  const isRoot = (e: Element) => e === doc.body || e === doc.documentElement;
  let el: Element | null = bar.parentElement;
  if (!el || isRoot(el)) return null;
  for (let depth = 1; el.parentElement && depth < MAX_TILE_DEPTH; depth++) {
    const parent: Element = el.parentElement;
    if (isRoot(parent) || bars.some((b) => b !== bar && parent.contains(b))) return el;
    el = parent;
  }
  return el;
}

/** A tile's texts: its paragraphs, spans, headings and terms without element children. */
const TILE_TEXTS = leafSelector(['p', 'span', 'h3', 'h4', 'dt', 'dd']);

export function readIndicatorTiles(doc: Document): IndicatorTile[] {
  const tiles: IndicatorTile[] = [];
  const seen = new Set<string>();
  const bars = Array.from(doc.querySelectorAll('[role="progressbar"]')).filter((b) => !b.closest(HOST_TAG));
  for (const bar of bars) {
    const tile = tileOf(bar, bars);
    if (!tile) continue;
    const aria = bar.getAttribute('aria-label') ?? '';
    const texts = Array.from(tile.querySelectorAll(TILE_TEXTS), ownText).filter(Boolean);
    const labelFromAria = /progression\s*:\s*(.+)$/i.exec(aria)?.[1]?.trim();
    const label = labelFromAria ?? texts[0];
    if (!label) continue;
    const targetText = texts.find((t) => /^objectif\s*:/i.test(t));
    const dateText = texts.find((t) => /^au\s+\d{1,2}\/\d{1,2}\/\d{4}/i.test(t));
    const valueText = texts.find((t) => t !== label && t !== targetText && t !== dateText && parseIndicatorValue(t) !== undefined);
    if (!valueText) continue;
    const parsed = parseIndicatorValue(valueText)!;
    const targetParsed = targetText ? parseIndicatorValue(targetText.replace(/^objectif\s*:/i, '')) : undefined;
    const target = parsed.unit === 'ratio' || parsed.unit === 'done' ? parsed.target : targetParsed?.value;
    const { id } = indicatorIdFor(normalize(label));
    if (seen.has(id)) continue;
    seen.add(id);
    const now = Number(bar.getAttribute('aria-valuenow'));
    const max = Number(bar.getAttribute('aria-valuemax') || 100);
    const progress = target ? Math.min(1, Math.max(0, parsed.value / target)) : Number.isFinite(now) && max > 0 ? Math.min(1, now / max) : undefined;
    const asOf = dateText ? findFrDate(dateText) : undefined;
    tiles.push({
      indicatorId: id,
      label,
      value: parsed.value,
      ...(target !== undefined ? { target } : {}),
      unit: parsed.unit,
      ...(asOf ? { asOf } : {}),
      ...(progress !== undefined ? { progress } : {}),
    });
  }
  return tiles;
}

/** The leaf texts the declaration readers look at ("La saisie …", "… déclarés : n/N"): one walk serves them all. */
export function declarationTexts(doc: Document): Element[] {
  return leavesWithText(doc, ['saisie', 'clar']);
}

export function readDeclarationBlocks(doc: Document, texts: readonly Element[] = declarationTexts(doc)): DeclarationBlock[] {
  const blocks: DeclarationBlock[] = [];
  const candidates = texts.filter((e) => /la saisie (sera fermee|est ouverte|n'est pas ouverte|est fermee)/.test(normalize(e.textContent)));
  for (const dateEl of candidates) {
    if (dateEl.closest(HOST_TAG)) continue;
    // the block: nearest ancestor that also has a heading
    let block: Element | null = dateEl.parentElement;
    while (block && !block.querySelector('h2, h3, h4, [role="heading"]')) block = block.parentElement;
    if (!block) continue;
    const title = ownText(block.querySelector('h3, h4, h2, [role="heading"]')!);
    const text = normalize(dateEl.textContent);
    const open = !/n'est pas ouverte|est fermee/.test(text);
    const closeMatch = /fermee le (\d{1,2}\/\d{1,2}\/\d{4})/.exec(text);
    const countEl = texts.find((e) => block!.contains(e) && /declares?\s*:\s*\d+\s*\/\s*\d+/.test(normalize(e.textContent)));
    const count = countEl ? /(\d+)\s*\/\s*(\d+)/.exec(normalize(countEl.textContent)) : null;
    const closesOn = closeMatch ? parseFrDate(closeMatch[1]) : undefined;
    blocks.push({
      title,
      open,
      ...(closesOn ? { closesOn } : {}),
      ...(count ? { declared: Number(count[1]), total: Number(count[2]) } : {}),
    });
  }
  return blocks;
}

const SPACES = '\\s\\u00a0\\u202f';
const AMOUNT_RE = new RegExp(`(-?\\d{1,3}(?:[${SPACES}.]\\d{3})+|-?\\d+)(?:,(\\d{1,2}))?[${SPACES}]*(?:€|eur(?:os?)?\\b)`, 'i');

/** "1 842,60 €" (spaces, no-break or narrow no-break spaces, or dots between thousands) → 1842.6; no euro sign → undefined. */
export function parseEuroAmount(raw: string): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = AMOUNT_RE.exec(raw);
  if (!m) return undefined;
  const n = Number(`${m[1]!.replace(/[\s\u00a0\u202f.]/g, '')}.${m[2] ?? '0'}`);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : undefined;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const outsideOverlay = (e: Element) => !e.closest(HOST_TAG);

const POINTS_LABEL_TAGS = new Set(['P', 'SPAN', 'DIV', 'DT', 'TH', 'H2', 'H3', 'H4', 'STRONG', 'LABEL', 'LI']);
const POINTS_LABEL = /^\s*points\s+acquis\b/i;

/**
 * The innermost short block (a paragraph, term, heading, label… of under 80 characters) whose text starts with
 * "Points acquis", outside the overlay: found from the page's text nodes that hold the word "points", each one's
 * blocks looked at from the inside out, so that the text of every block of the page is not built to be tested.
 */
function pointsLabel(doc: Document): Element | undefined {
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/points/i.test(node.nodeValue ?? '')) continue;
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      if (!POINTS_LABEL_TAGS.has(el.tagName)) continue;
      const raw = el.textContent ?? '';
      if (normalize(raw).length >= 80) break; // the blocks around it only get longer
      if (POINTS_LABEL.test(raw) && outsideOverlay(el)) return el;
    }
  }
  return undefined;
}

/** "Points acquis" then "340 / 420 points" (or "340 sur 420", or "340 points"), in the same tile, term or paragraph. */
function readPoints(doc: Document): { found: boolean; points?: ConventionStakes['points'] } {
  const label = pointsLabel(doc);
  if (!label) return { found: false };
  const num = `(\\d[\\d${SPACES}]*)`;
  const re = new RegExp(`^points acquis\\s*:?\\s*${num}(?:\\s*(?:/|sur)\\s*${num})?\\s*(?:points?\\b|$|\\s*\\()`);
  // the label's own text first ("Points acquis : 340 / 420"), then the tile around it, at most three levels up
  let el: Element | null = label;
  for (let depth = 0; el && depth < 4 && el !== doc.body; depth++, el = el.parentElement) {
    const text = normalize(el.textContent).replace(/[\u00a0\u202f]/g, ' ');
    const at = text.indexOf('points acquis');
    const m = at >= 0 ? re.exec(text.slice(at)) : null;
    if (m) {
      const acquired = Number(m[1]!.replace(/\s/g, ''));
      const max = m[2] === undefined ? undefined : Number(m[2].replace(/\s/g, ''));
      // a number past what the tab state carries is not a count of points: said unreadable
      if (acquired > MAX_POINTS || (max !== undefined && max > MAX_POINTS)) return { found: true };
      return { found: true, points: { acquired, ...(max !== undefined && max > 0 ? { max } : {}) } };
    }
  }
  return { found: true };
}

/**
 * What a payment's label says, as a kind and a year ("ROSP clinique - exercice 2025" → rosp, 2025): the label itself
 * never leaves the page. A label too long to be one (a paragraph of the page) is not a payment row.
 */
function paymentOfLabel(label: string): Pick<Payment, 'kind' | 'year'> | undefined {
  if (label.length > MAX_PAYMENT_LABEL) return undefined;
  const year = /\b(20\d\d)\b/.exec(label)?.[1];
  return { kind: paymentKind(normalize(label)), ...(year ? { year: Number(year) } : {}) };
}

type Column = 'label' | 'date' | 'amount';
const columnOf = (header: string): Column | undefined => {
  const h = normalize(header);
  if (/montant|somme|€/.test(h)) return 'amount';
  if (/date|verse le|paye le/.test(h)) return 'date';
  if (/remuneration|libelle|nature|intitule|objet/.test(h)) return 'label';
  return undefined;
};

/** One payment from a row's cells: the columns when the table names them, else the cell with "€", the one with a date, the rest. */
function paymentOf(cells: readonly string[], columns: readonly (Column | undefined)[]): Payment | undefined {
  const at = (c: Column) => columns.indexOf(c);
  const named = at('amount') >= 0;
  const amountIdx = named ? at('amount') : cells.findIndex((c) => parseEuroAmount(c) !== undefined);
  const dateIdx = at('date') >= 0 ? at('date') : cells.findIndex((c, i) => i !== amountIdx && findFrDate(c) !== undefined);
  const labelIdx = at('label') >= 0 ? at('label') : cells.findIndex((c, i) => i !== amountIdx && i !== dateIdx && c !== '');
  const amount = amountIdx >= 0 ? parseEuroAmount(cells[amountIdx] ?? '') : undefined;
  const what = paymentOfLabel(labelIdx >= 0 ? clean(cells[labelIdx]) : '');
  if (amount === undefined || Math.abs(amount) > MAX_AMOUNT || !what) return undefined;
  const paidOn = dateIdx >= 0 ? findFrDate(cells[dateIdx] ?? '') : undefined;
  return { ...what, ...(paidOn ? { paidOn } : {}), amount };
}

/** A line written as text ("ROSP clinique - exercice 2025 : le 28/04/2026, 4 912,35 €"): the label is what comes before the date. */
function paymentOfLine(text: string): Payment | undefined {
  const line = clean(text);
  const amount = parseEuroAmount(line);
  if (amount === undefined || Math.abs(amount) > MAX_AMOUNT) return undefined;
  const date = /(?:\b(?:le|vers[ée] le|pay[ée] le)\s+)?(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(line);
  const amountAt = AMOUNT_RE.exec(line)!.index;
  const cut = Math.min(date?.index ?? line.length, amountAt);
  const label = line
    .slice(0, cut)
    .replace(/[\s:,;–—-]+$/, '')
    .trim();
  const what = paymentOfLabel(label);
  if (!what) return undefined;
  const paidOn = date ? parseFrDate(date[1]) : undefined;
  return { ...what, ...(paidOn ? { paidOn } : {}), amount };
}

/** The heading of the payments: «Mes rémunérations», «Rémunérations», «Vos derniers paiements». */
const PAYMENTS_HEADING = /^(mes |vos )?(dern[a-z]* )?(remunerations|paiements)\b/;

/**
 * The section a payments heading opens: its nearest ancestor that also holds a table, a list of terms, a list or a
 * line with an amount (at most five levels up).
 */
function paymentsSection(heading: Element): Element | null {
  let el: Element | null = heading.parentElement;
  for (let depth = 0; el && depth < 5 && el !== heading.ownerDocument.body; depth++, el = el.parentElement) {
    if (el.querySelector('table, dl, ul, ol') || AMOUNT_RE.test(el.textContent ?? '')) return el;
  }
  return null;
}

function readPayments(doc: Document): { found: boolean; payments: Payment[] } {
  const headings = Array.from(doc.querySelectorAll('h1, h2, h3, h4, [role="heading"], caption')).filter(
    (h) => outsideOverlay(h) && PAYMENTS_HEADING.test(normalize(h.textContent)),
  );
  for (const heading of headings) {
    const section = paymentsSection(heading);
    if (!section) continue;
    const payments: Payment[] = [];
    const table = heading.closest('table') ?? section.querySelector('table');
    if (table) {
      const headers = Array.from(table.querySelectorAll('thead th, tr:first-child th'), (th) => columnOf(th.textContent ?? ''));
      for (const row of Array.from(table.querySelectorAll('tr'))) {
        const cells = Array.from(row.querySelectorAll('td'), (td) => clean(td.textContent));
        if (cells.length === 0) continue;
        const p = headers.length === cells.length ? paymentOf(cells, headers) : paymentOf(cells, []);
        if (p) payments.push(p);
      }
    } else if (section.querySelector('dl')) {
      for (const dt of Array.from(section.querySelectorAll('dt'))) {
        const parts = [clean(dt.textContent)];
        for (let dd = dt.nextElementSibling; dd && dd.tagName === 'DD'; dd = dd.nextElementSibling) parts.push(clean(dd.textContent));
        const p = paymentOf(parts, []);
        if (p) payments.push(p);
      }
    } else {
      const lines = Array.from(section.querySelectorAll('li, p')).filter((e) => e !== heading && !e.querySelector('li, p'));
      for (const line of lines) {
        const p = paymentOfLine(line.textContent ?? '');
        if (p) payments.push(p);
      }
    }
    return { found: true, payments: payments.slice(0, MAX_PAYMENTS) };
  }
  return { found: false, payments: [] };
}

/** What «Ma Convention» shows of the points acquired and the last payments; `{}` when it shows neither. */
export function readConventionStakes(doc: Document): ConventionStakes {
  const points = readPoints(doc);
  const payments = readPayments(doc);
  const unreadable: Array<'points' | 'payments'> = [];
  if (points.found && !points.points) unreadable.push('points');
  if (payments.found && payments.payments.length === 0) unreadable.push('payments');
  return {
    ...(points.points ? { points: points.points } : {}),
    ...(payments.payments.length ? { payments: payments.payments } : {}),
    ...(unreadable.length ? { unreadable } : {}),
  };
}
