// An organization (asiakasyritys / yhteisö): its details, editing them, and the people who
// represent or have represented it, each opening their person view.
import { useState } from 'react';
import { useFormats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { OrganizationForm } from '../../components/OrganizationForm';
import { PageLoading, useLoadedHeading } from '../../components/PageLoading';
import { useChannel } from '../../components/useChannel';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../contacts/columns';

type OrganizationDetail = ChannelOutput<'organizations.get'>;

export function OrganizationScreen({ id }: { id: number }) {
  const { messages } = useI18n();
  const t = messages.register;
  const { back, canWrite } = useNavigation();
  const formats = useFormats();
  const { data: detail, error: failure, setData: setDetail } = useChannel('organizations.get', { id }, [id]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const headingRef = useLoadedHeading(detail !== null);

  if (!detail) return <PageLoading failure={failure} />;

  const o = detail.organization;
  const address = [o.street, [o.postalCode, o.city].filter(Boolean).join(' '), o.country !== 'FI' ? o.country : '']
    .filter(Boolean)
    .join(', ');
  const www = o.www ? (/^https?:\/\//i.test(o.www) ? o.www : `https://${o.www}`) : null;
  const none = <span className="muted">{t.common.none}</span>;
  const current = detail.people.filter((person) => person.endedOn === null);
  const former = detail.people.filter((person) => person.endedOn !== null);

  return (
    <main className="page" aria-labelledby="organization-title">
      <section className="card" aria-labelledby="organization-title">
        <p className="person-head__back">
          <button type="button" className="link-button" onClick={back}>
            ← {t.common.back}
          </button>
        </p>
        <div className="person-head__title">
          <h1 id="organization-title" ref={headingRef} tabIndex={-1}>
            {o.name}
          </h1>
          {canWrite && !editing && (
            <button
              type="button"
              className="button person-head__edit"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t.organization.edit}
            </button>
          )}
        </div>
        <p className="ok" role="status">
          {saved ? t.organization.saved : ''}
        </p>
        {editing ? (
          <OrganizationForm
            organization={o}
            onCancel={() => setEditing(false)}
            onSaved={(organization) => {
              setDetail({ ...detail, organization });
              setEditing(false);
              setSaved(true);
            }}
          />
        ) : (
          <dl className="facts facts--wide">
            {(
              [
                [t.organization.businessId, o.businessId],
                [t.personForm.address, address || null],
                [t.fields.phone, o.phone ? <a href={`tel:${o.phone}`}>{formats.phone(o.phone)}</a> : null],
                [t.fields.email, o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : null],
                [
                  t.fields.www,
                  www ? (
                    <a href={www} target="_blank" rel="noreferrer">
                      {o.www}
                    </a>
                  ) : null,
                ],
              ] as Array<[string, React.ReactNode]>
            ).map(([name, value]) => (
              <div key={name} className="facts__row">
                <dt>{name}</dt>
                <dd>{value ?? none}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title">{t.organization.people}</h2>
        <PeopleTable title={t.organization.currentPeople} people={current} />
        <PeopleTable title={t.organization.formerPeople} people={former} />
      </section>
    </main>
  );
}

function PeopleTable({ title, people }: { title: string; people: OrganizationDetail['people'] }) {
  const { messages, format } = useI18n();
  const t = messages.register;
  const { navigate } = useNavigation();
  const formats = useFormats();
  const id = `people-${title}`;
  return (
    <>
      <h3 id={id}>{title}</h3>
      {people.length === 0 ? (
        <p className="muted">{t.organization.noPeople}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t.fields.name}</th>
                <th scope="col">{t.employment.titleField}</th>
                <th scope="col">{t.organization.period}</th>
                <th scope="col">{t.fields.status}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={`${person.personId}-${person.startedOn}`}>
                  <td>
                    <a
                      href={`#person-${person.personId}`}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate({ name: 'person', id: person.personId });
                      }}
                    >
                      {person.lastName}, {person.firstName}
                    </a>
                  </td>
                  <td>{person.title ?? ''}</td>
                  <td className="nowrap">
                    {person.endedOn
                      ? format(t.employment.period, {
                          start: formats.date(person.startedOn),
                          end: formats.date(person.endedOn),
                        })
                      : format(t.employment.periodOpen, { start: formats.date(person.startedOn) })}
                  </td>
                  <td>
                    <StatusBadge status={person.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
