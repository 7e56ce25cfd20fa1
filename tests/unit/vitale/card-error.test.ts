import { adviseCardError, findCardReadError, isCardReadErrorText } from '../../../lib/vitale/card-error';

describe('card-read error wording', () => {
  it.each([
    "Lecture de la carte Vitale impossible. Le composant de lecture de la carte Vitale n'est pas disponible sur ce poste.",
    'LECTURE DE LA CARTE VITALE IMPOSSIBLE',
    'La lecture de la carte Vitale a échoué.',
    'La lecture de la carte vitale a echoue, veuillez reessayer',
    'Erreur lors de la lecture de la carte Vitale',
    'Impossible de lire la carte Vitale.',
    'Le module de lecture de la carte Vitale ne répond pas.',
    'Aucun lecteur de carte détecté.',
    'L’extension de lecture de carte Vitale est introuvable',
  ])('recognises %s', (text) => expect(isCardReadErrorText(text)).toBe(true));

  it.each([
    'Lire la carte Vitale',
    'Carte Vitale',
    'Appli carte Vitale',
    "Scannez le QR code affiché dans l'appli carte Vitale du patient, ou saisissez son NIR.",
    'Le NIR saisi est incorrect. Veuillez vérifier votre saisie.',
    'Identifiez un patient pour accéder aux services le concernant.',
    '',
    'x'.repeat(2000) + ' lecture de la carte Vitale impossible',
  ])('ignores %s', (text) => expect(isCardReadErrorText(text)).toBe(false));
});

describe('finding the message on the page', () => {
  afterEach(() => document.body.replaceChildren());
  function widget(message: string | null) {
    document.body.innerHTML = `<div id="patientLogin"><form><div class="mt-4"><button id="patientLogin-form-vital-card-btn">Lire la carte Vitale</button></div>
      ${message === null ? '' : `<div aria-live="polite"><div class="v-alert__content">${message}</div></div>`}</form></div>`;
  }
  it('finds the alert in the patient identification widget', () => {
    widget('Lecture de la carte Vitale impossible.');
    expect(findCardReadError(document)).toBe(true);
  });
  it('says nothing without a message, or with another message', () => {
    widget(null);
    expect(findCardReadError(document)).toBe(false);
    widget('Le NIR saisi est incorrect.');
    expect(findCardReadError(document)).toBe(false);
  });
  it('skips our own note', () => {
    document.body.innerHTML = '<compagnon-vitale-note><div role="alert">La lecture de la carte Vitale a échoué</div></compagnon-vitale-note>';
    expect(findCardReadError(document)).toBe(false);
  });
});

describe('which component is most likely missing', () => {
  it('extension absent → install it; present → ATSAM; unknown → both', () => {
    expect(adviseCardError({ extension: 'absent' })).toBe('install-extension');
    expect(adviseCardError({ extension: 'present' })).toBe('check-atsam');
    expect(adviseCardError({ extension: 'unknown' })).toBe('check-both');
  });
});
