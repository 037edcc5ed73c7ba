// Every `kaappi` command, in the order --help lists them.
import type { Command } from '../command';
import { initCommand } from './init';
import { usersAddCommand, usersListCommand, usersRemoveCommand } from './users';
import { verifyCommand } from './verify';

export const commands: readonly Command[] = [
  initCommand,
  usersAddCommand,
  usersListCommand,
  usersRemoveCommand,
  verifyCommand,
];
