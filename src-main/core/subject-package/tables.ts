// The tables of a subject package as CSV files for spreadsheets, named and headed in the person's
// language; the values are data.json's (codes and ISO dates), so the two describe each other.
import { text, type CatalogKey } from '../documents';
import { toCsv, type CsvValue } from './csv';
import type { SubjectData } from './schema';
import type { Language } from '../../../src-shared/language';

export interface PackageFile {
  name: string;
  content: Buffer;
}

type Column<T> = readonly [field: keyof T & string, header: CatalogKey];

/** The CSV of one table: a header row in the person's language, then one row per record. */
function table<T extends object>(
  language: Language,
  file: CatalogKey,
  columns: ReadonlyArray<Column<T>>,
  records: readonly T[],
): PackageFile {
  const csv = toCsv(
    columns.map(([, header]) => text(language, header)),
    records.map((record) => columns.map(([field]) => record[field as keyof T] as CsvValue)),
  );
  return { name: `${text(language, file)}.csv`, content: Buffer.from(csv, 'utf8') };
}

type PersonRow = SubjectData['person'] & { relationshipKind: string; source: string | null; interests: string };

/** Every field of the person (the type makes a new field a compile error until it has a header). */
const PERSON_HEADERS: Record<keyof PersonRow, CatalogKey> = {
  uid: 'field_uid',
  firstName: 'field_firstName',
  lastName: 'field_lastName',
  jobTitle: 'field_jobTitle',
  phone: 'field_phone',
  email: 'field_email',
  street: 'field_street',
  postalCode: 'field_postalCode',
  city: 'field_city',
  country: 'field_country',
  birthDate: 'field_birthDate',
  age: 'field_age',
  ageRecordedOn: 'csv_ageRecordedOn',
  www: 'field_www',
  ipAddress: 'field_ipAddress',
  notes: 'field_notes',
  language: 'field_language',
  informedOn: 'csv_informedOn',
  informedHow: 'csv_informedHow',
  status: 'field_status',
  statusChangedOn: 'csv_statusChangedOn',
  passivatedOn: 'csv_passivatedOn',
  endedOn: 'csv_endedOn',
  lastActivityOn: 'field_lastActivityOn',
  restricted: 'field_restricted',
  createdAt: 'field_createdAt',
  updatedAt: 'field_updatedAt',
  relationshipKind: 'field_kind',
  source: 'field_source',
  interests: 'heading_interests',
};
const PERSON_COLUMNS = Object.entries(PERSON_HEADERS) as Array<Column<PersonRow>>;

export function tableFiles(data: SubjectData, language: Language): PackageFile[] {
  const person: PersonRow = {
    ...data.person,
    relationshipKind: data.relationshipKind.key,
    source: data.source?.key ?? null,
    interests: data.interests.join(', '),
  };
  return [
    table(language, 'file_person', PERSON_COLUMNS, [person]),
    table(
      language,
      'file_employments',
      [
        ['organization', 'col_organization'],
        ['businessId', 'label_businessId'],
        ['title', 'col_title'],
        ['startedOn', 'col_started'],
        ['endedOn', 'col_ended'],
      ],
      data.employments.map((e) => ({ ...e, organization: e.organization.name, businessId: e.organization.businessId })),
    ),
    table(
      language,
      'file_consents',
      [
        ['subject', 'col_subject'],
        ['granted', 'csv_granted'],
        ['method', 'col_method'],
        ['evidence', 'col_evidence'],
        ['effectiveAt', 'col_since'],
        ['recordedAt', 'col_recordedAt'],
        ['recordedBy', 'col_recordedBy'],
      ],
      data.consents.history,
    ),
    table(
      language,
      'file_orders',
      [
        ['id', 'csv_id'],
        ['orderedOn', 'col_date'],
        ['description', 'col_description'],
        ['amountCents', 'csv_amountCents'],
        ['invoiceStatus', 'col_invoice'],
        ['createdAt', 'col_recordedAt'],
      ],
      data.orders,
    ),
    table(
      language,
      'file_contacts',
      [
        ['occurredOn', 'col_date'],
        ['channel', 'col_channel'],
        ['kind', 'col_kind'],
        ['summary', 'col_summary'],
        ['createdAt', 'col_recordedAt'],
        ['createdBy', 'col_recordedBy'],
      ],
      data.contacts,
    ),
    table(
      language,
      'file_customFields',
      [
        ['key', 'csv_key'],
        ['labelFi', 'csv_labelFi'],
        ['labelEn', 'csv_labelEn'],
        ['type', 'csv_fieldType'],
        ['value', 'col_value'],
      ],
      data.customFields.map((f) => ({ ...f, labelFi: f.label.fi, labelEn: f.label.en })),
    ),
    table(
      language,
      'file_requests',
      [
        ['id', 'csv_id'],
        ['type', 'col_type'],
        ['receivedOn', 'col_received'],
        ['channel', 'col_channel'],
        ['dueOn', 'col_deadline'],
        ['extendedTo', 'csv_extendedTo'],
        ['status', 'col_status'],
        ['closedOn', 'col_closed'],
        ['outcome', 'col_outcome'],
        ['refusedInPart', 'csv_refusedInPart'],
      ],
      data.requests,
    ),
    table(
      language,
      'file_audit',
      [
        ['at', 'col_time'],
        ['action', 'col_action'],
        ['actor', 'col_actor'],
      ],
      data.processing,
    ),
  ];
}
