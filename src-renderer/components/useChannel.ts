// Reads one contract channel for a screen: loading, the answer or the error (one line in the
// user's language), again whenever `deps` change or `reload()` is called. An answer that arrives
// after the deps have changed again, or after the screen has gone, is dropped.
import { useCallback, useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/contract';
import { ApiError, invoke } from '../api';
import { useI18n } from '../i18n';

export interface ChannelState<T> {
  /** The answer for the current input (kept while it is read again); null until there is one. */
  data: T | null;
  /** What went wrong with the current read, in the user's language; null when nothing did. */
  error: string | null;
  loading: boolean;
  /** Reads again with the same input; the current answer stays shown meanwhile. */
  reload: () => void;
  /** For a screen that changes what it shows (an answer to a save) without reading again. */
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * The message of a failed call: main's own (already in the user's language), or `unexpected` for
 * anything else (a bug, a broken bridge), which must not reach the user in English.
 */
export function errorText(error: unknown, unexpected: string): string {
  return error instanceof ApiError ? error.message : unexpected;
}

/** A failure that is not main's answer is a bug: kept in the console, since the user sees `unexpected`. */
export function logUnexpected(error: unknown): void {
  if (!(error instanceof ApiError)) console.error(error);
}

/**
 * `input` null: nothing is read (yet) and `data` stays as it is. `deps` work as an effect's: the
 * input is read when they change, so they must name everything `input` is made of.
 */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C> | null,
  deps: DependencyList,
): ChannelState<ChannelOutput<C>> {
  const { messages } = useI18n();
  const [answer, setAnswer] = useState<{ data: ChannelOutput<C> | null; for: DependencyList | null }>({
    data: null,
    for: null,
  });
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  // What the latest answer was for: while it differs from the current deps, the read is loading
  // (known in the same render that changes them, so no frame shows an old answer as current).
  const [answered, setAnswered] = useState<DependencyList | null>(null);
  const [round, setRound] = useState(0);
  const skip = input === null;
  const forInput = [channel, ...deps];
  const asked = [skip, round, ...forInput];

  useEffect(() => {
    if (input === null) return;
    let live = true;
    invoke(channel, input)
      .then((value) => {
        if (!live) return;
        setAnswer({ data: value, for: forInput });
        setFailure(null);
        setAnswered(asked);
      })
      .catch((error: unknown) => {
        logUnexpected(error);
        if (!live) return;
        setFailure({ error });
        setAnswered(asked);
      });
    return () => {
      live = false;
    };
    // The caller's deps stand for the input (as an effect's would); `skip` starts a read when the
    // input first becomes known; `round` counts reloads.
  }, asked);

  const reload = useCallback(() => setRound((count) => count + 1), []);
  const current = sameDeps(answered, asked);
  const currentInput = forInput;
  const setData = useCallback<Dispatch<SetStateAction<ChannelOutput<C> | null>>>(
    (next) =>
      setAnswer((previous) => ({
        data: typeof next === 'function' ? next(previous.data) : next,
        for: currentInput,
      })),
    forInput,
  );
  return {
    // An answer for another input is not shown: a new filter that fails leaves no old rows behind.
    data: sameDeps(answer.for, forInput) ? answer.data : null,
    // Worded at render time, so a language switch rewords it too.
    error: current && failure ? errorText(failure.error, messages.unexpected) : null,
    loading: !skip && !current,
    reload,
    setData,
  };
}

function sameDeps(a: DependencyList | null, b: DependencyList): boolean {
  return a !== null && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
