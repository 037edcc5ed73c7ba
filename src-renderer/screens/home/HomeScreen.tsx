// The dashboard after login: who is signed in, the lock policy, the way to the customers, the
// requests waiting for an answer, how old the last backup is, and for the owner how far the setup
// is, how many are due for deletion, the controller details the letters use, the register's
// integrity check and recent activity. Own password and auto-lock live on the account screen.
import type { SessionInfo } from '../../app/types';
import { useNavigation } from '../../components/Navigation';
import { useI18n } from '../../i18n';
import { ActivityCard } from './ActivityCard';
import { BackupCard } from './BackupCard';
import { IntegrityCard } from './IntegrityCard';
import { NoticeCard } from './NoticeCard';
import { RegisterProfileCard } from './RegisterProfileCard';
import { RequestsCard } from './RequestsCard';
import { RetentionCard } from './RetentionCard';
import { SetupCard } from './SetupCard';

export function HomeScreen({ session }: { session: SessionInfo }) {
  const { messages, format } = useI18n();
  const t = messages.home;
  const isOwner = session.user.role === 'owner';
  const { navigate } = useNavigation();
  return (
    <main className="page" aria-labelledby="home-title">
      <section className="card">
        <h1 id="home-title">{format(t.welcome, { name: session.user.displayName })}</h1>
        <dl className="facts">
          <dt>{t.role}</dt>
          <dd>{t.roles[session.user.role]}</dd>
        </dl>
        <p>{format(t.autoLock, { minutes: session.autoLockMinutes })}</p>
        {isOwner && session.keyringEntriesDropped > 0 && (
          <p className="problem" role="alert" data-testid="keyring-dropped">
            {format(t.keyringDropped, { count: session.keyringEntriesDropped })}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => navigate({ name: 'contacts' })}>
            {t.openContacts}
          </button>
        </div>
      </section>
      {isOwner && <SetupCard onOpen={(step) => navigate({ name: 'settings', step })} />}
      <RequestsCard onOpen={() => navigate({ name: 'requests' })} />
      <BackupCard isOwner={isOwner} onOpen={() => navigate({ name: 'backup' })} />
      {isOwner && <RetentionCard onOpen={() => navigate({ name: 'retention' })} />}
      {isOwner && <NoticeCard onOpen={() => navigate({ name: 'settings', step: 'notice' })} />}
      {isOwner && <RegisterProfileCard onOpen={() => navigate({ name: 'register-profile' })} />}
      {isOwner && <IntegrityCard />}
      {isOwner && <ActivityCard />}
    </main>
  );
}
