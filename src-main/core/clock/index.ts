// Time and randomness are injected so tests can travel in time and repeat themselves.
import { randomBytes } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(date: Date): void {
    this.current = new Date(date.getTime());
  }
  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type RandomSource = (bytes: number) => Buffer;
export const systemRandom: RandomSource = (bytes) => randomBytes(bytes);

/** Made once: making a formatter costs more than formatting. */
const finnishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });

/** The calendar date in Finland (Europe/Helsinki) at this instant, as YYYY-MM-DD. */
export function finnishDate(instant: Date): string {
  return finnishDay.format(instant);
}
