/**
 * Digital prerequisites on amelipro: carte Vitale reading, ApCV, login — rules.md R3.1–R3.3.
 * To update a date: change `from` / `until`, set `reviewed`, run the rule tests.
 */
import { defineRules } from '../define';

const ALL = ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'] as const;
const AMELIPRO_HELP = 'https://www.ameli.fr/cote-d-or/pharmacien/contacts/amelipro-logiciels-et-equipement/aide-l-utilisation-des-services-en-ligne';

export default defineRules([
  {
    id: 'vitale.atsam-and-extension',
    title: { fr: 'Lecture de la carte Vitale : ATSAM et extension', en: 'Reading the carte Vitale: ATSAM and the extension' },
    message: {
      fr: "Pour lire la carte Vitale sur amelipro, il faut les deux : ATSAM à jour sur le poste et l'extension « Lecture Carte Vitale » du navigateur. En cas d'échec, lancez DiagAM ou contactez le délégué numérique en santé de votre CPAM.",
      en: 'Reading the carte Vitale on amelipro needs both: an up-to-date ATSAM package on the computer and the "Lecture Carte Vitale" browser extension. If it fails, run DiagAM or contact your CPAM\'s digital health adviser.',
    },
    severity: 'warning',
    professions: [...ALL],
    from: '2023-06-01',
    contexts: ['home', 'aat', 'atmp', 'aide', 'checklist'],
    source: {
      catalogue: 'R3.1',
      seeds: [{ file: '000_cc907b3246fc7308.txt', section: 'Amelipro : composants à installer pour continuer à lire la carte Vitale' }],
    },
    link: AMELIPRO_HELP,
    reviewed: '2026-11-28',
    confidence: 'high',
    checklist: {
      fr: 'La lecture de la carte Vitale fonctionne-t-elle sur amelipro (ATSAM à jour + extension installée) ?',
      en: 'Does carte Vitale reading work on amelipro (ATSAM up to date + extension installed)?',
    },
  },
  {
    id: 'vitale.apcv',
    title: { fr: 'Application carte Vitale (ApCV) : selon votre logiciel', en: 'Carte Vitale app (ApCV): depends on your software' },
    message: {
      fr: "L'application carte Vitale du patient (QR code ou NFC) se lit à la place de la carte physique seulement si votre logiciel est à l'addendum SESAM-Vitale requis (1.40 addendum 8). La carte physique continue d'exister : conseillez au patient de la garder.",
      en: "The patient's carte Vitale app (QR code or NFC) can be read instead of the physical card only if your practice software is at the required SESAM-Vitale addendum (1.40 addendum 8). The physical card still exists: advise the patient to keep it.",
    },
    severity: 'info',
    professions: [...ALL],
    from: '2025-11-18',
    contexts: ['home'],
    source: {
      catalogue: 'R3.2',
      seeds: [
        { file: '003_15b775947fd4c522.txt', section: 'VI. NUMÉRIQUE EN SANTÉ' },
        { file: '000_cc907b3246fc7308.txt', section: 'V – NUMÉRIQUE' },
      ],
      official: 'Généralisation nationale annoncée le 18/11/2025',
    },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-12-04',
    confidence: 'high',
  },
  {
    id: 'amelipro.login-strong-auth',
    title: { fr: 'Connexion amelipro : préférez la carte CPS ou e-CPS', en: 'amelipro login: prefer the CPS card or e-CPS' },
    message: {
      fr: "Connectez-vous de préférence avec la carte CPS ou l'e-CPS. Avec identifiant et mot de passe, cochez « Je ne suis pas un robot » pour afficher le captcha.",
      en: 'Log in preferably with the CPS card or e-CPS. With login and password, tick "Je ne suis pas un robot" to show the captcha.',
    },
    severity: 'info',
    professions: [...ALL],
    from: '2025-01-01',
    contexts: ['login'],
    source: {
      catalogue: 'R3.3',
      seeds: [{ file: '003_15b775947fd4c522.txt', section: 'VI. NUMÉRIQUE EN SANTÉ (nouvelle page de connexion, « Je ne suis pas un robot »)' }],
    },
    link: AMELIPRO_HELP,
    reviewed: '2026-11-28',
    confidence: 'medium',
  },
]);
