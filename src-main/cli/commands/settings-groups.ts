// How `kaappi settings show` names the groups of persons (kinds) that declare their own data list
// or channel modes, and the custom fields kept for some kinds only; nothing when there are none.

import type { CustomFieldDefinition, KindGroup } from '../../core/lists';
import type { CliContext } from '../context';
import { terminalValue } from '../terminal';
import type { Language } from '../../../src-shared/language';

const LINES = {
  en: {
    heading: 'Groups of persons with their own data list or direct-marketing channels:',
    categories: 'data: {list}',
    registerCategories: "data: the register's list",
    channels: 'channels: {list}',
    registerChannels: "channels: the register's",
    fieldsHeading: 'Custom fields kept for some groups only:',
    optIn: 'consent',
    optOut: 'until objection',
  },
  fi: {
    heading: 'Rekisteröityjen ryhmät, joilla on oma tietoluettelo tai omat suoramarkkinointikanavat:',
    categories: 'tiedot: {list}',
    registerCategories: 'tiedot: rekisterin luettelo',
    channels: 'kanavat: {list}',
    registerChannels: 'kanavat: rekisterin',
    fieldsHeading: 'Lisäkentät vain joillekin ryhmille:',
    optIn: 'suostumuksella',
    optOut: 'kunnes kieltää',
  },
} as const satisfies Record<Language, Record<string, string>>;

const line = (ctx: CliContext, key: keyof (typeof LINES)['en'], list = '') =>
  LINES[ctx.language][key].replace('{list}', list);

export function printGroups(ctx: CliContext, groups: KindGroup[], fields: CustomFieldDefinition[]): void {
  const own = groups.filter((group) => group.dataCategories !== null || group.marketingChannels !== null);
  if (own.length > 0) {
    ctx.print(line(ctx, 'heading'));
    for (const group of own) {
      const name = terminalValue(ctx.language === 'fi' ? group.labelFi : group.labelEn);
      const categories = group.dataCategories
        ? line(ctx, 'categories', group.dataCategories.map((category) => category.key).join(', '))
        : line(ctx, 'registerCategories');
      const modes = group.marketingChannels;
      const channels = modes
        ? line(
            ctx,
            'channels',
            Object.entries(modes)
              .map(([channel, mode]) => `${channel} ${LINES[ctx.language][mode]}`)
              .join(', '),
          )
        : line(ctx, 'registerChannels');
      ctx.print(`  ${name} (${group.key}): ${categories}; ${channels}`);
    }
  }
  const scoped = fields.filter((field) => field.kindKeys.length > 0);
  if (scoped.length === 0) return;
  ctx.print(line(ctx, 'fieldsHeading'));
  for (const field of scoped) {
    const name = terminalValue(ctx.language === 'fi' ? field.labelFi : field.labelEn);
    ctx.print(`  ${name} (${field.key}): ${field.kindKeys.join(', ')}`);
  }
}
