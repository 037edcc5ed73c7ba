// What survives a lock, in this window's memory only: the screens the user had open and the forms
// she had not saved, given back when the same user unlocks and dropped for anyone else.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Route } from '../components/Navigation';

const drafts = new Map<string, unknown>();
let held: { userId: number; routes: Route[] } | null = null;

/** Called as the register locks: keeps the user's screens (and her drafts) for her return. */
export function holdForResume(userId: number, routes: Route[]): void {
  held = { userId, routes };
}

/**
 * The screens to return to after a login: the held ones when the same user unlocks; otherwise none,
 * and every draft is dropped so no one sees another user's unsaved form.
 */
export function resumeFor(userId: number): Route[] | null {
  const routes = held?.userId === userId ? held.routes : null;
  held = null;
  if (!routes) drafts.clear();
  return routes;
}

/** Drops everything held (a restore or an undone restore: the register is another one now). */
export function forgetResume(): void {
  held = null;
  drafts.clear();
}

export interface Draft<T> {
  value: T;
  set: (next: T | ((current: T) => T)) => void;
  /** Fills in what the form can guess (not the user's work, so not kept as a draft by itself). */
  prefill: (next: (current: T) => T) => void;
  /** Forgets the draft: call on save and on cancel. */
  discard: () => void;
  /** Forgets the draft and shows the form as it was before any change. */
  startOver: () => void;
  /** The form opened on a draft kept from before (a lock, or leaving the screen unsaved). */
  restored: boolean;
}

/**
 * Like useState for an unsaved form, but once the user has changed something the value outlives the
 * screen until it is saved or discarded, so a lock in the middle of typing loses nothing.
 */
export function useDraft<T>(key: string, initial: () => T): Draft<T> {
  const [restored, setRestored] = useState(() => drafts.has(key));
  const initialRef = useRef(initial);
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial()));
  const changed = useRef(restored);
  const discarded = useRef(false);
  useEffect(() => {
    if (changed.current && !discarded.current) drafts.set(key, value);
  }, [key, value]);
  const set = useCallback((next: T | ((current: T) => T)) => {
    changed.current = true;
    discarded.current = false;
    setValue(next);
  }, []);
  const discard = useCallback(() => {
    discarded.current = true;
    drafts.delete(key);
  }, [key]);
  const startOver = useCallback(() => {
    discard();
    setRestored(false);
    setValue(initialRef.current());
  }, [discard]);
  return { value, set, prefill: setValue, discard, startOver, restored };
}
