// Every `kaappi` command, in the order --help lists them. Each is loaded only when it runs (or for
// --help): a command's own modules are all a run pays for, and under tsx loading every command
// took 3.5 s against about 1.9 s for one. A test checks each entry's name against its command.
import type { Command } from '../command';

export interface CommandEntry {
  /** The words that select it, as the command itself names them. */
  name: string;
  load: () => Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init')).initCommand },
  { name: 'users add', load: async () => (await import('./users')).usersAddCommand },
  { name: 'users list', load: async () => (await import('./users')).usersListCommand },
  { name: 'users remove', load: async () => (await import('./users')).usersRemoveCommand },
  { name: 'verify', load: async () => (await import('./verify')).verifyCommand },
  { name: 'contacts add', load: async () => (await import('./contacts')).contactsAddCommand },
  { name: 'contacts update', load: async () => (await import('./contacts')).contactsUpdateCommand },
  { name: 'contacts show', load: async () => (await import('./contacts')).contactsShowCommand },
  { name: 'contacts list', load: async () => (await import('./contacts')).contactsListCommand },
  { name: 'retention', load: async () => (await import('./retention')).retentionCommand },
  { name: 'erase', load: async () => (await import('./erase')).eraseCommand },
  { name: 'export-subject', load: async () => (await import('./export-subject')).exportSubjectCommand },
  { name: 'import', load: async () => (await import('./import')).importCommand },
  { name: 'export-list', load: async () => (await import('./export-list')).exportListCommand },
  { name: 'requests list', load: async () => (await import('./requests')).requestsListCommand },
  { name: 'backup', load: async () => (await import('./backup')).backupCommand },
  { name: 'restore', load: async () => (await import('./restore')).restoreCommand },
  { name: 'notice', load: async () => (await import('./notice')).noticeCommand },
  { name: 'settings show', load: async () => (await import('./settings')).settingsShowCommand },
  { name: 'settings apply-preset', load: async () => (await import('./settings')).settingsApplyPresetCommand },
  { name: 'settings set', load: async () => (await import('./settings')).settingsSetCommand },
  { name: 'settings confirm', load: async () => (await import('./settings')).settingsConfirmCommand },
];
