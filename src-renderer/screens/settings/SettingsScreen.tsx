// Asetukset: the register's settings the privacy notice is printed from (owner edits, others
// read), as eight setup steps shown one at a time. The step list stays in view and says which
// steps are done; main decides that from the register (notice.status), so the list and the
// dashboard agree. Each form saves its own part; moving on with unsaved changes asks first.
// Applying a preset replaces the settings, so the forms start afresh.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SETUP_STEPS, STEP_GAPS, type SetupStep } from '../../../src-shared/contract/notice-facts';
import { leaveWhenSaved } from '../../app/unsavedChanges';
import { useNavigation } from '../../components/Navigation';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { ChecklistCard } from './ChecklistCard';
import { ControllerForm } from './ControllerForm';
import { DataCategoriesForm, HeadingsForm } from './DataContentForms';
import { NoticeDocuments } from './NoticeDocuments';
import { DerivedFacts } from './DerivedFacts';
import { GroupsForms } from './GroupsForms';
import { CookiesForm, LegalBasesForm, TextsForm } from './NoticeFactsForms';
import { PresetsCard } from './PresetsCard';
import { MarketingChannelsForm } from './MarketingChannelsForm';
import { ProcessorsForm } from './ProcessorsForm';
import { SecurityForm } from './SecurityForm';
import type { NoticeSettings } from './types';

export function SettingsScreen({
  isOwner,
  focusController,
  step: firstStep,
}: {
  isOwner: boolean;
  focusController?: boolean;
  /** The step to open at; the first when none is named. */
  step?: SetupStep;
}) {
  const { messages, format } = useI18n();
  const { navigate } = useNavigation();
  const t = messages.settings;
  const settingsRead = useChannel('notice.settings', {}, []);
  const settings = settingsRead.data;
  const setSettings = settingsRead.setData;
  const failed = settingsRead.error !== null;
  const statusRead = useChannel('notice.status', {}, []);
  const status = statusRead.error ? null : statusRead.data;
  const refreshStatus = statusRead.reload;
  const [step, setStep] = useState<SetupStep>(firstStep ?? 'controller');
  /** Bumped when a preset replaced the settings: the forms remount with the new values. */
  const [generation, setGeneration] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  /** Moved by the user (not opened): the step's heading takes the focus. */
  const [moved, setMoved] = useState(0);

  const loaded = settings !== null;
  useEffect(() => {
    // Opened at a step (dashboard, "edit the controller details"): straight to that step's heading.
    if (loaded && (focusController || firstStep)) stepHeadingRef.current?.focus();
    else if (loaded) headingRef.current?.focus();
  }, [loaded, focusController, firstStep]);
  useEffect(() => {
    if (moved > 0) stepHeadingRef.current?.focus();
  }, [moved]);

  if (!settings) {
    return (
      <main className="page">
        <p className={failed ? 'form-alert' : 'muted'} role={failed ? 'alert' : 'status'}>
          {failed ? t.loadFailed : messages.loading}
        </p>
      </main>
    );
  }

  const go = (next: SetupStep) =>
    leaveWhenSaved(() => {
      setStep(next);
      setMoved((count) => count + 1);
      window.scrollTo(0, 0);
    });
  const saved = (next: NoticeSettings) => {
    setSettings(next);
    refreshStatus();
  };
  const notice = settings.profile.notice;
  const steps = status?.steps ?? SETUP_STEPS.map((name) => ({ step: name, done: false }));
  const index = SETUP_STEPS.indexOf(step);
  const previous = SETUP_STEPS[index - 1];
  const next = SETUP_STEPS[index + 1];
  const doneCount = steps.filter((item) => item.done).length;
  const isDone = steps.find((item) => item.step === step)?.done ?? false;
  const missing = STEP_GAPS[step].filter((gap) => status?.gaps.includes(gap)).map((gap) => t.notice.gaps[gap]);
  const sharedProps = { initial: notice, canEdit: isOwner, onSaved: saved };

  const content: Record<SetupStep, ReactNode> = {
    controller: (
      <>
        <ControllerForm
          key={`controller-${generation}`}
          initial={settings.profile}
          canEdit={isOwner}
          onSaved={saved}
          parts={['controller', 'registerName']}
        />
        {isOwner && (
          <PresetsCard
            onApplied={(applied) => {
              saved(applied);
              setGeneration((count) => count + 1);
            }}
          />
        )}
      </>
    ),
    contact: (
      <ControllerForm
        key={`contact-${generation}`}
        initial={settings.profile}
        canEdit={isOwner}
        onSaved={saved}
        parts={['contact', 'authority']}
        title={messages.requests.profile.contactLegend}
      />
    ),
    data: (
      <>
        <DataCategoriesForm key={`categories-${generation}`} settings={settings} canEdit={isOwner} onSaved={saved} />
        <TextsForm
          key={`sources-${generation}`}
          {...sharedProps}
          keys={['sources', 'informing']}
          title={t.sections.texts.sourcesTitle}
        />
        <GroupsForms key={`groups-${generation}`} settings={settings} canEdit={isOwner} onChanged={refreshStatus} />
      </>
    ),
    purposes: (
      <>
        <ControllerForm
          key={`purposes-${generation}`}
          initial={settings.profile}
          canEdit={isOwner}
          onSaved={saved}
          parts={['purposes']}
          title={messages.requests.profile.registerLegend}
        />
        <LegalBasesForm key={`bases-${generation}`} {...sharedProps} />
        <MarketingChannelsForm key={`marketing-${generation}`} {...sharedProps} />
      </>
    ),
    recipients: (
      <>
        <ProcessorsForm key={`processors-${generation}`} {...sharedProps} />
        <TextsForm
          key={`disclosures-${generation}`}
          {...sharedProps}
          keys={['disclosures']}
          title={t.sections.texts.disclosures}
        />
      </>
    ),
    retention: (
      <>
        <TextsForm
          key={`retention-${generation}`}
          {...sharedProps}
          keys={['retention']}
          title={t.sections.texts.retention}
        />
        <DerivedFacts derived={settings.derived} isOwner={isOwner} />
      </>
    ),
    security: (
      <>
        <SecurityForm key={`security-${generation}`} settings={settings} canEdit={isOwner} onSaved={saved} />
        <TextsForm key={`systems-${generation}`} {...sharedProps} keys={['systems']} title={t.sections.texts.systems} />
      </>
    ),
    notice: (
      <>
        {/* The template's checklist comes first: the notice is saved once it is all ticked. */}
        {status?.checklist && (
          <ChecklistCard
            key={`checklist-${generation}-${status.checklist.presetId}`}
            checklist={status.checklist}
            canEdit={isOwner}
            onChanged={refreshStatus}
          />
        )}
        <NoticeDocuments status={status} isOwner={isOwner} onWritten={refreshStatus} />
        <TextsForm
          key={`intro-${generation}`}
          {...sharedProps}
          keys={['introduction', 'noticeLocation']}
          title={t.sections.texts.noticeTitle}
        />
        <CookiesForm key={`cookies-${generation}`} {...sharedProps} />
        <HeadingsForm key={`headings-${generation}`} settings={settings} canEdit={isOwner} onSaved={saved} />
      </>
    ),
  };

  return (
    <main className="page page--settings" aria-labelledby="settings-title">
      <div className="settings-layout">
        <div className="settings-steps">
          <h1 id="settings-title" ref={headingRef} tabIndex={-1}>
            {t.title}
          </h1>
          <p className="muted" data-testid="settings-progress">
            {format(t.steps.progress, { done: doneCount, total: steps.length })}
          </p>
          <nav aria-label={t.steps.listLabel}>
            <ol>
              {steps.map((item) => (
                <li key={item.step}>
                  <button
                    type="button"
                    className={`settings-steps__step${item.step === step ? ' is-current' : ''}`}
                    aria-current={item.step === step ? 'step' : undefined}
                    onClick={() => go(item.step)}
                  >
                    <span className="settings-steps__name">{t.steps.names[item.step]}</span>
                    <span className={item.done ? 'settings-steps__state ok' : 'settings-steps__state'}>
                      {item.done ? `✓ ${t.steps.done}` : t.steps.notDone}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </div>
        <div className="settings-step">
          <section className="card" aria-labelledby="settings-step-title">
            <p className="muted">{format(t.steps.stepOf, { number: index + 1, total: SETUP_STEPS.length })}</p>
            <h2 id="settings-step-title" ref={stepHeadingRef} tabIndex={-1}>
              {t.steps.names[step]}
            </h2>
            <p>{t.steps.intros[step]}</p>
            {!isOwner && <p className="notice">{t.ownerOnly}</p>}
            <p className={isDone ? 'ok' : 'notice'} data-testid="step-state">
              {isDone ? t.steps.stepDone : t.steps.stepNotDone}
              {!isDone && missing.length > 0 && ` ${t.notice.gapsTitle} ${missing.join(', ')}.`}
              {!isDone && step === 'data' && missing.length === 0 && ` ${t.steps.dataMissing}`}
            </p>
          </section>
          {/* All done: what comes next, before the last step's forms. */}
          {!next && doneCount === steps.length && (
            <section className="card" aria-labelledby="setup-done-title" data-testid="setup-done">
              <h2 id="setup-done-title">{t.steps.allDoneTitle}</h2>
              <p>{t.steps.allDoneText}</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => navigate({ name: 'person-new' })}
                >
                  {t.steps.firstCustomer}
                </button>
                <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
                  {t.steps.toHome}
                </button>
              </div>
            </section>
          )}
          {content[step]}
          <div className="button-row settings-step__moves">
            {previous && (
              <button type="button" className="button" onClick={() => go(previous)}>
                {format(t.steps.previous, { step: t.steps.names[previous] })}
              </button>
            )}
            {next && (
              <button type="button" className="button button--primary" onClick={() => go(next)}>
                {format(t.steps.next, { step: t.steps.names[next] })}
              </button>
            )}
          </div>
        </div>
      </div>
    </main>
  );
}
