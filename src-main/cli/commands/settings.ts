// `kaappi settings show|apply-preset|set|confirm`: sets a register up without the app's first-run
// screens (a template, the controller's facts, the checklist), with the access rules of its channels.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { noticeStatus, updateNoticeSettings } from '../../core/notice';
import {
  applyPresetWithChanges,
  confirmChecklistItem,
  listPresets,
  loadPreset,
  loadPresetFile,
  presetsDirectory,
  readChecklist,
  type Preset,
} from '../../core/presets';
import type { UnlockedRegister } from '../../core/register';
import { DEFAULT_PROFILE, readRegisterProfile } from '../../core/settings';
import { contract } from '../../../src-shared/contract';
import { TRANSFER_CHOICES, type TransferChoice } from '../../../src-shared/contract/notice-facts';
import { businessId, email, phone } from '../../../src-shared/contract/register-fields';
import { UsageError } from '../args';
import { defineCommand, validateInput } from '../command';
import type { CliContext } from '../context';
import { CliFailure } from '../messages';
import { jsonText } from '../terminal';
import { listCustomFields, listKindGroups } from '../../core/lists';
import { printGroups } from './settings-groups';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import {
  factOf,
  printChanges,
  printFacts,
  printItemsLeft,
  printReadiness,
  printStatus,
  SETTABLE_KEYS,
  settingsLine,
  type LineKey,
  type SettableKey,
} from './settings-view';

const OPENS = '--register FILE --user NAME [--recovery-key]';
const PRESET_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** A failure in the user's language, naming the option or argument: exit 1, nothing changed. */
const failure = (ctx: CliContext, key: LineKey, params: Record<string, string | number>) =>
  new CliFailure('invalidInput', { problems: settingsLine(ctx.language, key, params) });

export const settingsShowCommand = defineCommand({
  name: 'settings show',
  summary: 'show the controller and contact person, the checklist and whether the notice is ready',
  usage: `kaappi settings show ${OPENS} [--json]`,
  options: { ...OPEN_OPTIONS, json: { type: 'boolean', help: 'print JSON instead of text' } },
  required: ['register', 'user'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'notice.settings', (register) => {
      const profile = readRegisterProfile(register);
      const status = noticeStatus(register);
      if (values.json) {
        const { controller, contactPerson, registerName } = profile;
        const checklist = status.checklist && {
          presetId: status.checklist.presetId,
          items: status.checklist.items.map((item) => ({ ...item, done: item.confirmedAt !== null })),
        };
        const groups = listKindGroups(register.db);
        const customFields = listCustomFields(register.db);
        ctx.print(jsonText({ controller, contactPerson, registerName, ...status, checklist, groups, customFields }, 2));
        return 0;
      }
      printFacts(ctx, profile);
      printGroups(ctx, listKindGroups(register.db), listCustomFields(register.db));
      printStatus(ctx, status);
      return 0;
    }),
});

/** A template by its id in the presets folder, or from a file; read before the register is opened. */
function readTemplate(given: string, ctx: CliContext): { id: string; preset: Preset } {
  if (PRESET_ID.test(given)) {
    if (existsSync(join(presetsDirectory(), `${given}.json`))) return { id: given, preset: loadPreset(given) };
    const presets = listPresets().presets.map((preset) => preset.id);
    throw failure(ctx, 'unknownPreset', { preset: given, presets: presets.join(', ') });
  }
  const path = resolve(given);
  if (!existsSync(path) || !statSync(path).isFile()) throw failure(ctx, 'missingFile', { path });
  return { id: basename(path).replace(/\.json$/i, ''), preset: loadPresetFile(dirname(path), basename(path)) };
}

class Rehearsed<T> extends Error {
  constructor(readonly outcome: T) {
    super('rehearsed');
  }
}

/** Runs `work` in a transaction that is then rolled back: the register, audit log too, stays as it was. */
function rehearse<T>(register: UnlockedRegister, work: () => T): T {
  try {
    return register.transaction((): never => {
      throw new Rehearsed(work());
    });
  } catch (error) {
    if (error instanceof Rehearsed) return error.outcome as T;
    throw error;
  }
}

const applyUsage = `kaappi settings apply-preset ${OPENS} --preset KEY|FILE [--dry-run]`;

export const settingsApplyPresetCommand = defineCommand({
  name: 'settings apply-preset',
  summary: 'apply a template (kinds, sources, retention, notice wording); owners only',
  usage: applyUsage,
  options: {
    ...OPEN_OPTIONS,
    preset: { type: 'string', help: 'a template id in resources/presets, or the path of a template file' },
    'dry-run': { type: 'boolean', help: 'print what would change, and change nothing' },
  },
  required: ['register', 'user', 'preset'],
  run(values, ctx) {
    const { id, preset } = readTemplate(values.preset ?? '', ctx);
    return withRegister(values, ctx, 'presets.apply', (register) => {
      const apply = () => ({ ...applyPresetWithChanges(register, id, preset), status: noticeStatus(register) });
      const dryRun = values['dry-run'] === true;
      const { changes, status } = dryRun ? rehearse(register, apply) : apply();
      ctx.print(settingsLine(ctx.language, dryRun ? 'dryRun' : 'applied', { preset: id }));
      printChanges(ctx, changes);
      printItemsLeft(ctx, status.checklist);
      printReadiness(ctx, status);
      if (dryRun) ctx.print(settingsLine(ctx.language, 'dryRunDone'));
      return 0;
    });
  },
});

/** The app's field rules for a fact that has a format; the other facts are plain lines. */
const FORMATS: Partial<Record<SettableKey, z.ZodType<string | null, unknown>>> = {
  'controller.businessId': businessId,
  'controller.phone': phone,
  'controller.email': email,
  'contactPerson.phone': phone,
  'contactPerson.email': email,
};

/** The value to store: checked as the settings screen's save is, then by the fact's format. */
function checkedFact(key: SettableKey, value: string, ctx: CliContext): string {
  if (key === 'notice.transferChoice') {
    const choice = value.trim();
    if (choice !== '' && !(TRANSFER_CHOICES as readonly string[]).includes(choice)) {
      throw new UsageError(`notice.transferChoice: one of ${TRANSFER_CHOICES.join(', ')}`, setUsage);
    }
    return choice;
  }
  const [section, field] = key.split('.') as ['controller' | 'contactPerson', string];
  // The channel's own input schema, with the rest of the section blank, so only this fact is judged.
  validateInput(
    contract['notice.updateSettings'].input,
    { [section]: { ...DEFAULT_PROFILE[section], [field]: value } },
    {},
    ctx,
  );
  const format = FORMATS[key];
  if (!format) return value.trim();
  const formatted = validateInput(format, value, { '': key }, ctx);
  // A phone number is kept as written ("040 123 4567"), as the settings screen keeps it; the rule
  // only checks it. A business ID is stored in its normal form, an email trimmed.
  if (formatted === null) return '';
  return key.endsWith('.phone') ? value.trim() : formatted;
}

const setUsage = `kaappi settings set ${OPENS} KEY VALUE   (KEY: ${SETTABLE_KEYS.join(', ')})`;

export const settingsSetCommand = defineCommand({
  name: 'settings set',
  summary:
    "set a fact of the controller or contact person, or the notice's transfer choice (empty VALUE clears it); owners only",
  usage: setUsage,
  options: OPEN_OPTIONS,
  required: ['register', 'user'],
  arguments: ['KEY', 'VALUE'],
  run(values, ctx, [key = '', value = '']) {
    if (!(SETTABLE_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`unknown KEY '${key}'; the keys: ${SETTABLE_KEYS.join(', ')}`, setUsage);
    }
    const fact = key as SettableKey;
    const stored = checkedFact(fact, value, ctx);
    return withRegister(values, ctx, 'notice.updateSettings', (register) => {
      const [section, field] = fact.split('.') as ['controller' | 'contactPerson' | 'notice', string];
      const profile = readRegisterProfile(register);
      const saved =
        section === 'notice'
          ? updateNoticeSettings(register, {
              notice: { ...profile.notice, transferChoice: (stored || null) as TransferChoice | null },
            })
          : updateNoticeSettings(register, { [section]: { ...profile[section], [field]: stored } });
      const now = factOf(saved.profile, fact);
      ctx.print(settingsLine(ctx.language, now ? 'saved' : 'cleared', { key: fact, value: now }));
      printReadiness(ctx, noticeStatus(register));
      return 0;
    });
  },
});

export const settingsConfirmCommand = defineCommand({
  name: 'settings confirm',
  summary: 'confirm items of the template’s checklist, ITEM or ITEM,ITEM,… (--undo takes them back); owners only',
  usage: `kaappi settings confirm ${OPENS} ITEM[,ITEM…] [--undo]`,
  options: { ...OPEN_OPTIONS, undo: { type: 'boolean', help: 'take the confirmation back' } },
  required: ['register', 'user'],
  arguments: ['ITEM'],
  run: (values, ctx, [list = '']) =>
    withRegister(values, ctx, 'notice.confirmChecklist', (register) => {
      const asked = list.split(',').map((item) => item.trim());
      const items = readChecklist(register)?.items.map((entry) => entry.key);
      const confirmed = values.undo !== true;
      // Every item checked before any is changed; with no checklist at all, core says to apply a template first.
      const inputs = asked.map((item) => {
        if (items && !items.includes(item)) throw failure(ctx, 'unknownItem', { item, items: items.join(', ') });
        return validateInput(contract['notice.confirmChecklist'].input, { key: item, confirmed }, {}, ctx);
      });
      register.transaction(() => {
        for (const input of inputs) confirmChecklistItem(register, input.key, input.confirmed);
      });
      for (const item of asked) ctx.print(settingsLine(ctx.language, confirmed ? 'confirmed' : 'reopened', { item }));
      const status = noticeStatus(register);
      printItemsLeft(ctx, status.checklist);
      printReadiness(ctx, status);
      return 0;
    }),
});
