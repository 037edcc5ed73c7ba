// Who keeps the register and what its privacy notice states: the controller, the contact person for
// register matters, what the register is for, the supervisory authority, and (under `notice`) the
// rest of the notice's facts. Letters, certificates and subject packages are filled in from the
// top-level fields; the printed notice and the Art. 30 record from all of it (core/notice).
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { preparedQuery } from '../../db/open';
import { settings } from '../../db/schema';
import {
  CONSENT_ONLY_CHANNELS,
  DEFAULT_NOTICE_FACTS,
  KAAPPI_MEASURES,
  noticeFactsConflict,
  SECURITY_MEASURES,
  type SecurityMeasure,
} from '../../../src-shared/contract/notice-facts';
import { registerProfileSchema } from '../../../src-shared/contract/register-profile';
import { KaappiError } from '../../../src-shared/errors';
import { showUnsafeCharacters } from '../../../src-shared/fields';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';

const PROFILE_KEY = 'registerProfile';

export { registerProfileSchema };
export type RegisterProfile = z.infer<typeof registerProfileSchema>;

export const DEFAULT_PROFILE: RegisterProfile = {
  controller: { name: '', businessId: '', street: '', postalCode: '', city: '', phone: '', email: '' },
  contactPerson: { name: '', phone: '', email: '' },
  registerName: { fi: 'Asiakasrekisteri', en: 'Customer register' },
  purposes: { fi: '', en: '' },
  authority: {
    name: { fi: 'Tietosuojavaltuutetun toimisto', en: 'Office of the Data Protection Ombudsman' },
    address: 'PL 800, 00521 Helsinki',
    email: 'tietosuoja@om.fi',
    www: 'www.tietosuoja.fi',
  },
  notice: DEFAULT_NOTICE_FACTS,
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored profile over the defaults, object by object: a profile saved before a field existed
 * (say, before the notice facts) gets that field's default instead of being thrown away whole.
 */
function overDefaults(defaults: unknown, stored: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(stored)) return stored === undefined ? defaults : stored;
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(defaults)) merged[key] = overDefaults(value, stored[key]);
  return merged;
}

/**
 * The security measures of a profile saved before they were a list: what its notice printed then
 * (Kaappi's encryption, backups, logins and confidentiality agreements, "not sent to any cloud
 * service"), except that a register with processors gets "also on partners' servers" instead of
 * the cloud claim, which its processors made untrue.
 */
function withMeasures(stored: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(stored.notice)) return stored;
  const notice = stored.notice;
  if (!isPlainObject(notice.security) || notice.security.measures !== undefined) return stored;
  const partners = Array.isArray(notice.processors) && notice.processors.length > 0;
  const chosen = new Set<SecurityMeasure>([...KAAPPI_MEASURES, partners ? 'partnerServers' : 'notInCloud']);
  const measures = SECURITY_MEASURES.filter((measure) => chosen.has(measure));
  return { ...stored, notice: { ...notice, security: { ...notice.security, measures } } };
}

/** Every text with its control and bidi characters (line breaks too) written out as escapes. */
function unsafeShown(value: unknown): unknown {
  if (typeof value === 'string') return showUnsafeCharacters(value);
  if (Array.isArray(value)) return value.map(unsafeShown);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unsafeShown(inner)]));
}

export function readRegisterProfile(register: UnlockedRegister): RegisterProfile {
  const row = preparedQuery(register.db, 'readRegisterProfile', () =>
    register.db
      .select()
      .from(settings)
      .where(eq(settings.key, sql.placeholder('key'))),
  ).get({ key: PROFILE_KEY });
  // A copy: a caller in the same process (the CLI, a test host) may change what it gets.
  if (!row) return structuredClone(DEFAULT_PROFILE);
  const stored = overDefaults(DEFAULT_PROFILE, withMeasures(JSON.parse(row.value)));
  const parsed = registerProfileSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  // Saved before the contract refused control characters: shown written out for the owner to mend,
  // rather than the whole profile falling back to the defaults.
  const shown = registerProfileSchema.safeParse(unsafeShown(stored));
  return shown.success ? shown.data : structuredClone(DEFAULT_PROFILE);
}

/** When the profile was last saved (null: never), for the notice's "changed since printed". */
export function registerProfileChangedAt(register: UnlockedRegister): string | null {
  return (
    register.db.select({ updatedAt: settings.updatedAt }).from(settings).where(eq(settings.key, PROFILE_KEY)).get()
      ?.updatedAt ?? null
  );
}

export function updateRegisterProfile(register: UnlockedRegister, profile: RegisterProfile): RegisterProfile {
  assertRole(register, 'owner');
  // Also in the schema (for the form); said here in words for callers that skip the contract.
  const modes = profile.notice.marketingChannels;
  if (modes && CONSENT_ONLY_CHANNELS.some((channel) => modes[channel] !== 'optIn'))
    throw new KaappiError('ELECTRONIC_MARKETING_OPT_OUT');
  const valid = registerProfileSchema.parse(profile);
  const conflict = noticeFactsConflict(valid.notice);
  if (conflict === 'transfers') throw new KaappiError('NOTICE_TRANSFER_CONFLICT');
  if (conflict === 'securityMeasures') throw new KaappiError('NOTICE_MEASURES_CONFLICT');
  const json = JSON.stringify(valid);
  const now = register.deps.clock.now().toISOString();
  register.transaction((db) => {
    db.insert(settings)
      .values({ key: PROFILE_KEY, value: json, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
      .run();
    register.audit({ action: 'settings.updated', targetType: 'settings', details: { keys: PROFILE_KEY } });
  });
  return readRegisterProfile(register);
}
