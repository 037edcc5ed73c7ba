// Who keeps the register: the controller, the contact person for register matters, what the register
// is for, and the supervisory authority. Letters, certificates and subject packages are filled in
// from here; the settings issue grows this into the full privacy notice.
import { z } from 'zod';
import { settings } from '../../db/schema';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';

const PROFILE_KEY = 'registerProfile';

const text = (max: number) => z.string().trim().max(max);
const localized = (max: number) => z.object({ fi: text(max), en: text(max) });

export const registerProfileSchema = z.object({
  controller: z.object({
    name: text(200),
    businessId: text(20),
    street: text(200),
    postalCode: text(20),
    city: text(100),
    phone: text(40),
    email: text(200),
  }),
  contactPerson: z.object({ name: text(200), phone: text(40), email: text(200) }),
  registerName: localized(200),
  purposes: localized(4000),
  /** The supervisory authority, a setting because its details change (PRODUCT.md). */
  authority: z.object({ name: localized(200), address: text(300), email: text(200), www: text(200) }),
});
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
};

export function readRegisterProfile(register: UnlockedRegister): RegisterProfile {
  const row = register.db
    .select()
    .from(settings)
    .all()
    .find((r) => r.key === PROFILE_KEY);
  if (!row) return DEFAULT_PROFILE;
  const parsed = registerProfileSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_PROFILE;
}

export function updateRegisterProfile(register: UnlockedRegister, profile: RegisterProfile): RegisterProfile {
  assertRole(register, 'owner');
  const json = JSON.stringify(registerProfileSchema.parse(profile));
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
