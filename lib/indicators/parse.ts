/**
 * Reads «Ma Convention» pages: indicator tiles (label, value, target, "Au JJ/MM/AAAA") and declaration
 * blocks ("La saisie sera fermée le …", "Indicateurs déjà déclarés : n/N"). Anchored on what the design
 * system renders for a tile (a progress bar labelled "Progression : <label>", "Objectif :" text), never on
 * generated ids or class names.
 */
import { leavesWithText, normalize } from '../features/dom';
import { HOST_TAG } from '../host-tag';
import { findFrDate, parseFrDate, parseFrNumber } from '../features/read';
import { indicatorIdFor } from './definitions';

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

export function readIndicatorTiles(doc: Document): IndicatorTile[] {
  const tiles: IndicatorTile[] = [];
  const seen = new Set<string>();
  const bars = Array.from(doc.querySelectorAll('[role="progressbar"]')).filter((b) => !b.closest(HOST_TAG));
  for (const bar of bars) {
    const tile = tileOf(bar, bars);
    if (!tile) continue;
    const aria = bar.getAttribute('aria-label') ?? '';
    const texts = Array.from(tile.querySelectorAll('p, span, h3, h4, dt, dd'))
      .filter((e) => e.children.length === 0)
      .map(ownText)
      .filter(Boolean);
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
