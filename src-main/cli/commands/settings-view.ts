// How `kaappi settings` puts the register's controller facts, a template's changes, the checklist
// and the notice's readiness into words, in Finnish or English. Scripts use `settings show --json`.

import type { NoticeStatus } from '../../core/notice';
import type { Checklist, PolicyTerms, SetupChanges, SetupEntry } from '../../core/presets';
import { periodWords } from '../../core/retention';
import type { RegisterProfile } from '../../core/settings';
import type { CliContext } from '../context';
import { cliMessage } from '../messages';
import { terminalValue } from '../terminal';
import { gapLines } from './notice-gaps';
import { interpolate, type Language } from '../../../src-shared/language';

/** The facts `kaappi settings set` changes, in the order shown. */
export const SETTABLE_KEYS = [
  'controller.name',
  'controller.businessId',
  'controller.street',
  'controller.postalCode',
  'controller.city',
  'controller.phone',
  'controller.email',
  'contactPerson.name',
  'contactPerson.phone',
  'contactPerson.email',
  'notice.transferChoice',
] as const;
export type SettableKey = (typeof SETTABLE_KEYS)[number];

/** This command's own lines; the shared catalog (messages.ts) is not this command's to change. */
const LINES = {
  en: {
    factsHeading: 'Controller and contact person (change with: kaappi settings set KEY VALUE):',
    notSet: '–',
    registerName: 'Register name: {fi} / {en}',
    noTemplate: 'No template applied: no checklist (kaappi settings apply-preset --preset KEY|FILE).',
    checklistHeading: 'Checklist of template {preset}, {done} of {total} confirmed (kaappi settings confirm ITEM):',
    checklistLeft: 'Still to confirm (kaappi settings confirm ITEM):',
    ready: 'Ready: the notice lacks nothing and every checklist item is confirmed.',
    notReady: 'Not ready: gaps in the notice {gaps}, checklist items to confirm {items}.',
    applied: 'Template {preset} applied.',
    dryRun: 'Dry run: applying template {preset} would change the following.',
    dryRunDone: 'Nothing was changed (dry run).',
    kindsOn: 'Relationship kinds switched on: {entries}',
    kindsOff: 'Relationship kinds switched off (persons keep theirs): {entries}',
    sourcesOn: 'Data sources switched on: {entries}',
    sourcesOff: 'Data sources switched off (persons keep theirs): {entries}',
    fieldsAdded: 'Custom fields added: {entries}',
    retentionHeading: 'Retention rules:',
    ruleOn: '  {rule}: {terms}',
    ruleChanged: '  {rule}: {terms} (was {before})',
    ruleOff: '  {rule}: off (was {before})',
    terms: '{period}, {action}, {mode}',
    termsKinds: '{period}, {action}, {mode}, kinds {kinds}',
    termsStated: 'stated, not enforced by Kaappi: {text}',
    action_delete: 'delete',
    action_anonymise: 'anonymise',
    mode_review: 'owner reviews',
    mode_automatic: 'automatic',
    setupUnchanged: 'Relationship kinds, data sources, retention rules and custom fields stay as they were.',
    saved: 'Saved {key}: {value}',
    cleared: 'Cleared {key}.',
    confirmed: 'Confirmed {item}.',
    reopened: 'Reopened {item}.',
    unknownItem: "ITEM: the checklist has no item '{item}'. Its items: {items}",
    unknownPreset:
      "--preset: there is no template '{preset}'. The templates: {presets}; or give the path of a template file.",
    missingFile: '--preset: no such file: {path}',
  },
  fi: {
    factsHeading: 'Rekisterinpitäjä ja yhteyshenkilö (muuta: kaappi settings set AVAIN ARVO):',
    notSet: '–',
    registerName: 'Rekisterin nimi: {fi} / {en}',
    noTemplate:
      'Pohjaa ei ole otettu käyttöön: ei tarkistuslistaa (kaappi settings apply-preset --preset AVAIN|TIEDOSTO).',
    checklistHeading: 'Pohjan {preset} tarkistuslista, {done}/{total} vahvistettu (kaappi settings confirm KOHTA):',
    checklistLeft: 'Vielä vahvistettavana (kaappi settings confirm KOHTA):',
    ready: 'Valmis: selosteesta ei puutu mitään ja tarkistuslistan jokainen kohta on vahvistettu.',
    notReady: 'Ei valmis: selosteen puutteita {gaps}, vahvistamattomia tarkistuslistan kohtia {items}.',
    applied: 'Pohja {preset} otettu käyttöön.',
    dryRun: 'Kokeiluajo: pohjan {preset} käyttöönotto muuttaisi seuraavat.',
    dryRunDone: 'Mitään ei muutettu (kokeiluajo).',
    kindsOn: 'Asiakkuuden lajit käyttöön: {entries}',
    kindsOff: 'Asiakkuuden lajit pois käytöstä (henkilöillä ne säilyvät): {entries}',
    sourcesOn: 'Tietolähteet käyttöön: {entries}',
    sourcesOff: 'Tietolähteet pois käytöstä (henkilöillä ne säilyvät): {entries}',
    fieldsAdded: 'Lisäkentät lisätty: {entries}',
    retentionHeading: 'Säilytyssäännöt:',
    ruleOn: '  {rule}: {terms}',
    ruleChanged: '  {rule}: {terms} (oli {before})',
    ruleOff: '  {rule}: pois käytöstä (oli {before})',
    terms: '{period}, {action}, {mode}',
    termsKinds: '{period}, {action}, {mode}, lajit {kinds}',
    termsStated: 'ilmoitettu, Kaappi ei valvo: {text}',
    action_delete: 'poisto',
    action_anonymise: 'anonymisointi',
    mode_review: 'omistaja tarkistaa',
    mode_automatic: 'automaattinen',
    setupUnchanged: 'Asiakkuuden lajit, tietolähteet, säilytyssäännöt ja lisäkentät pysyvät ennallaan.',
    saved: 'Tallennettu {key}: {value}',
    cleared: 'Tyhjennetty {key}.',
    confirmed: 'Vahvistettu {item}.',
    reopened: 'Vahvistus peruttu: {item}.',
    unknownItem: "KOHTA: tarkistuslistalla ei ole kohtaa '{item}'. Sen kohdat: {items}",
    unknownPreset: "--preset: pohjaa '{preset}' ei ole. Pohjat: {presets}; tai anna pohjatiedoston polku.",
    missingFile: '--preset: tiedostoa ei ole: {path}',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type LineKey = keyof (typeof LINES)['en'];

/** A line with its parameters filled in, each value's control and bidi characters written out. */
export function settingsLine(language: Language, key: LineKey, params: Record<string, string | number> = {}): string {
  return interpolate(LINES[language][key], params, { show: terminalValue });
}

const say = (ctx: CliContext, key: LineKey, params?: Record<string, string | number>) =>
  ctx.print(settingsLine(ctx.language, key, params));

export function factOf(profile: RegisterProfile, key: SettableKey): string {
  if (key === 'notice.transferChoice') return profile.notice.transferChoice ?? '';
  const [section, field] = key.split('.') as ['controller' | 'contactPerson', string];
  return (profile[section] as Record<string, string>)[field] ?? '';
}

const label = (ctx: CliContext, entry: SetupEntry) =>
  `${ctx.language === 'fi' ? entry.labelFi : entry.labelEn} (${entry.key})`;

export function printFacts(ctx: CliContext, profile: RegisterProfile): void {
  say(ctx, 'factsHeading');
  const width = Math.max(...SETTABLE_KEYS.map((key) => key.length)) + 2;
  for (const key of SETTABLE_KEYS) {
    ctx.print(`  ${key.padEnd(width)}${terminalValue(factOf(profile, key)) || LINES[ctx.language].notSet}`);
  }
  say(ctx, 'registerName', profile.registerName);
}

function printItems(ctx: CliContext, items: Checklist['items']): void {
  for (const item of items) {
    const mark = item.confirmedAt === null ? '[ ]' : '[x]';
    ctx.print(`  ${mark} ${item.key}: ${terminalValue(item.text[ctx.language])}`);
  }
}

/** The whole checklist with what is done, the gaps, and whether the notice is ready. */
export function printStatus(ctx: CliContext, status: NoticeStatus): void {
  const { checklist } = status;
  if (checklist === null) say(ctx, 'noTemplate');
  else {
    const done = checklist.items.filter((item) => item.confirmedAt !== null).length;
    say(ctx, 'checklistHeading', { preset: checklist.presetId, done, total: checklist.items.length });
    printItems(ctx, checklist.items);
  }
  printReadiness(ctx, status);
}

/** The gaps and whether the notice is ready: after any change. */
export function printReadiness(ctx: CliContext, status: NoticeStatus): void {
  for (const line of gapLines(ctx.language, status.gaps)) ctx.print(line);
  const items = status.checklist?.items.filter((item) => item.confirmedAt === null).length ?? 0;
  if (status.ready) say(ctx, 'ready');
  else say(ctx, 'notReady', { gaps: status.gaps.length, items });
}

/** Only the items still open: after a template is applied, or an item confirmed. */
export function printItemsLeft(ctx: CliContext, checklist: Checklist | null): void {
  const open = checklist?.items.filter((item) => item.confirmedAt === null) ?? [];
  if (open.length === 0) return;
  say(ctx, 'checklistLeft');
  printItems(ctx, open);
}

function termsInWords(ctx: CliContext, terms: PolicyTerms): string {
  const lines = LINES[ctx.language];
  if (!terms.period) return settingsLine(ctx.language, 'termsStated', { text: terms.text?.[ctx.language] ?? '' });
  const params = {
    period: periodWords(terms.period, ctx.language),
    action: lines[`action_${terms.action}`],
    mode: lines[`mode_${terms.mode}`],
    kinds: terms.kindKeys.join(', '),
  };
  return settingsLine(ctx.language, terms.kindKeys.length > 0 ? 'termsKinds' : 'terms', params);
}

export function printChanges(ctx: CliContext, changes: SetupChanges): void {
  const lists: Array<[LineKey, SetupEntry[]]> = [
    ['kindsOn', changes.kinds.on],
    ['kindsOff', changes.kinds.off],
    ['sourcesOn', changes.sources.on],
    ['sourcesOff', changes.sources.off],
    ['fieldsAdded', changes.customFields],
  ];
  const shown = lists.filter(([, entries]) => entries.length > 0);
  for (const [key, entries] of shown) {
    say(ctx, key, { entries: entries.map((entry) => label(ctx, entry)).join(', ') });
  }
  if (changes.retention.length > 0) say(ctx, 'retentionHeading');
  for (const { key, before, after } of changes.retention) {
    const rule = (after ?? before)?.rule;
    const name = rule ? `${cliMessage(ctx.language, `rule_${rule}`)} (${key})` : key;
    if (after === null) say(ctx, 'ruleOff', { rule: name, before: before ? termsInWords(ctx, before) : '' });
    else if (before === null) say(ctx, 'ruleOn', { rule: name, terms: termsInWords(ctx, after) });
    else say(ctx, 'ruleChanged', { rule: name, terms: termsInWords(ctx, after), before: termsInWords(ctx, before) });
  }
  if (shown.length === 0 && changes.retention.length === 0) say(ctx, 'setupUnchanged');
}
