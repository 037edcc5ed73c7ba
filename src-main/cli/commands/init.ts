// `kaappi init`: creates a register with its owner and shows the recovery key, once.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { KaappiError } from '../../../src-shared/errors';
import { createRegister } from '../../core/register';
import { contract } from '../../../src-shared/contract';
import { defineCommand, validateOptions } from '../command';
import { newPassword } from '../secrets';
import { refuseFutureSigning } from '../signed-on';

const usage = 'kaappi init --register FILE --owner NAME [--display-name TEXT] [--confidentiality-date YYYY-MM-DD]';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'create a new register and show its recovery key (password: KAAPPI_PASSWORD or asked twice)',
  usage,
  options: {
    register: { type: 'string', help: 'the register file to create' },
    owner: { type: 'string', help: "the owner's username" },
    'display-name': { type: 'string', help: "the owner's name as shown in the app (default: the username)" },
    'confidentiality-date': { type: 'string', help: 'when the owner signed the confidentiality agreement, YYYY-MM-DD' },
  },
  required: ['register', 'owner'],
  async run(values, ctx) {
    const owner = validateOptions(
      contract['register.create'].input.omit({ password: true }),
      {
        username: values.owner,
        displayName: values['display-name'] ?? values.owner,
        confidentialitySignedOn: values['confidentiality-date'] ?? null,
      },
      { username: '--owner', displayName: '--display-name', confidentialitySignedOn: '--confidentiality-date' },
      ctx,
      usage,
    );
    refuseFutureSigning(owner.confidentialitySignedOn, ctx);
    const path = resolve(values.register ?? '');
    // Refuse before asking for a password that would be thrown away.
    if (existsSync(path)) throw new KaappiError('REGISTER_EXISTS');
    const password = await newPassword(ctx, 'KAAPPI_PASSWORD', owner.username);
    const { register, recoveryKey } = await createRegister(path, { ...owner, password }, ctx.deps);
    register.close();
    ctx.say('registerCreated', { path, owner: register.user.username });
    ctx.print('');
    ctx.say('recoveryKeyIntro');
    ctx.print('');
    ctx.print(`    ${recoveryKey}`);
    ctx.print('');
    return 0;
  },
});
