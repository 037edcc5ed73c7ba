// Every `kaappi` command, in the order --help lists them.
import type { Command } from '../command';
import { backupCommand, restoreCommand } from './backup';
import { contactsAddCommand, contactsListCommand, contactsShowCommand, contactsUpdateCommand } from './contacts';
import { eraseCommand } from './erase';
import { exportListCommand } from './export-list';
import { exportSubjectCommand } from './export-subject';
import { importCommand } from './import';
import { initCommand } from './init';
import { noticeCommand } from './notice';
import { requestsListCommand } from './requests';
import { retentionCommand } from './retention';
import { usersAddCommand, usersListCommand, usersRemoveCommand } from './users';
import { verifyCommand } from './verify';

export const commands: readonly Command[] = [
  initCommand,
  usersAddCommand,
  usersListCommand,
  usersRemoveCommand,
  verifyCommand,
  contactsAddCommand,
  contactsUpdateCommand,
  contactsShowCommand,
  contactsListCommand,
  retentionCommand,
  eraseCommand,
  exportSubjectCommand,
  importCommand,
  exportListCommand,
  requestsListCommand,
  backupCommand,
  restoreCommand,
  noticeCommand,
];
