// App status, register creation, login, recovery and lock.
import {
  createRegister,
  recoverAccess,
  registerExists,
  unlockRegister,
  type UnlockedRegister,
} from '../../core/register';
import { readSettings } from '../../core/settings';
import { assertSignedBy } from '../../core/users/confidentiality';
import type { HandlerContext, HandlersFor } from '../registry';
import type { SessionState } from '../session-state';

export function sessionInfo(register: UnlockedRegister, session: SessionState) {
  return {
    user: { ...register.user },
    autoLockMinutes: readSettings(register).autoLockMinutes,
    mustChangePassword: session.passwordChangeRequired,
  };
}

function begin(ctx: HandlerContext, register: UnlockedRegister) {
  ctx.session.start(register);
  // The retention run happens at unlock (and daily while open, see Registry.runScheduled);
  // a failure there must not keep anyone out of the register.
  ctx.runScheduled();
  return sessionInfo(register, ctx.session);
}

export const sessionHandlers: HandlersFor<
  | 'app.status'
  | 'app.setLanguage'
  | 'register.create'
  | 'session.login'
  | 'session.recover'
  | 'session.lock'
  | 'session.activity'
> = {
  'app.status': (ctx) => {
    const current = ctx.session.current;
    return {
      registerExists: registerExists(ctx.registerPath),
      session: current ? sessionInfo(current, ctx.session) : null,
    };
  },
  'app.setLanguage': (ctx, input) => {
    ctx.session.language = input.language;
    return null;
  },
  'register.create': async (ctx, input) => {
    // Not in createRegister (core/register is being changed on another branch); the same clock.
    assertSignedBy(input.confidentialitySignedOn, ctx.deps.clock);
    const { register, recoveryKey } = await createRegister(ctx.registerPath, input, ctx.deps);
    return { recoveryKey, session: begin(ctx, register) };
  },
  'session.login': async (ctx, input) => begin(ctx, await unlockRegister(ctx.registerPath, input, ctx.deps)),
  'session.recover': async (ctx, input) => begin(ctx, await recoverAccess(ctx.registerPath, input, ctx.deps)),
  // The registry has already counted the call as activity; nothing else to do.
  'session.activity': () => null,
  'session.lock': (ctx) => {
    ctx.session.end('user', { silent: true });
    return null;
  },
};
