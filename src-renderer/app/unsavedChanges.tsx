// Unsaved edits and leaving them. A form with changes registers how to save them; before the screen
// (or a settings step) changes, the user chooses: save and go on, go on without saving, or stay.
// Kept out of App so the app shell only wraps its navigation with it and renders the dialog.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Navigation } from '../components/Navigation';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n';

/** Saves a form's changes; resolves false when they could not be saved (the form shows why). */
type Save = () => Promise<boolean>;

const unsaved = new Map<symbol, Save>();
/** The leave waiting for the user's choice; null when no question is open. */
let pendingLeave: (() => void) | null = null;
const listeners = new Set<() => void>();

function setPending(leave: (() => void) | null) {
  pendingLeave = leave;
  for (const listener of listeners) listener();
}

/** While `hasChanges`, leaving the form's screen asks first; `save` is what "Save" in that question does. */
export function useUnsavedChanges(hasChanges: boolean, save: Save): void {
  const [id] = useState(() => Symbol('form'));
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!hasChanges) return undefined;
    unsaved.set(id, () => saveRef.current());
    return () => {
      unsaved.delete(id);
    };
  }, [id, hasChanges]);
}

/** Runs `leave` at once when nothing is unsaved; otherwise after the user has chosen. */
export function leaveWhenSaved(leave: () => void): void {
  if (unsaved.size === 0) leave();
  else setPending(leave);
}

/** The app's navigation with every move (header menu, links, back) asking first when edits are unsaved. */
export function useGuardedNavigation(navigation: Navigation): Navigation {
  return useMemo(
    () => ({
      ...navigation,
      navigate: (route, options) => leaveWhenSaved(() => navigation.navigate(route, options)),
      back: () => leaveWhenSaved(navigation.back),
    }),
    [navigation],
  );
}

/** The question itself; rendered once by the app shell while the register is open. */
export function UnsavedChangesDialog() {
  const { messages } = useI18n();
  const t = messages.unsaved;
  const leave = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pendingLeave,
  );
  // A lock closes the register with the question open: nothing of it may be waiting after unlock.
  useEffect(() => () => setPending(null), []);
  if (!leave) return null;

  const stay = () => setPending(null);
  const discard = () => {
    setPending(null);
    unsaved.clear();
    leave();
  };
  const save = async () => {
    setPending(null);
    for (const saveForm of [...unsaved.values()]) {
      // A form that could not save shows its errors; the user stays to fix them.
      if (!(await saveForm())) return;
    }
    unsaved.clear();
    leave();
  };
  return (
    <Dialog title={t.title} onClose={stay}>
      <p>{t.text}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {t.save}
        </button>
        <button type="button" className="button" onClick={discard}>
          {t.discard}
        </button>
        <button type="button" className="button" onClick={stay}>
          {t.stay}
        </button>
      </div>
    </Dialog>
  );
}
