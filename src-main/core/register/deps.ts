// What a register runs with in the app, the CLI and the dev host: the system clock and randomness,
// and the OWASP-recommended scrypt cost for every password entry.
import { systemClock, systemRandom } from '../clock';
import { OWASP_SCRYPT } from '../keyring';
import type { RegisterDeps } from './unlocked';

export function defaultRegisterDeps(): RegisterDeps {
  return { clock: systemClock, random: systemRandom, scrypt: OWASP_SCRYPT };
}
