// The settings screen's controller details: who keeps the register, whom to contact, what it is
// for, and the supervisory authority (prefilled with the Data Protection Ombudsman). The letters,
// certificates, data packages and the privacy notice are filled in from them. Saves only these
// parts of the register profile, never the notice's facts. A setup step shows only its parts; the
// hidden ones are saved as they were loaded.
import { useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { isValidBusinessId } from '../../../src-shared/fields';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { checkForm, serverErrors } from '../../components/checkForm';
import { Field } from '../../components/Field';
import { FormAlert } from '../../components/FormError';
import { TextAreaField } from '../../components/FormFields';
import { useSubmit } from '../../components/useSubmit';
import { useUnsavedChanges } from '../../app/unsavedChanges';
import { useI18n } from '../../i18n';
import type { NoticeSettings, Profile } from './types';

const EMAIL_FIELDS = ['controller.email', 'contactPerson.email', 'authority.email'];
const isEmail = (text: string) => z.email().safeParse(text.trim()).success;

function read(profile: Profile, path: string): string {
  let value: unknown = profile;
  for (const step of path.split('.')) value = (value as Record<string, unknown>)[step];
  return typeof value === 'string' ? value : '';
}

function write(profile: Profile, path: string, text: string): Profile {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const part = (profile as unknown as Record<string, unknown>)[head];
  return {
    ...profile,
    [head]: rest.length === 0 ? text : write(part as Profile, rest.join('.'), text),
  } as Profile;
}

/** The form's groups of fields, each shown by the setup step it belongs to. */
export type ProfilePart = 'controller' | 'registerName' | 'contact' | 'authority' | 'purposes';
const ALL_PARTS: readonly ProfilePart[] = ['controller', 'contact', 'registerName', 'purposes', 'authority'];

export function ControllerForm({
  initial,
  canEdit,
  onSaved,
  parts = ALL_PARTS,
  title,
}: {
  initial: Profile;
  canEdit: boolean;
  onSaved: (settings: NoticeSettings) => void;
  parts?: readonly ProfilePart[];
  title?: string;
}) {
  const { messages, language } = useI18n();
  const t = messages.requests.profile;
  const [profile, setProfile] = useState(initial);
  const [changed, setChanged] = useState(false);
  const { busy, errors, setErrors, run } = useSubmit({ toErrors: serverErrors });
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstError = () =>
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  /** Resolves true when saved; false when errors are shown instead. */
  async function save(): Promise<boolean> {
    const checked = checkForm(contract['settings.updateRegisterProfile'].input, profile, language, {
      requiredMessage: messages.register.common.required,
    });
    const fields: Record<string, string> = checked.ok ? {} : { ...checked.fields };
    const businessId = profile.controller.businessId.trim();
    if (businessId && !isValidBusinessId(businessId)) fields['controller.businessId'] ??= t.businessIdInvalid;
    for (const path of EMAIL_FIELDS) {
      const value = read(profile, path);
      if (value.trim() && !isEmail(value)) fields[path] ??= t.emailInvalid;
    }
    if (!checked.ok || Object.keys(fields).length > 0) {
      setErrors({ form: t.errorsTitle, fields });
      focusFirstError();
      return false;
    }
    const { controller, contactPerson, registerName, purposes, authority } = checked.value;
    const ok = await run(async () => {
      const settings = await invoke('notice.updateSettings', {
        controller,
        contactPerson,
        registerName,
        purposes,
        authority,
      });
      setProfile(settings.profile);
      onSaved(settings);
      setSaved(true);
      setChanged(false);
    });
    if (!ok) focusFirstError();
    return ok;
  }
  useUnsavedChanges(canEdit && changed, save);

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  const change = (path: string, text: string) => {
    setProfile(write(profile, path, text));
    setSaved(false);
    setChanged(true);
    if (errors.fields[path]) {
      const { [path]: _cleared, ...rest } = errors.fields;
      setErrors({ ...errors, fields: rest });
    }
  };
  const field = (path: string, label: string, extra: Record<string, unknown> = {}) => (
    <Field
      label={label}
      name={path}
      value={read(profile, path)}
      readOnly={!canEdit}
      autoComplete="off"
      onChange={(event) => change(path, event.target.value)}
      error={errors.fields[path]}
      {...extra}
    />
  );
  const area = (path: string, label: string, hint?: string) => (
    <TextAreaField
      label={label}
      hint={hint}
      name={path}
      rows={4}
      value={read(profile, path)}
      readOnly={!canEdit}
      onChange={(event) => change(path, event.target.value)}
      error={errors.fields[path]}
    />
  );

  return (
    <form
      ref={formRef}
      id="settings-controller"
      className="card settings-section"
      aria-labelledby="profile-title"
      onSubmit={submit}
      noValidate
      aria-busy={busy}
    >
      <h2 id="profile-title" tabIndex={-1}>
        {title ?? t.title}
      </h2>
      {parts.includes('controller') && <p className="muted">{t.intro}</p>}
      <FormAlert message={errors.form} />

      {parts.includes('controller') && (
        <fieldset className="form-section">
          <legend>{t.controllerLegend}</legend>
          <div className="form-grid">
            {field('controller.name', t.name)}
            {field('controller.businessId', t.businessId, { hint: t.businessIdHint, className: 'medium' })}
            {field('controller.street', t.street)}
            {field('controller.postalCode', t.postalCode, { inputMode: 'numeric', className: 'medium' })}
            {field('controller.city', t.city)}
            {field('controller.phone', t.phone, { type: 'tel' })}
            {field('controller.email', t.email, { type: 'email' })}
          </div>
        </fieldset>
      )}

      {parts.includes('contact') && (
        <fieldset className="form-section">
          <legend>{t.contactLegend}</legend>
          <div className="form-grid">
            {field('contactPerson.name', t.contactName)}
            {field('contactPerson.phone', t.phone, { type: 'tel' })}
            {field('contactPerson.email', t.email, { type: 'email' })}
          </div>
        </fieldset>
      )}

      {(parts.includes('registerName') || parts.includes('purposes')) && (
        <fieldset className="form-section">
          <legend>{t.registerLegend}</legend>
          {parts.includes('registerName') && (
            <div className="form-grid form-grid--two">
              {field('registerName.fi', t.registerNameFi)}
              {field('registerName.en', t.registerNameEn)}
            </div>
          )}
          {parts.includes('purposes') && area('purposes.fi', t.purposesFi, t.purposesHint)}
          {parts.includes('purposes') && area('purposes.en', t.purposesEn)}
        </fieldset>
      )}

      {parts.includes('authority') && (
        <fieldset className="form-section">
          <legend>{t.authorityLegend}</legend>
          <p className="muted">{t.authorityIntro}</p>
          <div className="form-grid form-grid--two">
            {field('authority.name.fi', t.authorityNameFi)}
            {field('authority.name.en', t.authorityNameEn)}
            {field('authority.address', t.authorityAddress)}
            {field('authority.email', t.authorityEmail, { type: 'email' })}
            {field('authority.www', t.authorityWww)}
          </div>
        </fieldset>
      )}

      {canEdit && (
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? messages.register.common.saving : t.save}
          </button>
          <span role="status" className="ok">
            {saved ? t.saved : ''}
          </span>
        </div>
      )}
    </form>
  );
}
