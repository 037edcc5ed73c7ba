// One request from receipt to answer: its deadline and step, what to do next with the buttons for
// it, the work its type needs (changes to make, bans to record, the data package), the outcome
// and letters once answered, the recipients to tell, and what was recorded on receipt.
import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '../../api';
import { serverErrors } from '../../components/checkForm';
import { useFormats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { PageLoading, useLoadedHeading } from '../../components/PageLoading';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { LettersCard } from './LettersCard';
import { ObjectionPanel } from './ObjectionPanel';
import { PackagePanel } from './PackagePanel';
import { isOpen, RequestStatusBadge, UrgencyBadge, useDaysText, useRequester, type RequestView } from './parts';
import { RecipientsCard, TELL_RECIPIENTS } from './RecipientsCard';
import { RectificationPanel } from './RectificationPanel';
import { FactsCard, SubjectsCard } from './RequestFacts';
import { StepDialog, type Step } from './StepDialogs';

export function RequestScreen({ id, isOwner }: { id: number; isOwner: boolean }) {
  const { messages, format } = useI18n();
  const { data: request, error: failure, setData: setRequest } = useChannel('requests.get', { id }, [id]);
  const [notice, setNotice] = useState<{ text: string; success: boolean } | null>(null);
  const headingRef = useLoadedHeading(request !== null);
  const nextRef = useRef<HTMLHeadingElement>(null);

  // After a step, focus goes to what to do next (the button used may be gone).
  useEffect(() => {
    if (notice) nextRef.current?.focus();
  }, [notice]);

  const formats = useFormats();
  const { canWrite } = useNavigation();
  const stepDone = useCallback(
    (next: RequestView, step: Step | 'start') => {
      setRequest(next);
      const texts = messages.requests.done;
      const text =
        step === 'complete' && next.status === 'refused'
          ? texts.completeRefused
          : step === 'extend'
            ? format(texts.extend, { date: formats.date(next.deadline) })
            : texts[step];
      setNotice({ text, success: next.status !== 'refused' });
    },
    [messages, format, formats, setRequest],
  );

  if (!request) return <PageLoading failure={failure} />;

  return (
    <main className="page page--person" aria-labelledby="request-title">
      <RequestHead request={request} headingRef={headingRef} />
      <p className={`announcement${notice?.success === false ? ' announcement--neutral' : ' ok'}`} role="status">
        {notice?.text ?? ''}
      </p>
      {isOpen(request) ? (
        <NextStepCard request={request} headingRef={nextRef} onChange={setRequest} onStep={stepDone} />
      ) : (
        <OutcomeCard request={request} headingRef={nextRef} />
      )}
      {canWrite && <LettersCard request={request} isOwner={isOwner} />}
      <div className="person-columns">
        <div className="person-column">
          <FactsCard request={request} />
        </div>
        <div className="person-column">
          <SubjectsCard request={request} onChange={setRequest} />
          {TELL_RECIPIENTS.includes(request.type) && <RecipientsCard request={request} onChange={setRequest} />}
        </div>
      </div>
    </main>
  );
}

function RequestHead({
  request,
  headingRef,
}: {
  request: RequestView;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { messages, format } = useI18n();
  const t = messages.requests.detail;
  const formats = useFormats();
  const { back, canWrite } = useNavigation();
  const daysText = useDaysText();
  const requester = useRequester();
  const open = isOpen(request);
  return (
    <div className="card request-head">
      <p className="person-head__back">
        <button type="button" className="link-button" onClick={back}>
          ← {messages.register.common.back}
        </button>
      </p>
      <div className="person-head__title">
        <h1 id="request-title" ref={headingRef} tabIndex={-1}>
          {format(t.title, { type: messages.requests.types[request.type] ?? '', requester: requester(request) })}
        </h1>
        <RequestStatusBadge request={request} />
        <UrgencyBadge urgency={request.urgency} />
      </div>
      <p className="muted request-reference">
        {format(t.reference, {
          id: request.id,
          date: formats.date(request.receivedOn),
          channel: messages.requests.channels[request.channel]?.toLowerCase() ?? '',
        })}
      </p>
      <p className={`request-deadline request-deadline--${request.urgency.replace('_', '-')}`}>
        {open ? (
          <>
            <strong>{format(t.deadline, { date: formats.date(request.deadline) })}</strong> ·{' '}
            {daysText(request.daysLeft)}
          </>
        ) : (
          format(t.closedOn, { date: formats.date(request.closedOn) })
        )}
      </p>
      {request.extendedTo && (
        <p className="muted">
          {format(t.extended, {
            due: formats.date(request.dueOn),
            reason: request.extensionReason ?? '',
            toldOn: formats.date(request.extensionToldOn),
          })}
        </p>
      )}
      <StepList request={request} />
      {!canWrite && <p className="notice">{t.readonly}</p>}
    </div>
  );
}

const STEPS = ['received', 'verified', 'in_progress', 'closed'] as const;

function StepList({ request }: { request: RequestView }) {
  const { messages } = useI18n();
  const t = messages.requests.detail;
  const current = isOpen(request) ? STEPS.indexOf(request.status as (typeof STEPS)[number]) : STEPS.length - 1;
  return (
    <ol className="steps" aria-label={t.stepsLabel}>
      {STEPS.map((step, index) => {
        const state = index < current ? 'is-done' : index === current ? 'is-current' : '';
        const label =
          step !== 'closed' || isOpen(request)
            ? t.steps[step]
            : request.status === 'refused' && request.refusedInPart
              ? messages.requests.refusedInPart
              : messages.requests.statuses[request.status];
        return (
          <li key={step} className={state} aria-current={index === current ? 'step' : undefined}>
            <span className="steps__mark" aria-hidden="true">
              {index < current || (index === current && !isOpen(request)) ? '✓' : index + 1}
            </span>
            <span>{label}</span>
            {index < current && <span className="visually-hidden"> {t.stepDone}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function NextStepCard({
  request,
  headingRef,
  onChange,
  onStep,
}: {
  request: RequestView;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onChange: (next: RequestView) => void;
  onStep: (next: RequestView, step: Step | 'start') => void;
}) {
  const { messages } = useI18n();
  const t = messages.requests.detail;
  const { canWrite } = useNavigation();
  const [dialog, setDialog] = useState<Step | null>(null);
  const { busy, errors, run } = useSubmit({ toErrors: serverErrors });
  const problem = errors.form;
  const noSubject = request.subjects.every((subject) => subject.name === null);
  const text =
    request.status === 'received'
      ? noSubject
        ? t.next.receivedNoSubject
        : t.next.received
      : request.status === 'verified'
        ? t.next.verified
        : t.next[request.type];

  const start = () => run(async () => onStep(await invoke('requests.start', { id: request.id }), 'start'));

  const primary =
    request.status === 'received' ? (
      <button type="button" className="button button--primary" onClick={() => setDialog('verify')}>
        {t.actions.verify}
      </button>
    ) : request.status === 'verified' ? (
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void start()}>
        {t.actions.start}
      </button>
    ) : (
      <button type="button" className="button button--primary" onClick={() => setDialog('complete')}>
        {t.actions.complete}
      </button>
    );

  return (
    <section className="card next-step" aria-labelledby="next-step-title">
      <h2 id="next-step-title" ref={headingRef} tabIndex={-1}>
        {t.nextTitle}
      </h2>
      <p>{text}</p>
      {request.type === 'rectification' && (
        <RectificationPanel request={request} editable={canWrite} onChange={onChange} />
      )}
      {request.type === 'objection' && <ObjectionPanel request={request} editable={canWrite} onChange={onChange} />}
      {(request.type === 'access' || request.type === 'portability') &&
        request.status === 'in_progress' &&
        canWrite && <PackagePanel request={request} />}
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      {canWrite && (
        <div className="button-row next-step__actions">
          {primary}
          <button type="button" className="button" onClick={() => setDialog('extend')}>
            {t.actions.extend}
          </button>
          <button type="button" className="button button--quiet-danger" onClick={() => setDialog('refuse')}>
            {t.actions.refuse}
          </button>
        </div>
      )}
      {dialog && (
        <StepDialog
          step={dialog}
          request={request}
          onClose={() => setDialog(null)}
          onDone={(next, step) => {
            setDialog(null);
            onStep(next, step);
          }}
        />
      )}
    </section>
  );
}

function OutcomeCard({
  request,
  headingRef,
}: {
  request: RequestView;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { messages, format } = useI18n();
  const t = messages.requests.detail;
  const formats = useFormats();
  const summary = request.status === 'completed' ? t.completedNote : request.refusedInPart ? t.partNote : t.refusedNote;
  return (
    <section className="card outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title" ref={headingRef} tabIndex={-1}>
        {t.outcomeTitle}
      </h2>
      <p className="outcome__summary">{summary}</p>
      <p className="muted">
        {format(t.closedBy, { date: formats.date(request.closedOn), who: request.closedBy ?? '—' })}
      </p>
      {request.outcome && (
        <div className="outcome__text">
          <h3>{t.outcomeText}</h3>
          <p className="pre-wrap">{request.outcome}</p>
        </div>
      )}
      {request.type === 'rectification' && (
        <RectificationPanel request={request} editable={false} onChange={() => {}} />
      )}
      {request.type === 'objection' && <ObjectionPanel request={request} editable={false} onChange={() => {}} />}
    </section>
  );
}
