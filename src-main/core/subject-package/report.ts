// The human-readable part of a package (report.html and report.pdf): the same data as data.json,
// in the person's language, laid out for reading and printing.
import {
  formatDate,
  formatEuros,
  formatInstant,
  label,
  text,
  type Block,
  type CatalogKey,
  type DocumentModel,
} from '../documents';
import { periodWords } from '../retention';
import type { SubjectData } from './schema';
import type { Language } from '../../../src-shared/language';

/** The report lists this many of the latest audit entries; all of them are in data.json and audit.csv. */
export const REPORT_PROCESSING_LIMIT = 500;

const joined = (parts: Array<string | null>, separator = ' ') =>
  parts.filter((part): part is string => part !== null && part.trim() !== '').join(separator);

export function fullName(data: SubjectData): string {
  return joined([data.person.firstName, data.person.lastName]);
}

function reportBlocks(data: SubjectData, language: Language): Block[] {
  const t = (key: CatalogKey, params: Record<string, string | number> = {}) => text(language, key, params);
  const date = (value: string | null) => formatDate(value, language);
  const when = (value: string | null) => formatInstant(value, language);
  const heading = (key: CatalogKey): Block => ({ kind: 'heading', text: t(key) });
  const table = (columns: CatalogKey[], rows: string[][]): Block =>
    rows.length === 0
      ? { kind: 'paragraph', text: t('none') }
      : { kind: 'table', columns: columns.map((c) => t(c)), rows };
  const { person, controller } = data;

  const consentState = (subject: string, granted: boolean) =>
    subject.startsWith('ban_')
      ? t(granted ? 'banSet' : 'banLifted')
      : t(granted ? 'consentGranted' : 'consentWithdrawn');
  const processing = data.processing.slice(-REPORT_PROCESSING_LIMIT).reverse();
  const hold = (entry: SubjectData['retention']['holds'][number]) =>
    text(language, `hold_${entry.kind}` as CatalogKey, { until: date(entry.until), reason: entry.reason ?? '' });

  return [
    { kind: 'paragraph', text: t('report_intro') },
    heading('heading_controller'),
    {
      kind: 'keyValues',
      rows: [
        [t('label_name'), controller.name],
        [t('label_businessId'), controller.businessId],
        [t('label_address'), joined([controller.street, joined([controller.postalCode, controller.city])], ', ')],
        [t('label_phone'), controller.phone],
        [t('label_email'), controller.email],
        [
          t('label_contactPerson'),
          joined([controller.contactPerson.name, controller.contactPerson.phone, controller.contactPerson.email], ', '),
        ],
        [t('label_registerName'), controller.registerName[language]],
      ],
    },
    heading('heading_purposes'),
    { kind: 'paragraph', text: data.purposes[language] || t('none') },
    heading('heading_person'),
    {
      kind: 'keyValues',
      rows: [
        [t('field_firstName'), person.firstName],
        [t('field_lastName'), person.lastName],
        [t('field_jobTitle'), person.jobTitle],
        [t('field_phone'), person.phone],
        [t('field_email'), person.email],
        [t('label_address'), joined([person.street, joined([person.postalCode, person.city]), person.country], ', ')],
        [t('field_birthDate'), date(person.birthDate)],
        [t('field_age'), person.age === null ? null : `${person.age} (${date(person.ageRecordedOn)})`],
        [t('field_www'), person.www],
        [t('field_ipAddress'), person.ipAddress],
        [t('field_notes'), person.notes],
        [t('field_language'), label(language, 'language', person.language)],
        [t('field_uid'), person.uid],
      ],
    },
    heading('heading_relationship'),
    {
      kind: 'keyValues',
      rows: [
        [t('field_kind'), data.relationshipKind.label[language]],
        [t('field_source'), data.source?.label[language] ?? null],
        [t('field_status'), `${label(language, 'personStatus', person.status)} (${date(person.statusChangedOn)})`],
        [t('field_lastActivityOn'), date(person.lastActivityOn)],
        [t('field_informed'), joined([date(person.informedOn), person.informedHow], ', ')],
        [t('field_restricted'), t(person.restricted ? 'yes' : 'no')],
        [t('field_createdAt'), when(person.createdAt)],
        [t('field_updatedAt'), when(person.updatedAt)],
      ],
    },
    heading('heading_employments'),
    table(
      ['col_organization', 'col_title', 'col_started', 'col_ended'],
      data.employments.map((e) => [
        joined([e.organization.name, e.organization.businessId && `(${e.organization.businessId})`]),
        e.title ?? '',
        date(e.startedOn),
        e.endedOn ? date(e.endedOn) : t('ongoing'),
      ]),
    ),
    heading('heading_consents'),
    table(
      ['col_subject', 'col_state', 'col_since', 'col_method'],
      data.consents.current.map((c) => [
        label(language, 'consent', c.subject),
        consentState(c.subject, c.granted),
        when(c.effectiveAt),
        label(language, 'method', c.method),
      ]),
    ),
    heading('heading_consentHistory'),
    table(
      ['col_subject', 'col_state', 'col_since', 'col_method', 'col_evidence', 'col_recordedAt', 'col_recordedBy'],
      data.consents.history.map((c) => [
        label(language, 'consent', c.subject),
        consentState(c.subject, c.granted),
        when(c.effectiveAt),
        label(language, 'method', c.method),
        c.evidence,
        when(c.recordedAt),
        c.recordedBy ?? '',
      ]),
    ),
    heading('heading_orders'),
    table(
      ['col_date', 'col_description', 'col_amount', 'col_invoice'],
      data.orders.map((o) => [
        date(o.orderedOn),
        o.description,
        formatEuros(o.amountCents, language),
        label(language, 'invoice', o.invoiceStatus),
      ]),
    ),
    heading('heading_contacts'),
    table(
      ['col_date', 'col_channel', 'col_kind', 'col_summary', 'col_recordedBy'],
      data.contacts.map((c) => [
        date(c.occurredOn),
        label(language, 'contactChannel', c.channel),
        label(language, 'contactKind', c.kind),
        c.summary,
        c.createdBy ?? '',
      ]),
    ),
    heading('heading_interests'),
    { kind: 'paragraph', text: data.interests.length > 0 ? data.interests.join(', ') : t('none') },
    heading('heading_customFields'),
    data.customFields.length === 0
      ? { kind: 'paragraph', text: t('none') }
      : {
          kind: 'keyValues',
          rows: data.customFields.map((f) => [f.label[language], f.type === 'date' ? date(f.value) : f.value]),
        },
    heading('heading_requests'),
    table(
      ['col_type', 'col_received', 'col_deadline', 'col_status', 'col_closed', 'col_outcome'],
      data.requests.map((r) => [
        `${label(language, 'requestType', r.type)} (${r.id})`,
        date(r.receivedOn),
        date(r.extendedTo ?? r.dueOn),
        label(language, 'requestStatus', r.status),
        date(r.closedOn),
        r.outcome ?? '',
      ]),
    ),
    heading('heading_retention'),
    table(
      ['col_rule', 'col_then', 'col_countsFrom', 'col_dueOn'],
      data.retention.policies.map((p) => [
        text(language, `rule_${p.rule}`, { period: periodWords(p.period, language) }),
        `${label(language, 'retentionAction', p.action)}, ${label(language, 'retentionMode', p.mode)}`,
        p.countsFrom ? date(p.countsFrom) : t('retentionNotStarted'),
        date(p.dueOn),
      ]),
    ),
    heading('heading_holds'),
    data.retention.holds.length === 0
      ? { kind: 'paragraph', text: t('none') }
      : { kind: 'lines', lines: data.retention.holds.map(hold) },
    heading('heading_processing'),
    ...(data.processing.length > processing.length
      ? [
          {
            kind: 'paragraph',
            text: t('processingLimited', { shown: processing.length, total: data.processing.length }),
          } satisfies Block,
        ]
      : []),
    table(
      ['col_time', 'col_action', 'col_actor'],
      processing.map((p) => [when(p.at), label(language, 'action', p.action), p.actor ?? '']),
    ),
    heading('heading_rights'),
    {
      kind: 'paragraph',
      text: t('report_rights', {
        authority: data.supervisoryAuthority.name[language],
        address: data.supervisoryAuthority.address,
        email: data.supervisoryAuthority.email,
        www: data.supervisoryAuthority.www,
      }),
    },
  ];
}

export function subjectReport(data: SubjectData, language: Language): DocumentModel {
  const meta = [
    text(language, 'report_forPerson', { name: fullName(data) }),
    text(language, 'report_prepared', { date: formatInstant(data.generatedAt, language) }),
  ];
  if (data.requestId !== null) meta.push(text(language, 'report_reference', { id: data.requestId }));
  return {
    title: text(language, 'report_title', { register: data.controller.registerName[language] }),
    meta,
    blocks: reportBlocks(data, language),
    empty: text(language, 'empty'),
  };
}
