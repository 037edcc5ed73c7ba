// `kaappi export-list`: the mailing list for a channel, with only those who may be contacted that
// way today, as a CSV for Mailchimp or (--labels) as A4 address labels; the same core as the app's
// exports.mailingList and exports.labels channels, whose access rules apply. Says how many were
// left out and why. The file is its owner's alone (0600): it lists people.
import { CHANNELS, PURPOSES, type Channel, type Purpose } from '../../core/consents';
import { addressLabels, mailingList, type MailingExport } from '../../core/exports';
import { writePrivateFile } from '../../core/written-files';
import { UsageError } from '../args';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import { interpolate } from '../../../src-shared/language';

const LINES = {
  en: {
    written: '{count} persons written to {path}.',
    leftOut: '{count} left out:',
    reason: '  {reason}: {count}',
    restricted: 'processing restricted',
    no_channel_consent: 'no consent for this channel',
    objected: 'objected to marketing on this channel',
    direct_marketing_ban: 'direct marketing ban',
    research_ban: 'research ban',
    publication_ban: 'ban on publishing in lists',
    no_address: 'no address for this channel',
    undeliverable: 'email address undeliverable (Mailchimp cleaned)',
    incomplete_address: 'postal code or city missing',
  },
  fi: {
    written: '{count} henkilöä kirjoitettu tiedostoon {path}.',
    leftOut: '{count} jätettiin pois:',
    reason: '  {reason}: {count}',
    restricted: 'käsittely rajoitettu',
    no_channel_consent: 'ei suostumusta tähän kanavaan',
    objected: 'kieltänyt markkinoinnin tässä kanavassa',
    direct_marketing_ban: 'suoramarkkinointikielto',
    research_ban: 'tutkimuskielto',
    publication_ban: 'luettelointikielto',
    no_address: 'ei osoitetta tähän kanavaan',
    undeliverable: 'sähköpostiosoite ei toimi (Mailchimp cleaned)',
    incomplete_address: 'postinumero tai postitoimipaikka puuttuu',
  },
} as const;

type Line = keyof (typeof LINES)['en'];
const line = (ctx: CliContext, key: Line, params: Record<string, string | number> = {}) =>
  interpolate(LINES[ctx.language][key], params);

const USAGE =
  'kaappi export-list --register FILE --user NAME [--recovery-key] --channel email|sms|phone|post [--purpose marketing|research|listing] [--labels] --out FILE';

export const exportListCommand = defineCommand({
  name: 'export-list',
  summary: 'write a mailing list (CSV for Mailchimp) or address labels (PDF) of those who may be contacted',
  usage: USAGE,
  options: {
    ...OPEN_OPTIONS,
    channel: { type: 'string', help: `the channel: ${CHANNELS.join(', ')}` },
    purpose: {
      type: 'string',
      help: `what for: ${PURPOSES.join(', ')} (default marketing; labels are always a listing)`,
    },
    labels: { type: 'boolean', help: 'A4 address labels (3 x 8) as PDF instead of CSV; needs --channel post' },
    out: { type: 'string', help: 'the file to write' },
  },
  required: ['register', 'user', 'channel', 'out'],
  async run(values, ctx) {
    const channel = values.channel as Channel;
    if (!CHANNELS.includes(channel)) throw new UsageError(`--channel: one of ${CHANNELS.join(', ')}`);
    const purpose = (values.purpose ?? 'marketing') as Purpose;
    if (!PURPOSES.includes(purpose)) throw new UsageError(`--purpose: one of ${PURPOSES.join(', ')}`);
    if (values.labels && channel !== 'post') throw new UsageError('--labels: labels are for --channel post');
    const out = values.out ?? '';
    return withRegister(values, ctx, values.labels ? 'exports.labels' : 'exports.mailingList', async (register) => {
      const result: MailingExport = values.labels
        ? await addressLabels(register, {}, ctx.language)
        : mailingList(register, { channel, purpose }, ctx.language);
      writePrivateFile(out, result.file.bytes);
      ctx.print(line(ctx, 'written', { count: result.included, path: out }));
      if (result.leftOut.total > 0) {
        ctx.print(line(ctx, 'leftOut', { count: result.leftOut.total }));
        for (const [reason, count] of Object.entries(result.leftOut.reasons)) {
          ctx.print(line(ctx, 'reason', { reason: reason in LINES.en ? line(ctx, reason as Line) : reason, count }));
        }
      }
      return 0;
    });
  },
});
