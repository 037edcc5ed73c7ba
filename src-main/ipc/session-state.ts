// The one session a window (or test host, or CLI run) has: the open register, if any, the UI
// language for messages, and when it was last used, for the idle lock.
import type { Clock } from '../core/clock';
import type { UnlockedRegister } from '../core/register';
import { readSettings } from '../core/settings';
import { passwordSetByOwner } from '../core/users';
import type { PushEvent } from '../../src-shared/contract';
import type { Language } from '../../src-shared/language';

export type LockReason = Extract<PushEvent, { type: 'session.locked' }>['reason'];

export class SessionState {
  language: Language = 'fi';
  /** The backup manifest picked on the login screen, waiting for credentials to restore it. */
  pendingRestore: string | null = null;
  /** The owner set this user's password (a reset): see Channel.beforeOwnPassword. */
  passwordChangeRequired = false;
  /** A restore awaits the owner's decision: see Channel.duringRestore. */
  restorePending = false;
  private register: UnlockedRegister | null = null;
  private lastActivityMs = 0;
  private autoLockMs = 10 * 60_000;

  constructor(
    private readonly clock: Clock,
    private readonly emit: (event: PushEvent) => void,
    private readonly logError: (context: string, error: unknown) => void = () => {},
  ) {}

  get current(): UnlockedRegister | null {
    return this.register?.isOpen ? this.register : null;
  }

  start(register: UnlockedRegister): void {
    this.end('user', { silent: true });
    this.register = register;
    this.passwordChangeRequired = passwordSetByOwner(register, register.user.id);
    this.restorePending = register.restorePending !== null;
    this.refreshSettings();
    this.touch();
  }

  refreshSettings(): void {
    if (this.register) this.autoLockMs = readSettings(this.register).autoLockMinutes * 60_000;
  }

  touch(): void {
    this.lastActivityMs = this.clock.now().getTime();
  }

  isIdleExpired(): boolean {
    return this.current !== null && this.clock.now().getTime() - this.lastActivityMs >= this.autoLockMs;
  }

  /**
   * Closes the database and drops the key, recording the lock in the audit log first. Locking
   * must always happen: if the audit entry cannot be written (disk full), the lock still does.
   */
  end(reason: LockReason, options: { silent?: boolean } = {}): void {
    const register = this.register;
    this.register = null;
    if (!register?.isOpen) return;
    try {
      register.transaction(() => register.audit({ action: 'session.locked', details: { reason } }));
    } catch (error) {
      this.logError('session.lock', error);
    } finally {
      try {
        register.close();
      } catch (error) {
        this.logError('session.lock', error);
      }
    }
    if (!options.silent) this.emit({ type: 'session.locked', reason });
  }
}
