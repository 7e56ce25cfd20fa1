/** Short changelog shown once in the options after an update (newest first). */
import type { Text } from '../../lib/i18n';

export interface ChangelogEntry {
  version: string;
  items: Text[];
}

export const CHANGELOG: readonly ChangelogEntry[] = [
  {
    version: '0.1.0',
    items: [
      {
        fr: 'Liste « Avant de transmettre » dans la fenêtre de l’extension, préremplie par les remarques de l’onglet.',
        en: '"Before submitting" checklist in the extension window, pre-filled from the tab’s findings.',
      },
      {
        fr: 'Vérification d’une ordonnance (tramadol, codéine, AGLP-1) sans rien enregistrer.',
        en: 'Prescription check (tramadol, codeine, GLP-1) with nothing stored.',
      },
      {
        fr: 'Panneau d’aide : remarques de la page, indicateurs et échéances de déclaration, aide sur toutes les règles.',
        en: 'Help panel: page findings, indicators and declaration deadlines, help on every rule.',
      },
    ],
  },
];

/** Entries newer than the last version seen (all of the current one on first install). */
export function changesSince(lastSeen: string | null, current: string): ChangelogEntry[] {
  if (lastSeen === current) return [];
  const cmp = (a: string, b: string) => {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
    return 0;
  };
  return CHANGELOG.filter((e) => cmp(e.version, current) <= 0 && (lastSeen === null || cmp(e.version, lastSeen) > 0));
}
