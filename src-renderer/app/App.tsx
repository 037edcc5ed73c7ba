// Which screen is showing: first run, login, or the register. Main decides; the renderer follows,
// including when main locks the session on its own (idle, OS lock). Inside the register a small
// route stack picks the screen (home, contacts, person, organization, requests, …).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { invoke, onLocked, type LockReason } from '../api';
import { forgetScreens, NavigationContext, type Navigation, type Route } from '../components/Navigation';
import { useI18n } from '../i18n';
import { BackupScreen } from '../screens/backup/BackupScreen';
import { ContactsScreen } from '../screens/contacts/ContactsScreen';
import { FirstRunScreen } from '../screens/first-run/FirstRunScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { LoginScreen } from '../screens/login/LoginScreen';
import { OrganizationScreen } from '../screens/organization/OrganizationScreen';
import { PersonFormScreen } from '../screens/person/PersonFormScreen';
import { PersonScreen } from '../screens/person/PersonScreen';
import { NewRequestScreen } from '../screens/requests/NewRequestScreen';
import { RequestScreen } from '../screens/requests/RequestScreen';
import { RequestsScreen } from '../screens/requests/RequestsScreen';
import { RetentionScreen } from '../screens/retention/RetentionScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { StaffScreen } from '../screens/staff/StaffScreen';
import { ImportScreen } from '../screens/imports/ImportScreen';
import { MailingListScreen } from '../screens/exports/MailingListScreen';
import { forgetBackupRun } from '../screens/backup/backupRun';
import { reportActivity } from './activity';
import { forgetResume, holdForResume, resumeFor } from './resume';
import { AppHeader } from './AppHeader';
import { UnsavedChangesDialog, useGuardedNavigation } from './unsavedChanges';
import { AccountScreen } from '../screens/account/AccountScreen';
import { OwnPasswordRequiredScreen } from '../screens/home/OwnPasswordRequiredScreen';
import { RestoreConfirmScreen } from '../screens/home/RestoreConfirmScreen';
import type { SessionInfo } from './types';

/** The header's top-level places: opening one starts a fresh back trail. */
const TOP_LEVEL: ReadonlyArray<Route['name']> = [
  'home',
  'contacts',
  'retention',
  'requests',
  'backup',
  'settings',
  'staff',
  'account',
];

type View =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'first-run' }
  | { kind: 'login'; lockedBecause: LockReason | null; restored?: boolean; undone?: boolean }
  | { kind: 'register'; session: SessionInfo };

export function App() {
  const { messages } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [routes, setRoutes] = useState<Route[]>([{ name: 'home' }]);

  // Not useChannel: the answer only picks the first view; login, lock and restore move it on.
  useEffect(() => {
    invoke('app.status', {})
      .then((status) =>
        setView(
          status.session
            ? { kind: 'register', session: status.session }
            : status.registerExists
              ? { kind: 'login', lockedBecause: null }
              : { kind: 'first-run' },
        ),
      )
      .catch(() => setView({ kind: 'error' }));
  }, []);

  // The lock handlers read these without being re-subscribed on every navigation.
  const routesRef = useRef(routes);
  const userRef = useRef<number | null>(null);
  const userId = view.kind === 'register' ? view.session.user.id : null;
  useEffect(() => {
    routesRef.current = routes;
    userRef.current = userId;
  }, [routes, userId]);

  /**
   * Forgets what the screens showed, but holds the user's place and drafts for her return. The route
   * stack stays as it is until the next login, so a second lock signal holds the same place.
   */
  const leaveRegister = useCallback(() => {
    if (userRef.current !== null) holdForResume(userRef.current, routesRef.current);
    forgetScreens();
    forgetBackupRun();
  }, []);

  useEffect(
    () =>
      onLocked((reason) => {
        leaveRegister();
        setView((current) => (current.kind === 'register' ? { kind: 'login', lockedBecause: reason } : current));
      }),
    [leaveRegister],
  );

  const unlocked = view.kind === 'register';
  useEffect(() => (unlocked ? reportActivity() : undefined), [unlocked]);
  // A new view (the register after the first-run setup or a login) starts at its top, not where
  // the long form before it was scrolled.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [view.kind]);

  const lock = useCallback(() => {
    leaveRegister();
    void invoke('session.lock', {}).finally(() => setView({ kind: 'login', lockedBecause: null }));
  }, [leaveRegister]);

  const enter = useCallback((session: SessionInfo) => setView({ kind: 'register', session }), []);

  /**
   * A login: the same user returns to where she was; anyone else, a recovery with the key or a
   * restore starts at home, and the drafts held for the lock are dropped.
   */
  const loggedIn = useCallback(
    (session: SessionInfo, how: { resume: boolean } = { resume: true }) => {
      const fresh = session.restorePending || !how.resume;
      if (fresh) forgetResume();
      setRoutes((fresh ? null : resumeFor(session.user.id)) ?? [{ name: 'home' }]);
      enter(session);
    },
    [enter],
  );

  const canWrite = view.kind === 'register' && view.session.user.role !== 'readonly';
  const navigation = useMemo<Navigation>(
    () => ({
      route: routes.at(-1) ?? { name: 'home' },
      canWrite,
      navigate: (route, options) => {
        window.scrollTo(0, 0);
        setRoutes((current) => {
          // The header's top-level places start a fresh trail.
          if (TOP_LEVEL.includes(route.name)) return [route];
          return options?.replace ? [...current.slice(0, -1), route] : [...current, route];
        });
      },
      back: () => {
        window.scrollTo(0, 0);
        setRoutes((current) => (current.length > 1 ? current.slice(0, -1) : [{ name: 'contacts' }]));
      },
    }),
    [routes, canWrite],
  );
  const guardedNavigation = useGuardedNavigation(navigation);

  switch (view.kind) {
    case 'loading':
      return <p className="centered muted">{messages.loading}</p>;
    case 'error':
      return (
        <p className="centered problem" role="alert">
          {messages.unexpected}
        </p>
      );
    case 'first-run':
      return (
        <FirstRunScreen
          onDone={enter}
          onRestored={() => {
            forgetResume();
            setView({ kind: 'login', lockedBecause: null, restored: true });
          }}
        />
      );
    case 'login':
      return (
        <LoginScreen
          onLoggedIn={loggedIn}
          notice={
            view.restored
              ? messages.backup.restore.loginNotice
              : view.undone
                ? messages.backup.confirm.undone
                : view.lockedBecause
                  ? messages.login.lockedBecause[view.lockedBecause]
                  : undefined
          }
        />
      );
    case 'register':
      return (
        <NavigationContext.Provider value={guardedNavigation}>
          <UnsavedChangesDialog />
          <AppHeader session={view.session} onLock={lock} />
          <div id="main" className="main-target" tabIndex={-1}>
            {view.session.restorePending ? (
              <RestoreConfirmScreen
                onConfirmed={() => enter({ ...view.session, restorePending: false })}
                onUndone={() => {
                  forgetScreens();
                  forgetResume();
                  setView({ kind: 'login', lockedBecause: null, undone: true });
                }}
              />
            ) : view.session.mustChangePassword ? (
              <OwnPasswordRequiredScreen
                session={view.session}
                onChanged={() => enter({ ...view.session, mustChangePassword: false })}
              />
            ) : (
              <RegisterScreen route={navigation.route} session={view.session} onSessionChange={enter} />
            )}
          </div>
        </NavigationContext.Provider>
      );
  }
}

function RegisterScreen({
  route,
  session,
  onSessionChange,
}: {
  route: Route;
  session: SessionInfo;
  onSessionChange: (session: SessionInfo) => void;
}) {
  // Keys remount a screen when it shows another person, so no state leaks between them.
  switch (route.name) {
    case 'home':
      return <HomeScreen session={session} />;
    case 'account':
      return <AccountScreen session={session} onSessionChange={onSessionChange} />;
    case 'contacts':
      return <ContactsScreen isOwner={session.user.role === 'owner'} />;
    case 'person':
      return <PersonScreen key={route.id} id={route.id} />;
    case 'person-new':
      return <PersonFormScreen key="new" />;
    case 'person-edit':
      return <PersonFormScreen key={route.id} id={route.id} />;
    case 'organization':
      return <OrganizationScreen key={route.id} id={route.id} />;
    case 'retention':
      return <RetentionScreen />;
    case 'requests':
      return <RequestsScreen />;
    case 'request':
      return <RequestScreen key={route.id} id={route.id} isOwner={session.user.role === 'owner'} />;
    case 'request-new':
      return <NewRequestScreen key={route.personId ?? 'new'} personId={route.personId} />;
    case 'register-profile':
      return <SettingsScreen key="controller" isOwner={session.user.role === 'owner'} focusController />;
    case 'settings':
      return <SettingsScreen key={route.step ?? ''} isOwner={session.user.role === 'owner'} step={route.step} />;
    case 'backup':
      return <BackupScreen />;
    case 'staff':
      return <StaffScreen currentUserId={session.user.id} />;
    case 'audit':
      return <AuditScreen key={route.personId ?? 'all'} personId={route.personId} personName={route.personName} />;
    case 'import':
      return <ImportScreen />;
    case 'mailing-list':
      return <MailingListScreen />;
  }
}
