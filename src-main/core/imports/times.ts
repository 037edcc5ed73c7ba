// Times and dates as the source files write them, to ISO instants (consents' effectiveAt) and
// calendar dates. Mailchimp writes `2024-06-25 09:26:27` in UTC. Google Forms' own CSV writes
// `2024/03/15 10:22:31 AM EET` (or `GMT+2`); a response sheet downloaded as CSV writes the sheet's
// locale, `15.3.2024 10.22.31` in Finnish and `3/15/2024 10:22:31` in English, in the sheet's time
// zone, which for a Finnish business is Europe/Helsinki: that is the zone assumed when none is given.

export type Zone = 'UTC' | 'Europe/Helsinki';

const ZONE_OFFSETS: Record<string, number> = { UTC: 0, GMT: 0, Z: 0, EET: 120, EEST: 180, CET: 60, CEST: 120 };

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the text said; null = the file's zone. */
  offset: number | null;
}

function offsetOf(text: string | undefined): number | null | undefined {
  if (!text) return null;
  const zone = text.trim().toUpperCase();
  if (zone in ZONE_OFFSETS) return ZONE_OFFSETS[zone];
  const match = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toUpperCase() === 'PM';
  return (hour % 12) + (pm ? 12 : 0);
}

const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?\s*(AM|PM)?`;
const ZONE = String.raw`\s*(Z|[A-Z]{3,4}|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?)?`;
const PATTERNS: Array<{ re: RegExp; order: 'ymd' | 'dmy' | 'mdy' }> = [
  { re: new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+${TIME})?${ZONE}$`, 'i'), order: 'ymd' },
  { re: new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(?:klo\s+)?${TIME})?${ZONE}$`, 'i'), order: 'dmy' },
  { re: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+${TIME})?${ZONE}$`, 'i'), order: 'mdy' },
];

function parseWallTime(text: string): WallTime | null {
  const trimmed = text.trim();
  for (const { re, order } of PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [year, month, day] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
    const offset = offsetOf(m[8]);
    if (offset === undefined) return null;
    const wall = {
      year,
      month,
      day,
      hour: to24(Number(m[4] ?? 0), m[7]),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      offset,
    };
    const check = new Date(Date.UTC(year, month - 1, day, wall.hour, wall.minute, wall.second));
    const valid =
      check.getUTCFullYear() === year &&
      check.getUTCMonth() === month - 1 &&
      check.getUTCDate() === day &&
      wall.hour < 24 &&
      wall.minute < 60 &&
      wall.second < 60;
    return valid ? wall : null;
  }
  return null;
}

const helsinkiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Helsinki is ahead of UTC at this instant (120 or 180). */
function helsinkiOffset(ms: number): number {
  const parts = Object.fromEntries(helsinkiParts.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - ms) / 60_000);
}

/** The instant a wall-clock time names, in ISO form (like the register's effectiveAt). */
function toInstant(wall: WallTime, zone: Zone): string {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (wall.offset !== null) return new Date(asUtc - wall.offset * 60_000).toISOString();
  if (zone === 'UTC') return new Date(asUtc).toISOString();
  // The offset at the guess, then at the corrected instant (they differ only around DST changes).
  const first = asUtc - helsinkiOffset(asUtc) * 60_000;
  return new Date(asUtc - helsinkiOffset(first) * 60_000).toISOString();
}

/** A time in the file as an ISO instant; null when the text is not a time this reads. */
export function parseInstant(text: string, zone: Zone): string | null {
  const wall = parseWallTime(text);
  return wall ? toInstant(wall, zone) : null;
}

/** A calendar date (2024-03-15, 15.3.2024, 3/15/2024) as YYYY-MM-DD; null when not a date. */
export function parseDate(text: string): string | null {
  const wall = parseWallTime(text);
  if (!wall) return null;
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}
