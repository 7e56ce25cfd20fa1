/**
 * The profession an open amelipro page's header names, found when an extension page asks: the asked tab first,
 * then the other amelipro tabs; answers validated, failures and silences are "nothing named".
 */
import { describe, expect, it } from 'vitest';
import { findPortalProfession, type ProfessionTabs } from '../../../lib/background/portal-profession';

const PHARMACIST = { profession: 'pharmacien', specialty: null };
const PSYCHIATRIST = { profession: 'medecin-specialiste', specialty: 'psychiatrie' };

function tabs(answers: Record<number, unknown>, asked: number[] = []): ProfessionTabs {
  return {
    amelipro: async () => Object.keys(answers).map(Number),
    ask: async (id) => {
      asked.push(id);
      const a = answers[id];
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

describe('findPortalProfession', () => {
  it('the asked tab’s header wins over another amelipro tab’s', async () => {
    const asked: number[] = [];
    expect(await findPortalProfession(7, tabs({ 3: { profession: PHARMACIST }, 7: { profession: PSYCHIATRIST } }, asked))).toEqual(PSYCHIATRIST);
    expect(asked[0]).toBe(7);
  });

  it('the asked tab names none (or is not an amelipro page): another amelipro tab’s is offered', async () => {
    expect(await findPortalProfession(7, tabs({ 3: { profession: PHARMACIST }, 7: { profession: null } }))).toEqual(PHARMACIST);
    expect(await findPortalProfession(12, tabs({ 3: { profession: PHARMACIST } }))).toEqual(PHARMACIST);
  });

  it('without a tab (welcome page, options): the first amelipro tab that names one', async () => {
    expect(await findPortalProfession(undefined, tabs({ 2: { profession: null }, 5: { profession: PHARMACIST } }))).toEqual(PHARMACIST);
  });

  it('no content script, a closed tab, a malformed or forged answer: nothing named, nothing thrown', async () => {
    const answers = {
      1: undefined,
      2: new Error('Could not establish connection. Receiving end does not exist.'),
      3: { profession: { profession: 'chirurgien', specialty: null } },
      4: { profession: { profession: 'pharmacien', specialty: 'Pharmacie des Tilleuls, 12 rue…' } },
      5: 'pharmacien',
    };
    expect(await findPortalProfession(1, tabs(answers))).toBeNull();
  });

  it('the tabs cannot be listed: the asked tab alone', async () => {
    const broken: ProfessionTabs = {
      amelipro: async () => {
        throw new Error('tabs unavailable');
      },
      ask: async () => ({ profession: PHARMACIST }),
    };
    expect(await findPortalProfession(4, broken)).toEqual(PHARMACIST);
    expect(await findPortalProfession(undefined, broken)).toBeNull();
  });
});
