// Oma tili: the signed-in user's own password, and for the owner the register's auto-lock time.
// Reached from the header, so the dashboard keeps to the register's state.
import { useEffect, useRef } from 'react';
import type { SessionInfo } from '../../app/types';
import { NumberSettingsCard } from '../../components/NumberSettingsCard';
import { useI18n } from '../../i18n';
import { PasswordCard } from './PasswordCard';

export function AccountScreen({
  session,
  onSessionChange,
}: {
  session: SessionInfo;
  onSessionChange: (session: SessionInfo) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.accountPage;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <main className="page" aria-labelledby="account-title">
      <section className="card">
        <h1 id="account-title" ref={headingRef} tabIndex={-1}>
          {t.title}
        </h1>
        <p className="muted">{t.intro}</p>
        <dl className="facts">
          <dt>{messages.login.username}</dt>
          <dd>{session.user.username}</dd>
          <dt>{messages.home.role}</dt>
          <dd>{messages.home.roles[session.user.role]}</dd>
        </dl>
        <p>{format(messages.home.autoLock, { minutes: session.autoLockMinutes })}</p>
      </section>
      <PasswordCard session={session} />
      {session.user.role === 'owner' && (
        <NumberSettingsCard
          id="autolock"
          title={messages.autoLock.title}
          fields={[
            {
              name: 'autoLockMinutes',
              label: messages.autoLock.minutes,
              hint: messages.autoLock.hint,
              min: 1,
              max: 240,
            },
          ]}
          initial={{ autoLockMinutes: session.autoLockMinutes }}
          savedText={messages.autoLock.saved}
          onSaved={({ autoLockMinutes }) => onSessionChange({ ...session, autoLockMinutes })}
        />
      )}
    </main>
  );
}
