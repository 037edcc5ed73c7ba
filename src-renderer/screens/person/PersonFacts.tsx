// Every stored field of the person, in a calm two-column list.
import { useFormats } from '../../components/format';
import { useLabel, type Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { undeclaredFields } from './groupFields';
import type { PersonField } from './personValues';
import type { PersonDetail } from './types';

export function PersonFacts({ detail, lists }: { detail: PersonDetail; lists: Lists | null }) {
  const { messages, format } = useI18n();
  const t = messages.register;
  const formats = useFormats();
  const label = useLabel();
  const p = detail.person;
  const none = <span className="muted">{t.common.none}</span>;
  const address = [p.street, [p.postalCode, p.city].filter(Boolean).join(' '), p.country !== 'FI' ? p.country : '']
    .filter(Boolean)
    .join(', ');
  const source = lists?.sources.find((entry) => entry.key === p.sourceKey);
  const www = p.www ? (/^https?:\/\//i.test(p.www) ? p.www : `https://${p.www}`) : null;

  // Empty fields the notice does not list for the person's group are not shown (see groupFields).
  const hidden = undeclaredFields(detail.declaredCategories, (field) => {
    const value = p[field as keyof typeof p];
    return value !== null && value !== '' && field !== 'country';
  });
  const rows: Array<[string, React.ReactNode, PersonField?]> = [
    [t.fields.firstName, p.firstName],
    [t.fields.lastName, p.lastName],
    [t.fields.jobTitle, p.jobTitle, 'jobTitle'],
    [t.fields.phone, p.phone ? <a href={`tel:${p.phone}`}>{formats.phone(p.phone)}</a> : null, 'phone'],
    [t.fields.email, p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null, 'email'],
    [t.personForm.address, address || null, 'street'],
    [t.fields.birthDate, p.birthDate ? formats.date(p.birthDate) : null, 'birthDate'],
    [
      t.fields.age,
      p.age !== null ? format(t.fields.ageRecorded, { age: p.age, date: formats.date(p.ageRecordedOn) }) : null,
      'age',
    ],
    [
      t.fields.www,
      www ? (
        <a href={www} target="_blank" rel="noreferrer">
          {p.www}
        </a>
      ) : null,
      'www',
    ],
    [t.fields.ipAddress, p.ipAddress, 'ipAddress'],
    [t.fields.language, t.languages[p.language]],
    [t.fields.sourceKey, p.sourceKey ? label(source, p.sourceKey) : null],
    [
      t.fields.informedOn,
      p.informedOn ? [formats.date(p.informedOn), p.informedHow].filter(Boolean).join(' – ') : null,
    ],
    [t.fields.notes, p.notes ? <span className="pre-wrap">{p.notes}</span> : null, 'notes'],
  ];

  return (
    <section className="card" aria-labelledby="facts-title" id="facts">
      <h2 id="facts-title">{t.person.details}</h2>
      <dl className="facts facts--wide">
        {rows
          .filter(([, , field]) => !field || !hidden.has(field))
          .map(([name, value]) => (
            <div key={name} className="facts__row">
              <dt>{name}</dt>
              <dd>{value ?? none}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
