// The column → field mapping: one select per column, suggested by main from the headers. A Google
// Forms consent question maps to a consent; a checkbox group main recognised by its answers maps
// each ticked option to a consent, listed under its select, and can be chosen again once changed.
import { CONSENT_SUBJECTS } from '../../../src-shared/vocabulary';
import { IMPORT_FIELDS, type ColumnMapping, type ColumnTarget } from '../../../src-shared/contract/imports';
import { useI18n } from '../../i18n';
import type { Preview } from './ImportScreen';

const CHOICES = 'choices';

function valueOf(target: ColumnTarget | undefined): string {
  if (target === undefined) return 'ignore';
  if (typeof target === 'string') return target;
  return 'consent' in target ? `consent:${target.consent}` : CHOICES;
}

function consentChoicesOf(target: ColumnTarget | undefined) {
  return typeof target === 'object' && 'consentChoices' in target ? target : null;
}

export function MappingTable({
  preview,
  mapping,
  suggested,
  onChange,
  disabled,
}: {
  preview: Preview;
  mapping: ColumnMapping;
  /** Main's first suggestion for these files: a checkbox group can be chosen again from it. */
  suggested: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  disabled: boolean;
}) {
  const { messages, format } = useI18n();
  const t = messages.imports;
  const subjects = messages.register.consents.subjects;
  // Mailchimp's files are read by their known headers; only tables and forms are mapped by hand.
  const tables = preview.files.filter((file) => file.kind === 'table');
  if (tables.length === 0) return null;

  function change(header: string, value: string) {
    const next: ColumnMapping = { ...mapping };
    const choices = consentChoicesOf(suggested[header]);
    if (value === CHOICES) {
      if (!choices) return;
      next[header] = choices;
    } else if (value.startsWith('consent:')) {
      next[header] = { consent: value.slice('consent:'.length) as (typeof CONSENT_SUBJECTS)[number] };
    } else {
      next[header] = value as ColumnTarget;
    }
    onChange(next);
  }

  return (
    <section className="card" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">{t.mappingTitle}</h2>
      <p className="muted">{t.mappingIntro}</p>
      {tables.map((file, fileIndex) => (
        <div className="table-scroll" key={file.fileName} tabIndex={0}>
          <table className="table import-mapping">
            <caption className="visually-hidden">{file.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">{t.column}</th>
                <th scope="col">{t.target}</th>
              </tr>
            </thead>
            <tbody>
              {file.headers.map((header, index) => {
                const id = `map-${fileIndex}-${index}`;
                const value = valueOf(mapping[header]);
                const choices = consentChoicesOf(suggested[header]);
                const choiceList = value === CHOICES && choices ? Object.entries(choices.consentChoices) : [];
                return (
                  <tr key={`${header}-${index}`}>
                    <th scope="row">
                      <label htmlFor={id}>{header}</label>
                    </th>
                    <td>
                      <select
                        id={id}
                        value={value}
                        disabled={disabled}
                        aria-describedby={choiceList.length > 0 ? `${id}-choices` : undefined}
                        onChange={(e) => change(header, e.target.value)}
                      >
                        <option value="ignore">{t.ignore}</option>
                        {IMPORT_FIELDS.map((field) => (
                          <option key={field} value={field}>
                            {t.fields[field] ?? field}
                          </option>
                        ))}
                        {CONSENT_SUBJECTS.map((subject) => (
                          <option key={subject} value={`consent:${subject}`}>
                            {format(t.consentOption, { subject: subjects[subject] ?? subject })}
                          </option>
                        ))}
                        {choices && <option value={CHOICES}>{t.consentChoices}</option>}
                      </select>
                      {choiceList.length > 0 && (
                        <p id={`${id}-choices`} className="field__hint">
                          {choiceList
                            .map(([option, subject]) =>
                              format(t.choiceGives, { option, subject: subjects[subject] ?? subject }),
                            )
                            .join('; ')}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
