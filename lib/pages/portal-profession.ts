/**
 * The profession the portal's header shows under the practitioner's name ("Médecine générale", "Pharmacien
 * titulaire", a specialty such as "Psychiatrie"), read by what it says, never by an id or a class.
 *
 * A hint only. The welcome page, the options and the popup offer it, and the user saves it: the checks never
 * follow it on their own, since a page script could write anything in its header. Only the recognised value
 * (one of PROFESSIONS and a specialty id) ever leaves the page, never the header's text.
 */
import { normalize } from '../page-facts/dom';
import type { Profession } from './types';

export interface PortalProfession {
  profession: Profession;
  /** One of the options' specialty ids (components/ProfileForm.tsx SPECIALTIES), for specialists only. */
  specialty: string | null;
}

/**
 * Labels as the portal writes them (accents, case and hyphens ignored), tried in order. Specialties follow the
 * names of the médecin specialties of the Assurance Maladie's directory; one not listed is "autre".
 */
const LABELS: readonly (readonly [RegExp, Profession, string | null])[] = [
  [/^medecine generale|^medecin generaliste/, 'medecin-generaliste', null],
  [/^pharmacien(ne)?( (titulaire|adjoint|adjointe|gerant|gerante|d officine|remplacant|remplacante))?$/, 'pharmacien', null],
  [/^(pathologie )?cardio/, 'medecin-specialiste', 'cardiologie'],
  [/^dermato/, 'medecin-specialiste', 'dermatologie'],
  [/^endocrino/, 'medecin-specialiste', 'endocrinologie'],
  [/^(hepato )?gastro/, 'medecin-specialiste', 'gastro-enterologie'],
  [/^gyneco/, 'medecin-specialiste', 'gynecologie'],
  [/^neurologie/, 'medecin-specialiste', 'neurologie'],
  [/^ophtalmo/, 'medecin-specialiste', 'ophtalmologie'],
  [/^(orl|oto rhino)/, 'medecin-specialiste', 'orl'],
  [/^pediatr/, 'medecin-specialiste', 'pediatrie'],
  [/^pneumo/, 'medecin-specialiste', 'pneumologie'],
  [/^(neuro)?psychiatr/, 'medecin-specialiste', 'psychiatrie'],
  [/^radio(logie|diagnostic)/, 'medecin-specialiste', 'radiologie'],
  [/^rhumato/, 'medecin-specialiste', 'rhumatologie'],
  [
    /^(allergo|anatomo|anesthesi|biologie medicale|chirurgie|geriatr|genetique|hematolog|infectiolog|medecine (interne|intensive|nucleaire|physique|vasculaire|d urgence)|nephrolog|oncolog|radiotherap|stomatolog|urolog)/,
    'medecin-specialiste',
    'autre',
  ],
];

/**
 * Any of the labels: one test per header text before the label-by-label search. Made at the first question, since
 * the header is read only when asked, and a page load need not parse this pattern.
 */
let anyLabel: RegExp | undefined;
const anyLabelPattern = (): RegExp => (anyLabel ??= new RegExp(LABELS.map(([pattern]) => `(?:${String(pattern).slice(1, -1)})`).join('|'))); // flagless /…/: its text

/** Accent-free, lower case, words only. */
const normalise = (s: string): string =>
  normalize(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The profession a header label names, or null. What follows " - " (a town: "Médecine générale - Dijon") is
 * left out; "Médecin" alone, an office's name ("Pharmacie des Tilleuls") or a person's name name nothing.
 */
export function professionFromLabel(label: string): PortalProfession | null {
  const text = normalise(label.split(/\s[-–]\s/)[0] ?? '');
  if (!text || text.length > 80 || !anyLabelPattern().test(text)) return null;
  for (const [pattern, profession, specialty] of LABELS) if (pattern.test(text)) return { profession, specialty };
  return null;
}

/** At most this many short texts of the header are looked at. */
const MAX_TEXTS = 400;

/**
 * Reads the page's banner (`<header>` or role="banner"; the older screens' "entete" block otherwise) for a short
 * text naming a profession: null when there is none, or when two texts name different professions. Called only when
 * an extension page asks (entrypoints/amelipro.content/header-channel.ts), never at page load.
 */
export function readHeader(doc: Document): PortalProfession | null {
  const regions = [...doc.querySelectorAll<HTMLElement>('header, [role="banner"]')];
  if (!regions.length) regions.push(...doc.querySelectorAll<HTMLElement>('[id*="entete" i], [class*="entete" i]'));
  let found: PortalProfession | null = null;
  let seen = 0;
  for (const region of regions) {
    for (const el of region.querySelectorAll<HTMLElement>('p, span, div, li, dd')) {
      if (el.childElementCount > 1) continue;
      const text = el.textContent ?? '';
      if (text.length > 80 || !text.trim()) continue;
      if (++seen > MAX_TEXTS) return found;
      const hit = professionFromLabel(text);
      if (!hit) continue;
      if (found && (found.profession !== hit.profession || found.specialty !== hit.specialty)) return null;
      found = hit;
    }
  }
  return found;
}
