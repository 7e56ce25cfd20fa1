/**
 * Options: profession, specialty (specialists only) and département. `validateProfile` is pure; the form calls
 * `onSave` with a settings patch only when every field is valid.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { tr, type Lang, type Text } from '../lib/i18n';
import { PROFESSIONS, type Profession } from '../lib/pages/types';
import type { PortalProfession } from '../lib/pages/portal-profession';
import { PROFESSION_LABELS, S } from './surface-text';

export const SPECIALTIES: Record<string, Text> = {
  cardiologie: { fr: 'Cardiologie', en: 'Cardiology' },
  dermatologie: { fr: 'Dermatologie', en: 'Dermatology' },
  endocrinologie: { fr: 'Endocrinologie', en: 'Endocrinology' },
  'gastro-enterologie': { fr: 'Gastro-entérologie', en: 'Gastroenterology' },
  gynecologie: { fr: 'Gynécologie', en: 'Gynaecology' },
  neurologie: { fr: 'Neurologie', en: 'Neurology' },
  ophtalmologie: { fr: 'Ophtalmologie', en: 'Ophthalmology' },
  orl: { fr: 'ORL', en: 'ENT' },
  pediatrie: { fr: 'Pédiatrie', en: 'Paediatrics' },
  pneumologie: { fr: 'Pneumologie', en: 'Pulmonology' },
  psychiatrie: { fr: 'Psychiatrie', en: 'Psychiatry' },
  radiologie: { fr: 'Radiologie', en: 'Radiology' },
  rhumatologie: { fr: 'Rhumatologie', en: 'Rheumatology' },
  autre: { fr: 'Autre spécialité', en: 'Other specialty' },
};

/** "Médecin spécialiste (Psychiatrie)". */
export function portalProfessionLabel(p: PortalProfession): Text {
  const base = PROFESSION_LABELS[p.profession];
  const spec = p.specialty ? SPECIALTIES[p.specialty] : undefined;
  return spec ? { fr: `${base.fr} (${spec.fr})`, en: `${base.en} (${spec.en})` } : base;
}

export interface ProfileValues {
  profession: Profession | null;
  specialty: string | null;
  departement: string | null;
}

export type ProfileErrors = Partial<Record<keyof ProfileValues, Text>>;

const DEPARTEMENT = /^(0[1-9]|1\d|2[1-9]|2A|2B|[3-8]\d|9[0-5]|97[1-6])$/;

/** "1" → "01", "2a" → "2A", spaces removed; empty → null. */
export function normalizeDepartement(raw: string): string | null {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (!s) return null;
  return /^\d$/.test(s) ? `0${s}` : s;
}

export function validateProfile(v: ProfileValues): ProfileErrors {
  const errors: ProfileErrors = {};
  if (v.departement !== null && !DEPARTEMENT.test(v.departement)) errors.departement = S.departementInvalid;
  if (v.specialty !== null && v.profession !== 'medecin-specialiste') errors.specialty = S.specialtyOnlyForSpecialists;
  if (v.specialty !== null && !(v.specialty in SPECIALTIES)) errors.specialty = S.specialtyOnlyForSpecialists;
  return errors;
}

export interface ProfileFormProps {
  initial: ProfileValues;
  /** The profession the portal's header named: pre-selected while no profession is saved, never saved unasked. */
  suggested?: PortalProfession | null;
  lang: Lang;
  onSave: (values: ProfileValues) => Promise<{ ok: true } | { ok: false; message: string }>;
}

export function ProfileForm({ initial: saved, suggested = null, lang, onSave }: ProfileFormProps) {
  const prefill = saved.profession === null && suggested !== null ? suggested : null;
  const initial: ProfileValues = prefill ? { ...saved, profession: prefill.profession, specialty: prefill.specialty } : saved;
  const [profession, setProfession] = useState<Profession | null>(initial.profession);
  const [specialty, setSpecialty] = useState<string | null>(initial.specialty);
  const [departement, setDepartement] = useState(initial.departement ?? '');
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [status, setStatus] = useState('');
  /**
   * The user changed a field since the saved values last changed: nothing else replaces what they chose. Kept in a
   * ref as well, set at the change itself: an effect drawn before the change but run after it (effects run after
   * the browser paints) must see it.
   */
  const [edited, setEdited] = useState(false);
  const editedNow = useRef(false);
  const markEdited = () => {
    editedNow.current = true;
    setEdited(true);
  };

  // What is saved changed (saved, erased; not the first drawing): the form shows it again.
  const savedKey = `${saved.profession}|${saved.specialty}|${saved.departement}`;
  const shownSaved = useRef(savedKey);
  useEffect(() => {
    if (shownSaved.current === savedKey) return;
    shownSaved.current = savedKey;
    editedNow.current = false;
    setEdited(false);
  }, [savedKey]);
  // The form follows what is saved and the header's suggestion, which may arrive late (the open amelipro tabs are
  // asked): until the user changes a field, never after.
  useEffect(() => {
    if (editedNow.current) return;
    setProfession(initial.profession);
    setSpecialty(initial.specialty);
    setDepartement(initial.departement ?? '');
  }, [initial.profession, initial.specialty, initial.departement, edited]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const values: ProfileValues = {
      profession,
      specialty: profession === 'medecin-specialiste' ? specialty : null,
      departement: normalizeDepartement(departement),
    };
    const errs = validateProfile(values);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setStatus('');
      document.getElementById(`profile-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    const res = await onSave(values);
    setStatus(res.ok ? tr(S.saved, lang) : `${tr(S.saveFailed, lang)} ${res.message}`);
  };

  return (
    <form class="ca-form" onSubmit={(e) => void submit(e)} noValidate data-testid="profile-form">
      <div class="ca-field">
        <label for="profile-profession">{tr(S.profession, lang)}</label>
        <select
          id="profile-profession"
          value={profession ?? ''}
          onChange={(e) => {
            markEdited();
            setProfession(((e.currentTarget as HTMLSelectElement).value || null) as Profession | null);
          }}
        >
          <option value="">{tr(S.professionNone, lang)}</option>
          {PROFESSIONS.map((p) => (
            <option key={p} value={p}>
              {tr(PROFESSION_LABELS[p], lang)}
            </option>
          ))}
        </select>
        {prefill && !edited && (
          <p class="ca-muted" data-testid="profile-prefilled">
            {tr(S.prefilledFromPortal(portalProfessionLabel(prefill)), lang)}
          </p>
        )}
      </div>
      {profession === 'medecin-specialiste' && (
        <div class="ca-field">
          <label for="profile-specialty">{tr(S.specialty, lang)}</label>
          <select
            id="profile-specialty"
            value={specialty ?? ''}
            aria-invalid={errors.specialty ? true : undefined}
            aria-describedby={errors.specialty ? 'profile-specialty-error' : undefined}
            onChange={(e) => {
              markEdited();
              setSpecialty((e.currentTarget as HTMLSelectElement).value || null);
            }}
          >
            <option value="">{tr(S.specialtyNone, lang)}</option>
            {Object.entries(SPECIALTIES).map(([id, label]) => (
              <option key={id} value={id}>
                {tr(label, lang)}
              </option>
            ))}
          </select>
          {errors.specialty && (
            <p id="profile-specialty-error" class="ca-error">
              {tr(errors.specialty, lang)}
            </p>
          )}
        </div>
      )}
      <div class="ca-field">
        <label for="profile-departement">{tr(S.departement, lang)}</label>
        <input
          id="profile-departement"
          type="text"
          inputMode="text"
          autocomplete="off"
          size={4}
          maxLength={3}
          value={departement}
          aria-invalid={errors.departement ? true : undefined}
          aria-describedby={errors.departement ? 'profile-departement-error' : undefined}
          onInput={(e) => {
            markEdited();
            setDepartement((e.currentTarget as HTMLInputElement).value);
          }}
        />
        {errors.departement && (
          <p id="profile-departement-error" class="ca-error">
            {tr(errors.departement, lang)}
          </p>
        )}
      </div>
      <p>
        <button type="submit" class="ca-btn">
          {tr(S.save, lang)}
        </button>{' '}
        <span role="status" data-testid="profile-status">
          {status}
        </span>
      </p>
    </form>
  );
}
