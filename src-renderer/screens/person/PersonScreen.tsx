// The person view: every field, the relationship, organizations, consents and bans with their
// history, orders, the contact log, interests, custom fields and the audit trail. Opening it is
// logged by main ('persons.get'). A restricted person is shown with a banner and cannot be edited
// until the restriction is lifted; the person's data-subject requests are listed with their steps.
import { useCallback, useEffect, useState } from 'react';
import { invoke } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useNavigation } from '../../components/Navigation';
import { PageLoading, useLoadedHeading } from '../../components/PageLoading';
import { useChannel, errorText } from '../../components/useChannel';
import { useLists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { RestrictedBadge, StatusBadge } from '../contacts/columns';
import { ConsentsCard } from './ConsentsCard';
import { ContactLogCard } from './ContactLogCard';
import { CustomFieldsCard } from './CustomFieldsCard';
import { EmploymentCard } from './EmploymentCard';
import { InformCard } from './InformCard';
import { InterestsCard } from './InterestsCard';
import { OrdersCard } from './OrdersCard';
import { PersonFacts } from './PersonFacts';
import { RelationshipCard } from './RelationshipCard';
import { RequestsCard, type PersonRequests } from './RequestsCard';
import { TrailCard } from './TrailCard';
import type { PersonDetail } from './types';

export function PersonScreen({ id }: { id: number }) {
  const { messages } = useI18n();
  const t = messages.register;
  const { navigate, back, canWrite } = useNavigation();
  const lists = useLists();
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const requests: PersonRequests = useChannel('requests.list', { personId: id }, [id]).data ?? [];
  const [lifting, setLifting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useLoadedHeading(detail !== null);

  const reload = useCallback(async () => {
    try {
      setDetail(await invoke('persons.get', { id }));
    } catch (error) {
      setFailure(errorText(error, messages.unexpected));
    }
  }, [id, messages.unexpected]);

  // Not useChannel: the cards await the re-read after a change, and a failed re-read keeps the
  // person in view (the first read's failure replaces the page).
  useEffect(() => {
    let live = true;
    invoke('persons.get', { id })
      .then((value) => live && setDetail(value))
      .catch((error: unknown) => live && setFailure(errorText(error, '')));
    return () => {
      live = false;
    };
  }, [id]);

  async function liftRestriction() {
    await invoke('persons.liftRestriction', { personId: id });
    setLifting(false);
    setAnnouncement(messages.requests.person.lifted);
    await reload();
  }

  if (!detail) return <PageLoading failure={failure} />;

  const p = detail.person;
  const editable = canWrite && !p.restricted;
  const current = detail.employments.find((employment) => employment.endedOn === null);
  const cardProps = { detail, reload, editable };
  const subtitle = [p.jobTitle, current?.organizationName].filter(Boolean).join(' · ');

  return (
    <main className="page page--person" aria-labelledby="person-title">
      <div className="person-head card">
        <p className="person-head__back">
          <button type="button" className="link-button" onClick={back}>
            ← {t.common.back}
          </button>
        </p>
        <div className="person-head__title">
          <h1 id="person-title" ref={headingRef} tabIndex={-1}>
            {p.firstName} {p.lastName}
          </h1>
          <StatusBadge status={p.status} />
          {p.restricted && <RestrictedBadge />}
          {canWrite && (
            <button
              type="button"
              className="button person-head__edit"
              disabled={p.restricted}
              onClick={() => navigate({ name: 'person-edit', id: p.id })}
            >
              {t.person.edit}
            </button>
          )}
        </div>
        {subtitle && <p className="muted">{subtitle}</p>}
        {!canWrite && <p className="notice">{t.common.readonly}</p>}
        {p.restricted && (
          <div className="restricted-banner" role="note" aria-labelledby="restricted-title">
            <p id="restricted-title">
              <strong>{t.person.restrictedTitle}</strong>
            </p>
            <p>{t.person.restrictedBody}</p>
            {canWrite && (
              <button type="button" className="button button--small" onClick={() => setLifting(true)}>
                {messages.requests.person.liftRestriction}
              </button>
            )}
          </div>
        )}
        <p className="ok announcement" role="status">
          {announcement}
        </p>
        <nav aria-label={t.person.sectionsLabel} className="section-nav">
          <a href="#facts">{t.person.details}</a>
          <a href="#relationship">{t.relationship.title}</a>
          <a href="#employment">{t.employment.title}</a>
          <a href="#consents">{t.consents.title}</a>
          <a href="#orders">{t.orders.title}</a>
          <a href="#contact-log">{t.contactLog.title}</a>
          <a href="#interests">{t.interests.title}</a>
          {(requests.length > 0 || canWrite) && <a href="#requests">{messages.requests.person.title}</a>}
          <a href="#trail">{t.trail.title}</a>
        </nav>
      </div>

      <div className="person-columns">
        <div className="person-column">
          <PersonFacts detail={detail} lists={lists} />
          <RelationshipCard {...cardProps} lists={lists} />
          <EmploymentCard {...cardProps} />
          <InterestsCard {...cardProps} />
          <CustomFieldsCard {...cardProps} />
        </div>
        <div className="person-column">
          {requests.length > 0 && <RequestsCard personId={p.id} requests={requests} />}
          <ConsentsCard {...cardProps} canWrite={canWrite} />
          <InformCard detail={detail} reload={reload} />
          <OrdersCard {...cardProps} />
          <ContactLogCard {...cardProps} />
          {requests.length === 0 && canWrite && <RequestsCard personId={p.id} requests={requests} />}
        </div>
      </div>
      <TrailCard trail={detail.trail} />
      {lifting && (
        <Dialog title={messages.requests.person.liftTitle} onClose={() => setLifting(false)}>
          <p>{messages.requests.person.liftText}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void liftRestriction()}>
              {messages.requests.person.liftRestriction}
            </button>
            <button type="button" className="button" onClick={() => setLifting(false)}>
              {t.common.cancel}
            </button>
          </div>
        </Dialog>
      )}
    </main>
  );
}
