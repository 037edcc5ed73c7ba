// Consents to marketing channels and bans, as switches. Each change asks how it was given and on
// what evidence, and becomes an event in the history (GDPR Art. 7(1)). A direct-marketing ban
// overrides channel consents, and the card says so. On a channel the register markets on until
// objection, no event means allowed; the switch records an objection as a withdrawal.
import { useState } from 'react';
import { contract } from '../../../src-shared/contract';
import { CONSENT_METHODS, CONSENT_SUBJECTS, type ConsentSubject } from '../../../src-shared/vocabulary';
import { invoke } from '../../api';
import { ActionDialog } from '../../components/ActionDialog';
import { checkForm } from '../../components/checkForm';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import type { CardProps } from './types';

const CHANNELS = CONSENT_SUBJECTS.filter((subject) => !subject.startsWith('ban_'));
const BANS = CONSENT_SUBJECTS.filter((subject) => subject.startsWith('ban_'));

export function ConsentsCard({ detail, reload, editable, canWrite }: CardProps & { canWrite: boolean }) {
  const { messages, format, language } = useI18n();
  const t = messages.register.consents;
  const formats = useFormats();
  const [changing, setChanging] = useState<{ subject: ConsentSubject; granted: boolean } | null>(null);
  const [method, setMethod] = useState('');
  const [evidence, setEvidence] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const banned = detail.consents.ban_direct_marketing?.granted === true;
  const optOut = (subject: ConsentSubject) =>
    (detail.channelModes as Record<string, string | undefined>)[subject] === 'optOut';

  function open(subject: ConsentSubject, granted: boolean) {
    setMethod('');
    setEvidence('');
    setAnnouncement('');
    setChanging({ subject, granted });
  }

  async function record(): Promise<Record<string, string> | null> {
    if (!changing) return null;
    const input = { personId: detail.person.id, changes: [{ ...changing, method, evidence }] };
    const checked = checkForm(contract['consents.record'].input, input, language, {
      prefix: 'changes.0',
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok) return checked.fields;
    await invoke('consents.record', checked.value);
    await reload();
    setAnnouncement(t.recorded);
    return null;
  }

  const row = (subject: ConsentSubject) => {
    const state = detail.consents[subject];
    const isBan = subject.startsWith('ban_');
    const untilObjection = !isBan && optOut(subject);
    const on = untilObjection ? state?.granted !== false : state?.granted === true;
    const overridden = !isBan && on && banned;
    // A restricted person may still be given a ban (that is what such people ask for); nothing else.
    const allowed = editable || (canWrite && isBan && !on);
    const stateText = (() => {
      if (isBan) return on ? t.banOn : t.banOff;
      if (!untilObjection) return on ? t.granted : t.notGranted;
      if (state?.granted === false) return t.objected;
      return state ? t.granted : t.untilObjection;
    })();
    const id = `consent-${subject}`;
    return (
      <li key={subject} className={`consent${overridden ? ' is-overridden' : ''}`}>
        <span className="consent__name" id={`${id}-label`}>
          {t.subjects[subject]}
        </span>
        <span className="consent__state" id={`${id}-state`}>
          <strong>{stateText}</strong>
          {state && (
            <span className="muted">
              {' '}
              {format(t.stateSince, {
                date: formats.date(state.effectiveAt),
                method: (t.methods[state.method] ?? state.method).toLowerCase(),
              })}
            </span>
          )}
          {overridden && <span className="badge badge--restricted">{t.overriddenShort}</span>}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-state`}
          className={`switch${isBan ? ' switch--ban' : ''}`}
          disabled={!allowed}
          onClick={() => open(subject, !on)}
        >
          <span className="switch__knob" aria-hidden="true" />
        </button>
      </li>
    );
  };

  const dialogTitle = changing
    ? format(
        optOut(changing.subject)
          ? changing.granted
            ? t.dialogAllowAgain
            : t.dialogObject
          : changing.subject.startsWith('ban_')
            ? changing.granted
              ? t.dialogBanOn
              : t.dialogBanOff
            : changing.granted
              ? t.dialogGrant
              : t.dialogRevoke,
        { subject: t.subjects[changing.subject] ?? changing.subject },
      )
    : '';
  // The question fits the change: a consent is given; a withdrawal, objection or ban is told.
  const methodLabel =
    changing?.granted && !changing.subject.startsWith('ban_') && !optOut(changing.subject) ? t.method : t.methodTold;

  return (
    <section className="card" aria-labelledby="consents-title" id="consents">
      <h2 id="consents-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {banned && (
        <p className="ban-notice" role="note">
          {t.overridden}
        </p>
      )}
      <h3>{t.channels}</h3>
      <ul className="consent-list">{CHANNELS.map(row)}</ul>
      <h3>{t.bans}</h3>
      <ul className="consent-list">{BANS.map(row)}</ul>
      <p className="ok" role="status">
        {announcement}
      </p>

      <h3 id="consent-history-title">{t.history}</h3>
      {detail.consentHistory.length === 0 ? (
        <p className="muted">{t.historyEmpty}</p>
      ) : (
        <ol className="plain-list history-list" aria-labelledby="consent-history-title">
          {detail.consentHistory.map((event) => {
            const isBan = event.subject.startsWith('ban_');
            const change = isBan
              ? event.granted
                ? t.banSetEvent
                : t.banLiftedEvent
              : event.granted
                ? t.grantedEvent
                : optOut(event.subject)
                  ? t.objectedEvent
                  : t.revokedEvent;
            return (
              <li key={event.id}>
                <p className="history-list__what">
                  <strong>
                    {t.subjects[event.subject]}: {change}
                  </strong>
                </p>
                <p className="history-list__meta">
                  {formats.dateTime(event.effectiveAt)} · {t.methods[event.method] ?? event.method} ·{' '}
                  {format(t.recordedBy, { name: event.recordedBy ?? '—' })}
                </p>
                <blockquote className="history-list__evidence pre-wrap">{event.evidence}</blockquote>
              </li>
            );
          })}
        </ol>
      )}

      {changing && (
        <ActionDialog
          title={dialogTitle}
          intro={t.dialogIntro}
          submitLabel={messages.register.common.save}
          onClose={() => setChanging(null)}
          onSubmit={record}
        >
          {(errors) => (
            <>
              <SelectField
                label={methodLabel}
                value={method}
                onChange={(event) => setMethod(event.target.value)}
                name="method"
                error={errors['method']}
                autoFocus
              >
                <option value="">{t.chooseMethod}</option>
                {CONSENT_METHODS.map((key) => (
                  <option key={key} value={key}>
                    {t.methods[key]}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                label={t.evidence}
                hint={t.evidenceHint}
                value={evidence}
                onChange={(event) => setEvidence(event.target.value)}
                name="evidence"
                error={errors['evidence']}
                rows={4}
              />
            </>
          )}
        </ActionDialog>
      )}
    </section>
  );
}
