// `kaappi users add|list|remove`: staff accounts, with the same core rules as the Users screen.
import { KaappiError } from '../../../src-shared/errors';
import { normaliseUsername } from '../../core/keyring';
import { addUser, deactivateUser, listUsers, type UserSummary } from '../../core/users';
import { contract } from '../../../src-shared/contract';
import { defineCommand, validateOptions } from '../command';
import type { CliContext } from '../context';
import { cliMessage } from '../messages';
import { newPassword } from '../secrets';
import { refuseFutureSigning } from '../signed-on';
import { textTable } from '../table';
import { jsonText } from '../terminal';
import { OPEN_OPTIONS, withRegister } from '../with-register';

const OPENS = '--register FILE --user NAME [--recovery-key]';
const addUsage = `kaappi users add ${OPENS} --username U --display-name D --role owner|staff|readonly --confidentiality-date YYYY-MM-DD`;

export const usersAddCommand = defineCommand({
  name: 'users add',
  summary: 'add a user (their password: KAAPPI_NEW_PASSWORD or asked twice)',
  usage: addUsage,
  options: {
    ...OPEN_OPTIONS,
    username: { type: 'string', help: 'the new user’s username' },
    'display-name': { type: 'string', help: 'their name as shown in the app' },
    role: { type: 'string', help: 'owner, staff or readonly' },
    'confidentiality-date': { type: 'string', help: 'when they signed the confidentiality agreement, YYYY-MM-DD' },
  },
  required: ['register', 'user', 'username', 'display-name', 'role', 'confidentiality-date'],
  async run(values, ctx) {
    const input = validateOptions(
      contract['users.add'].input.omit({ password: true }),
      {
        username: values.username,
        displayName: values['display-name'],
        role: values.role,
        confidentialitySignedOn: values['confidentiality-date'],
      },
      {
        username: '--username',
        displayName: '--display-name',
        role: '--role',
        confidentialitySignedOn: '--confidentiality-date',
      },
      ctx,
      addUsage,
    );
    refuseFutureSigning(input.confidentialitySignedOn, ctx);
    return withRegister(values, ctx, 'users.add', async (register) => {
      const password = await newPassword(ctx, 'KAAPPI_NEW_PASSWORD', input.username);
      const added = await addUser(register, { ...input, password });
      ctx.say('userAdded', { username: added.username, role: added.role });
      return 0;
    });
  },
});

export const usersListCommand = defineCommand({
  name: 'users list',
  summary: 'list users, removed ones included',
  usage: `kaappi users list ${OPENS} [--json]`,
  options: { ...OPEN_OPTIONS, json: { type: 'boolean', help: 'print JSON instead of a table' } },
  required: ['register', 'user'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'users.list', (register) => {
      const list = listUsers(register);
      if (values.json) ctx.print(jsonText(list, 2));
      else ctx.print(usersTable(list, ctx));
      return 0;
    }),
});

export const usersRemoveCommand = defineCommand({
  name: 'users remove',
  summary: 'deactivate a user and re-encrypt the register with a new key',
  usage: `kaappi users remove ${OPENS} --username U`,
  options: { ...OPEN_OPTIONS, username: { type: 'string', help: 'the user to remove' } },
  required: ['register', 'user', 'username'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'users.deactivate', (register) => {
      const username = normaliseUsername(values.username ?? '');
      const target = listUsers(register).find((user) => user.username === username);
      if (!target) throw new KaappiError('USER_NOT_FOUND');
      const { keyVersion } = deactivateUser(register, target.id);
      ctx.say('userRemoved', { username, keyVersion });
      return 0;
    }),
});

function usersTable(list: UserSummary[], ctx: CliContext): string {
  const header = cliMessage(ctx.language, 'usersHeader').split('\t');
  const rows = list.map((user) => [
    user.username,
    user.displayName,
    user.role,
    user.confidentialitySignedOn ?? '-',
    cliMessage(ctx.language, user.active ? 'userActive' : 'userRemovedStatus'),
  ]);
  return textTable(header, rows);
}
