/**
 * Expected dates of every rule, written by hand from docs/rules.md (not read from the catalogue):
 * the boundary tests evaluate the engine on the day before, the day of and the day after each date,
 * and check that the catalogue agrees with this table. A new rule needs a line here (meta-test).
 */
export interface ExpectedDates {
  from: string;
  until?: string;
  /** Tolerance period [from, until], inclusive. */
  transition?: [string, string];
}

export const EXPECTED_DATES: Record<string, ExpectedDates> = {
  // R1 — tramadol / codeine / dihydrocodeine: 01/03/2025, ANSM tolerance for March 2025
  'secure-prescription.required': { from: '2025-03-01', transition: ['2025-03-01', '2025-03-31'] },
  'secure-prescription.letters.dosage': { from: '2025-03-01', transition: ['2025-03-01', '2025-03-31'] },
  'secure-prescription.letters.posology': { from: '2025-03-01', transition: ['2025-03-01', '2025-03-31'] },
  'secure-prescription.letters.duration': { from: '2025-03-01', transition: ['2025-03-01', '2025-03-31'] },
  'secure-prescription.max-duration': { from: '2025-03-01', transition: ['2025-03-01', '2025-03-31'] },
  'secure-prescription.pharmacy-dispensing': { from: '2025-03-01', transition: ['2025-03-01', '2025-03-31'] },
  // CSP R.5132-5 as rewritten by décret 2023-1222: the paper motive, with the e-prescription obligation (31/12/2024)
  'secure-prescription.paper-motive': { from: '2024-12-31' },
  'secure-prescription.codeine-syrups-list-1': { from: '2025-03-01' },
  'secure-prescription.good-practice': { from: '2024-09-26' },
  // Stupéfiants: secured prescription mandatory since 01/07/1999 (décret 99-249); letters and 28 days in R.5132-29/-30
  'stupefiants.secure-prescription': { from: '1999-07-01' },
  'stupefiants.letters.dosage': { from: '1999-07-01' },
  'stupefiants.letters.posology': { from: '1999-07-01' },
  'stupefiants.max-duration': { from: '1999-07-01' },
  // Assimilated ("en toutes lettres sur ordonnance sécurisée"): same articles; each product's entry date varies
  'assimiles.secure-prescription': { from: '1999-07-01' },
  'assimiles.letters.dosage': { from: '1999-07-01' },
  'assimiles.letters.posology': { from: '1999-07-01' },
  'assimiles.max-duration': { from: '1999-07-01' },
  // Prégabaline: secured prescription and 6 months from 24/05/2021
  'secure-form.secure-prescription': { from: '2021-05-24' },
  'secure-form.max-duration': { from: '2021-05-24' },
  // Conditions of the products: split dispensing and no overlap (R.5132-30, R.5132-33), pharmacist's name (arrêté 01/04/2008)
  'secure-prescription.split-dispensing': { from: '1999-07-01' },
  'secure-prescription.no-overlap': { from: '1999-07-01' },
  'secure-prescription.pharmacist-name': { from: '2008-04-09' },
  // AGLP-1: a substance alone may be another brand (information)
  'aglp1.form-scope': { from: '2025-02-01' },
  // R3.4 — ordonnance numérique by 31/12/2024
  'prescription.electronic': { from: '2024-12-31' },
  // R5 — AGLP-1: 01/02/2025; no control before 01/05/2025; pharmacist without tiers payant until 31/08/2025
  'aglp1.justification-form': { from: '2025-02-01', transition: ['2025-02-01', '2025-04-30'] },
  'aglp1.pharmacist-form-on-file': { from: '2025-02-01', transition: ['2025-02-01', '2025-08-31'] },
  // R2 — sick leave
  'aat.online-preferred': { from: '2024-09-12' },
  'aat.secured-cerfa': { from: '2025-07-01', transition: ['2025-07-01', '2025-08-31'] },
  'aat.paper-workflow': { from: '2022-05-07' },
  'aat.special-regimes': { from: '2022-05-07' },
  'aat.teleconsultation-3-days': { from: '2024-01-01' },
  'aat.duration-limit': { from: '2026-09-01' },
  // R3 — digital prerequisites
  'vitale.atsam-and-extension': { from: '2023-06-01' },
  'vitale.apcv': { from: '2025-11-18' },
  'amelipro.login-strong-auth': { from: '2025-01-01' },
  // R6 — Réclamations Paiements from 02/12/2024
  'reclaps.attachments': { from: '2024-12-02' },
  'reclaps.answer-15-days': { from: '2024-12-02' },
  // R7 — teleconsultation
  // avenant 9 (20 % with tele-expertise, CPL) from 2022 until the 2024-2029 convention (JO 21/06/2024)
  'teleconsultation.annual-threshold-avenant9': { from: '2022-01-01', until: '2024-06-21' },
  'teleconsultation.annual-threshold': { from: '2024-06-22' },
  'teleconsultation.convention-2024-scope': { from: '2024-06-22' },
  // R9.1–R9.5 — billing review Aug–Oct 2024; R8.1 degraded lots; R10.3 NOEMIE
  'billing.double-same-date': { from: '2024-08-01' },
  'billing.holiday-supplement-duty-roster': { from: '2024-08-01' },
  'billing.coordination-supplement': { from: '2024-08-01' },
  'billing.saturday': { from: '2024-08-01' },
  'billing.rights-adri': { from: '2024-08-01' },
  'teletransmission.supporting-documents': { from: '2023-06-01' },
  'teletransmission.noemie-codes': { from: '2024-10-03' },
  // R4 — declaration windows, forfait structure, Donum, ROSP
  'indicators.declaration-open': { from: '2019-12-17' },
  'indicators.declaration-window.medecins-2019': { from: '2019-12-17', until: '2020-02-02' },
  'indicators.declaration-window.medecins-2023': { from: '2023-12-11', until: '2024-02-04' },
  'indicators.declaration-window.medecins-2024': { from: '2024-12-12', until: '2025-02-15' },
  'indicators.declaration-window.medecins-2025': { from: '2025-12-15', until: '2026-02-08' },
  'indicators.declaration-window.pharmaciens-2024': { from: '2024-12-09', until: '2025-02-28' },
  'indicators.forfait-structure-2023': { from: '2023-12-11', until: '2024-02-04' },
  'indicators.forfait-structure': { from: '2024-01-01', until: '2025-12-31' },
  'indicators.donum': { from: '2026-01-01' },
  'indicators.rosp-last-exercise': { from: '2024-06-21', until: '2026-02-08' },
  'indicators.rosp-last-exercise-specialists': { from: '2024-06-21', until: '2026-02-08' },
  // R9.6–R9.9, R10 — pharmacists (seed 003) and others
  'pharmacy.fees-avenant1': { from: '2025-01-08' },
  'pharmacy.opioid-interview': { from: '2025-01-08' },
  'pharmacy.fluoroquinolone-information': { from: '2024-12-13' },
  'pharmacy.ipa-direct-access-not-billable': { from: '2025-01-22', until: '2025-04-29' },
  'pharmacy.serialisation-penalty': { from: '2024-01-01' },
  'pharmacy.trod-antibiotics': { from: '2024-07-01' },
  'asafo.pharmacy-nir-check': { from: '2025-01-30' },
  'asafo.prescriber-authentication': { from: '2025-02-03' },
  'prevention.flu-campaign-2024-2025': { from: '2024-10-15', until: '2025-02-28' },
};
