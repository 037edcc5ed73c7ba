// Which screen is showing: first run, login, or the register. Main decides; the renderer follows,
// including when main locks the session on its own (idle, OS lock).
import { useCallback, useEffect, useState } from 'react';
import { invoke, onLocked, type LockReason } from '../api';
import { useI18n } from '../i18n';
import { FirstRunScreen } from '../screens/first-run/FirstRunScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { LoginScreen } from '../screens/login/LoginScreen';
import { reportActivity } from './activity';
import { AppHeader } from './AppHeader';
import type { SessionInfo } from './types';

type View =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'first-run' }
  | { kind: 'login'; lockedBecause: LockReason | null }
  | { kind: 'register'; session: SessionInfo };

export function App() {
  const { messages } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });

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

  useEffect(
    () =>
      onLocked((reason) =>
        setView((current) => (current.kind === 'register' ? { kind: 'login', lockedBecause: reason } : current)),
      ),
    [],
  );

  const unlocked = view.kind === 'register';
  useEffect(() => (unlocked ? reportActivity() : undefined), [unlocked]);

  const lock = useCallback(() => {
    void invoke('session.lock', {}).finally(() => setView({ kind: 'login', lockedBecause: null }));
  }, []);

  const enter = useCallback((session: SessionInfo) => setView({ kind: 'register', session }), []);

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
      return <FirstRunScreen onDone={enter} />;
    case 'login':
      return (
        <LoginScreen
          onLoggedIn={enter}
          notice={view.lockedBecause ? messages.login.lockedBecause[view.lockedBecause] : undefined}
        />
      );
    case 'register':
      return (
        <>
          <AppHeader session={view.session} onLock={lock} />
          <HomeScreen session={view.session} onSessionChange={enter} />
        </>
      );
  }
}
