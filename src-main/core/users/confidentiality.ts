// The date a user signed the confidentiality agreement: a day that has come, by the register's
// clock (the contract keeps the fixed bound, not before 1900; "today" needs the injected clock).
import { finnishDate, type Clock } from '../clock';
import { KaappiError } from '../../../src-shared/errors';

/** Whether the date is after today in Finland, by `clock`. */
export function signedAfterToday(signedOn: string | null | undefined, clock: Clock): boolean {
  return Boolean(signedOn) && signedOn! > finnishDate(clock.now());
}

/** Refuses a signing date after today: nobody signs in the future. */
export function assertSignedBy(signedOn: string | null | undefined, clock: Clock): void {
  if (signedAfterToday(signedOn, clock)) throw new KaappiError('DATE_IN_FUTURE');
}
