import { describe, expect, it } from 'vitest';
import { DEADLINE_BADGE_DAYS, deadlineBadge, deadlineOf } from '../../../lib/background/hub';
import { toShown } from '../../../lib/features/present';
import type { TabState } from '../../../lib/messages';
import { evaluate } from '../../../lib/rules';

const state = (page: TabState['page'], closesOn?: string): TabState => ({
  page,
  findings: evaluate(
    { page: 'convention-medecin', facts: { indicators: { declared: 1, total: 3, ...(closesOn ? { declarationClosesOn: closesOn } : {}) } } },
    { date: '2027-01-20', profile: { profession: 'medecin-generaliste' } },
  ).findings.map((f) => toShown('indicators', f)),
  cannotCheck: [],
  failed: [],
  ran: [],
  snoozed: 0,
  updatedAt: '2027-01-20T10:00:00.000Z',
});

describe('declaration deadlines in the background', () => {
  it('the badge counts down in the last 15 days only, the nearest deadline first; a past one is dropped', () => {
    const kept = [{ closesOn: '2027-02-07' }, { closesOn: '2027-02-15' }];
    expect(DEADLINE_BADGE_DAYS).toBe(15);
    expect(deadlineBadge(kept, '2027-01-22').text).toBe(''); // J-16
    expect(deadlineBadge(kept, '2027-01-23').text).toBe('J-15');
    expect(deadlineBadge(kept, '2027-02-07').text).toBe('J-0');
    expect(deadlineBadge(kept, '2027-02-08').text).toBe('J-7'); // the first one is past: the next one counts
    expect(deadlineBadge(kept, '2027-02-16').text).toBe('');
    expect(deadlineBadge([], '2027-02-01').text).toBe('');
  });

  it('keeps the closing day of a Ma Convention tab (dates only), from the finding data, not its text', () => {
    const s = state('convention-medecin', '2027-02-07');
    expect(deadlineOf(s, '2027-01-20')).toEqual({ page: 'convention-medecin', closesOn: '2027-02-07', seenOn: '2027-01-20' });
    const reworded = { ...s, findings: s.findings.map((f) => ({ ...f, detail: { fr: 'autre texte', en: 'other text' } })) };
    expect(deadlineOf(reworded, '2027-01-20')).toEqual({ page: 'convention-medecin', closesOn: '2027-02-07', seenOn: '2027-01-20' });
    expect(deadlineOf({ ...s, page: 'convention-pharmacien' }, '2027-01-20')?.page).toBe('convention-pharmacien');
    // another page, or no closing day shown: nothing kept
    expect(deadlineOf({ ...s, page: 'aat' }, '2027-01-20')).toBeNull();
    expect(deadlineOf(state('convention-medecin'), '2027-01-20')).toBeNull();
  });
});
