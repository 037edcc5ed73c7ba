// Mailchimp audience exports. The export is a zip of one CSV per status. Older exports name them
// subscribed_members_export_<id>.csv, unsubscribed_members_export_<id>.csv and
// cleaned_members_export_<id>.csv; current ones subscribed_email_audience_export_<id>.csv,
// unsubscribed_…, cleaned_… and nonsubscribed_email_audience_export_<id>.csv (contacts who never
// subscribed to email, e.g. from a shop). The columns are the audience's merge fields (Email
// Address, First Name, Last Name, Address, Phone Number, Birthday and whatever the owner added)
// followed by Mailchimp's own (OPTIN_TIME, OPTIN_IP, CONFIRM_TIME, CONFIRM_IP, LAST_CHANGED, TAGS,
// UNSUB_TIME, UNSUB_REASON, CLEAN_TIME, …); times are UTC. Assumed, as no public specification
// exists: the status comes from the file name, unless a status column (Status, Email Marketing
// Status, MEMBER_STATUS) says otherwise for a row; a nonsubscribed file's row with an UNSUB_TIME
// or CLEAN_TIME is treated as unsubscribed or cleaned. A renamed file is told by its columns
// (mailchimpStatusOfColumns). Merge fields are read by header name.
import type { ConsentChange } from '../consents';
import { suggestField } from './mapping';
import type { RowContext, RowExtras, RowProblem } from './rows';
import { evidenceText, problemText } from './texts';
import { parseInstant } from './times';
import type { ColumnMapping, RowProblemCode } from './vocabulary';

export const MAILCHIMP_STATUSES = ['subscribed', 'unsubscribed', 'cleaned', 'nonsubscribed'] as const;
export type MailchimpStatus = (typeof MAILCHIMP_STATUSES)[number];

const FILE_NAME =
  /^(subscribed|unsubscribed|cleaned|nonsubscribed)_(?:members|email_audience)_export(?:_[0-9a-z]+)?(?:\s*\(\d+\))?\.(?:csv|txt)$/i;

export function mailchimpStatusOfFile(fileName: string): MailchimpStatus | null {
  const status = FILE_NAME.exec(fileName)?.[1]?.toLowerCase();
  return (status as MailchimpStatus | undefined) ?? null;
}

/**
 * A renamed export's status from its columns: only the cleaned export has CLEAN_TIME and only the
 * unsubscribed one UNSUB_TIME. Subscribed and nonsubscribed exports have the same columns, so such
 * a file is 'byOptIn': a row is subscribed only when it carries an opt-in or confirmation time,
 * never on the file's word, so that no consent is made up. Null for a file that is not Mailchimp's.
 */
export function mailchimpStatusOfColumns(headers: string[]): MailchimpFileStatus | null {
  const has = (column: string) => headers.includes(column);
  if (has('CLEAN_TIME')) return 'cleaned';
  if (has('UNSUB_TIME')) return 'unsubscribed';
  if (has('OPTIN_TIME') && (has('LEID') || has('EUID') || has('MEMBER_RATING'))) return 'byOptIn';
  return null;
}

/** How a file's rows are read: a status for all of them, or subscribed by each row's opt-in time. */
export type MailchimpFileStatus = MailchimpStatus | 'byOptIn';

export const STATUS_COLUMNS = ['Status', 'Email Marketing Status', 'MEMBER_STATUS', 'Email Status'];
const STATUS_WORDS: Record<string, MailchimpStatus> = {
  subscribed: 'subscribed',
  unsubscribed: 'unsubscribed',
  cleaned: 'cleaned',
  'non-subscribed': 'nonsubscribed',
  nonsubscribed: 'nonsubscribed',
  transactional: 'nonsubscribed',
  pending: 'nonsubscribed',
  archived: 'nonsubscribed',
};

/** Mailchimp's own columns: read by this module, never offered as person fields. */
const SYSTEM_COLUMNS = new Set(
  `MEMBER_RATING OPTIN_TIME OPTIN_IP CONFIRM_TIME CONFIRM_IP LATITUDE LONGITUDE GMTOFF DSTOFF TIMEZONE CC REGION
   LAST_CHANGED LEID EUID NOTES UNSUB_TIME UNSUB_CAMPAIGN_TITLE UNSUB_CAMPAIGN_ID UNSUB_REASON UNSUB_REASON_OTHER
   CLEAN_TIME CLEAN_CAMPAIGN_TITLE CLEAN_CAMPAIGN_ID SSO_ID`.split(/\s+/),
);

const MERGE_FIELDS: ColumnMapping = {
  'Email Address': 'email',
  'First Name': 'firstName',
  'Last Name': 'lastName',
  'Phone Number': 'phone',
  Company: 'organization',
  TAGS: 'interests',
  // Mailchimp's birthday is a month and a day without a year; the register keeps full dates.
  Birthday: 'ignore',
  // The address merge field is one cell; mailchimpExtras splits it.
  Address: 'ignore',
};

/** The merge fields by Mailchimp's names, other columns by the generic suggestion, `given` over both. */
export function mailchimpMapping(headers: string[], given: ColumnMapping = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const known = MERGE_FIELDS[header];
    const target =
      given[header] ??
      known ??
      (SYSTEM_COLUMNS.has(header) || STATUS_COLUMNS.includes(header) ? 'ignore' : (suggestField(header) ?? 'ignore'));
    if (typeof target === 'string' && target !== 'ignore' && taken.has(target) && given[header] === undefined) {
      mapping[header] = 'ignore';
      continue;
    }
    if (typeof target === 'string') taken.add(target);
    mapping[header] = target;
  }
  return mapping;
}

/**
 * The address merge field as Mailchimp exports it: address line 1, line 2, city, state, postal code
 * and country separated by two spaces. Finnish addresses have no state; the city is the part
 * before the postal code.
 */
export function splitMailchimpAddress(text: string) {
  const parts = text
    .split(/\s{2,}/)
    .map((part) => part.trim())
    .filter(Boolean);
  const zip = parts.findIndex((part) => /^\d{5}$/.test(part));
  if (zip < 2) return null;
  const country = parts[zip + 1];
  return {
    street: parts.slice(0, zip - 1).join(', '),
    city: parts[zip - 1]!,
    postalCode: parts[zip]!,
    ...(country && /^[A-Z]{2}$/i.test(country) ? { country: country.toUpperCase() } : {}),
  };
}

/**
 * Unsubscribe reasons that object to marketing as such, not only to this newsletter: a spam
 * report, "I never signed up", or words that forbid marketing or contact. These set a
 * direct-marketing ban as well; "I no longer want these emails" withdraws the email consent only.
 */
const BAN_REASON =
  /spam|abuse|never signed up|nosignup|en ole tilannut|suoramarkkinointikielto|kiellän|älkää|ei markkinointia|no marketing|do not contact|don't contact|stop contacting/i;

interface MailchimpRow {
  status: MailchimpFileStatus;
  fileName: string;
  line: number;
}

/** What a Mailchimp row adds: consent events, the undeliverable mark, its times and address. */
export function mailchimpExtras(row: MailchimpRow, ctx: RowContext) {
  return (get: (header: string) => string, raw: (header: string) => string): RowExtras => {
    const problems: RowProblem[] = [];
    const fail = (code: RowProblemCode, column: string, value: string) =>
      problems.push({
        fileName: row.fileName,
        line: row.line,
        code,
        column,
        message: problemText(ctx.language, code, { column, value }),
        severity: 'error',
      });
    const time = (column: string): string | null => {
      const text = get(column);
      if (text === '') return null;
      const instant = parseInstant(text, 'UTC');
      if (!instant) fail('bad_time', column, text);
      else if (instant > ctx.now) fail('future_time', column, text);
      return instant;
    };
    const stated = STATUS_COLUMNS.map((column) => STATUS_WORDS[get(column).toLowerCase()]).find(Boolean);
    const optin = time('OPTIN_TIME');
    const confirm = time('CONFIRM_TIME');
    const changed = time('LAST_CHANGED');
    const unsubscribed = time('UNSUB_TIME');
    const cleaned = time('CLEAN_TIME');
    const fileStatus = row.status === 'byOptIn' ? (optin || confirm ? 'subscribed' : 'nonsubscribed') : row.status;
    let status = stated ?? fileStatus;
    if (!stated && status === 'nonsubscribed') status = cleaned ? 'cleaned' : unsubscribed ? 'unsubscribed' : status;

    const source = { file: row.fileName, line: row.line };
    const utc = (column: string) => `${get(column)} UTC`;
    const consents: ConsentChange[] = [];
    const grantedAt = confirm ?? optin;
    if (status !== 'nonsubscribed' && grantedAt) {
      consents.push({
        subject: 'email',
        granted: true,
        method: 'import',
        effectiveAt: grantedAt,
        evidence: evidenceText(ctx.language, 'mailchimpOptIn', {
          ...source,
          optin: optin ? utc('OPTIN_TIME') : '?',
          optinIp: get('OPTIN_IP') ? evidenceText(ctx.language, 'optinIp', { ip: get('OPTIN_IP') }) : '',
          confirm: confirm
            ? evidenceText(ctx.language, 'confirm', {
                time: utc('CONFIRM_TIME'),
                ip: get('CONFIRM_IP') ? evidenceText(ctx.language, 'optinIp', { ip: get('CONFIRM_IP') }) : '',
              })
            : '',
        }),
      });
    } else if (status === 'subscribed') {
      consents.push({
        subject: 'email',
        granted: true,
        method: 'import',
        effectiveAt: changed ?? ctx.now,
        evidence: evidenceText(ctx.language, 'mailchimpNoOptInTime', {
          ...source,
          changed: changed ? utc('LAST_CHANGED') : '?',
        }),
      });
    }
    if (status === 'unsubscribed') {
      const at = unsubscribed ?? changed ?? ctx.now;
      const reasonText = [get('UNSUB_REASON'), get('UNSUB_REASON_OTHER')].filter(Boolean).join(': ');
      const reason = reasonText ? evidenceText(ctx.language, 'reason', { reason: reasonText }) : '';
      const when = unsubscribed ? utc('UNSUB_TIME') : changed ? utc('LAST_CHANGED') : '?';
      consents.push({
        subject: 'email',
        granted: false,
        method: 'import',
        effectiveAt: at,
        evidence: evidenceText(ctx.language, 'mailchimpUnsubscribed', { ...source, time: when, reason }),
      });
      if (BAN_REASON.test(reasonText)) {
        consents.push({
          subject: 'ban_direct_marketing',
          granted: true,
          method: 'import',
          effectiveAt: at,
          evidence: evidenceText(ctx.language, 'mailchimpBan', { ...source, time: when, reason }),
        });
      }
    }
    const email = get('Email Address');
    const undeliverable =
      status === 'cleaned' && email
        ? {
            email,
            at: cleaned ?? changed ?? ctx.now,
            summary: evidenceText(ctx.language, 'undeliverable', {
              email,
              time: cleaned ? utc('CLEAN_TIME') : changed ? utc('LAST_CHANGED') : '?',
              campaign: get('CLEAN_CAMPAIGN_TITLE')
                ? evidenceText(ctx.language, 'campaign', { campaign: get('CLEAN_CAMPAIGN_TITLE') })
                : '',
            }),
          }
        : null;

    const address = raw('Address').trim();
    const values = address ? splitMailchimpAddress(address) : null;
    if (address && !values) {
      problems.push({
        fileName: row.fileName,
        line: row.line,
        code: 'address_unparsed',
        column: 'Address',
        message: problemText(ctx.language, 'address_unparsed', { value: address }),
        severity: 'warning',
      });
    }
    const times = [optin, confirm, changed, unsubscribed, cleaned].filter((t): t is string => t !== null).sort();
    return {
      consents,
      undeliverable,
      activityAt: times.at(-1) ?? null,
      values: values ?? (address ? { street: address.slice(0, 200) } : {}),
      problems,
    };
  };
}
