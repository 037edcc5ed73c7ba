// The settings screen's controller details: who keeps the register, whom to contact, what it is
// for, and the supervisory authority (prefilled with the Data Protection Ombudsman). The letters,
// certificates, data packages and the privacy notice are filled in from them. Saves only these
// parts of the register profile, never the notice's facts.
import { useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { isValidBusinessId } from '../../../src-main/core/fields';
import { contract } from '../../../src-main/ipc/contract';
import { invoke } from '../../api';
import { checkForm, serverErrors } from '../../components/checkForm';
import { Field } from '../../components/Field';
import { FormAlert, type FormErrors } from '../../components/FormError';
import { TextAreaField } from '../../components/FormFields';
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

export function ControllerForm({
  initial,
  canEdit,
  onSaved,
}: {
  initial: Profile;
  canEdit: boolean;
  onSaved: (settings: NoticeSettings) => void;
}) {
  const { messages, language } = useI18n();
  const t = messages.requests.profile;
  const [profile, setProfile] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstError = () =>
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
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
      return;
    }
    setErrors({ fields: {} });
    setBusy(true);
    try {
      const { controller, contactPerson, registerName, purposes, authority } = checked.value;
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
    } catch (error) {
      setErrors(serverErrors(error, messages.unexpected));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  const change = (path: string, text: string) => {
    setProfile(write(profile, path, text));
    setSaved(false);
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
        {t.title}
      </h2>
      <p className="muted">{t.intro}</p>
      <FormAlert message={errors.form} />

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

      <fieldset className="form-section">
        <legend>{t.contactLegend}</legend>
        <div className="form-grid">
          {field('contactPerson.name', t.contactName)}
          {field('contactPerson.phone', t.phone, { type: 'tel' })}
          {field('contactPerson.email', t.email, { type: 'email' })}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t.registerLegend}</legend>
        <div className="form-grid form-grid--two">
          {field('registerName.fi', t.registerNameFi)}
          {field('registerName.en', t.registerNameEn)}
        </div>
        {area('purposes.fi', t.purposesFi, t.purposesHint)}
        {area('purposes.en', t.purposesEn)}
      </fieldset>

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
