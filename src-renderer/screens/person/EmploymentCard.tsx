// Which organizations the person has represented, current first, and moving to a new employer.
import { useState } from 'react';
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { checkForm } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { todayIso, useFormats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { OrganizationPicker, type PickedOrganization } from '../../components/OrganizationPicker';
import { useI18n } from '../../i18n';
import type { CardProps } from './types';

export function EmploymentCard({ detail, reload, editable }: CardProps) {
  const { messages, format, language } = useI18n();
  const t = messages.register;
  const formats = useFormats();
  const { navigate } = useNavigation();
  const [moving, setMoving] = useState(false);
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [title, setTitle] = useState('');
  const [on, setOn] = useState(todayIso);
  const employments = [...detail.employments].sort((a, b) => Number(a.endedOn !== null) - Number(b.endedOn !== null));

  function openMove() {
    setOrganization(null);
    setTitle(detail.person.jobTitle ?? '');
    setOn(todayIso());
    setMoving(true);
  }

  async function move(): Promise<Record<string, string> | null> {
    if (!organization) return { organizationId: t.picker.required };
    const input = { ids: [detail.person.id], organizationId: organization.id, title, on };
    const checked = checkForm(contract['persons.move'].input, input, language, {
      requiredMessage: t.common.required,
      friendly: { on: t.friendly.date },
    });
    if (!checked.ok) return checked.fields;
    await invoke('persons.move', input);
    await reload();
    return null;
  }

  return (
    <section className="card" aria-labelledby="employment-title" id="employment">
      <h2 id="employment-title">{t.employment.title}</h2>
      {employments.length === 0 ? (
        <p className="muted">{t.employment.empty}</p>
      ) : (
        <ul className="plain-list">
          {employments.map((employment) => (
            <li key={employment.id} className={`employment${employment.endedOn ? ' is-former' : ''}`}>
              <a
                href={`#organization-${employment.organizationId}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ name: 'organization', id: employment.organizationId });
                }}
              >
                {employment.organizationName}
              </a>
              {employment.title && <span> · {employment.title}</span>}
              <span className={`badge ${employment.endedOn ? 'badge--ended' : 'badge--active'}`}>
                {employment.endedOn ? t.employment.former : t.employment.current}
              </span>
              <span className="muted employment__period">
                {employment.endedOn
                  ? format(t.employment.period, {
                      start: formats.date(employment.startedOn),
                      end: formats.date(employment.endedOn),
                    })
                  : format(t.employment.periodOpen, { start: formats.date(employment.startedOn) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="button-row">
          <button type="button" className="button" onClick={openMove}>
            {t.employment.move}
          </button>
        </div>
      )}
      {moving && (
        <ActionDialog
          title={t.employment.moveTitle}
          intro={t.employment.moveIntro}
          submitLabel={t.employment.move}
          onClose={() => setMoving(false)}
          onSubmit={move}
        >
          {(errors) => (
            <>
              <OrganizationPicker
                value={organization}
                onChange={setOrganization}
                name="organizationId"
                error={errors['organizationId']}
                autoFocus
              />
              <Field
                label={t.employment.titleField}
                value={title}
                onChange={(event) => setTitle(event.target.value)}
                name="title"
                error={errors['title']}
              />
              <DateField label={t.employment.on} value={on} onChange={setOn} name="on" error={errors['on']} />
            </>
          )}
        </ActionDialog>
      )}
    </section>
  );
}
