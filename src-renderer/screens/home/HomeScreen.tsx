// The dashboard after login: who is signed in, the lock policy, and for the owner the register's
// integrity check and recent activity from the audit log.
import type { SessionInfo } from '../../app/types';
import { useI18n } from '../../i18n';
import { ActivityCard } from './ActivityCard';
import { AutoLockCard } from './AutoLockCard';
import { IntegrityCard } from './IntegrityCard';
import { PasswordCard } from './PasswordCard';

export function HomeScreen({
  session,
  onSessionChange,
}: {
  session: SessionInfo;
  onSessionChange: (session: SessionInfo) => void;
}) {
  const { messages, format } = useI18n();
  const t = messages.home;
  const isOwner = session.user.role === 'owner';
  return (
    <main className="page" aria-labelledby="home-title">
      <section className="card">
        <h1 id="home-title">{format(t.welcome, { name: session.user.displayName })}</h1>
        <dl className="facts">
          <dt>{t.role}</dt>
          <dd>{t.roles[session.user.role]}</dd>
        </dl>
        <p>{format(t.autoLock, { minutes: session.autoLockMinutes })}</p>
        <p className="muted">{t.nextSteps}</p>
      </section>
      {isOwner && <IntegrityCard />}
      {isOwner && <ActivityCard />}
      <PasswordCard session={session} />
      {isOwner && (
        <AutoLockCard
          minutes={session.autoLockMinutes}
          onSaved={(autoLockMinutes) => onSessionChange({ ...session, autoLockMinutes })}
        />
      )}
    </main>
  );
}
