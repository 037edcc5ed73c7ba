// In-app navigation: which register screen shows, a back stack, and a small memory for screens
// that should look the same when the user comes back (the contacts table's search and filters).
// Everything here is forgotten when the register locks.
import { createContext, useContext, useEffect, useState } from 'react';
import type { SetupStep } from '../../src-shared/contract/notice-facts';

export type Route =
  | { name: 'home' }
  | { name: 'contacts' }
  | { name: 'person'; id: number }
  | { name: 'person-new' }
  | { name: 'person-edit'; id: number }
  | { name: 'organization'; id: number }
  | { name: 'retention' }
  | { name: 'requests' }
  | { name: 'request'; id: number }
  /** A new request; opened from a person's view, that person is already chosen. */
  | { name: 'request-new'; personId?: number }
  | { name: 'register-profile' }
  /** The settings' setup, at one step (the first when none is named). */
  | { name: 'settings'; step?: SetupStep }
  /** The signed-in user's own password and, for the owner, the auto-lock time. */
  | { name: 'account' }
  | { name: 'backup' }
  | { name: 'staff' }
  /** The audit log; opened from a person's view, filtered to that person. */
  | { name: 'audit'; personId?: number; personName?: string }
  | { name: 'import' }
  | { name: 'mailing-list' };

export interface Navigation {
  route: Route;
  /** Opens a screen; `replace` swaps the current one (e.g. a saved form shows what it saved). */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** Back to the previous screen, or to the contacts table when there is none. */
  back: () => void;
  canWrite: boolean;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationContext');
  return navigation;
}

const memory = new Map<string, unknown>();

/** Drops what screens remembered; called when the register locks. */
export function forgetScreens(): void {
  memory.clear();
}

/** Like useState, but the value survives leaving the screen and coming back (until lock). */
export function useRemembered<T>(key: string, initial: () => T): [T, (value: T | ((current: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial()));
  useEffect(() => {
    memory.set(key, value);
  }, [key, value]);
  return [value, setValue];
}
