// Reads one contract channel for a screen: loading, the answer or the error (one line in the
// user's language), again whenever `deps` change or `reload()` is called. An answer that arrives
// after the deps have changed again, or after the screen has gone, is dropped.
import { useCallback, useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/contract';
import { invoke } from '../api';
import { useI18n } from '../i18n';

export interface ChannelState<T> {
  /** The latest answer (kept when a later read fails); null until the first one. */
  data: T | null;
  /** What went wrong with the latest read, or null. */
  error: string | null;
  loading: boolean;
  /** Reads again with the same input; the current answer stays shown meanwhile. */
  reload: () => void;
  /** For a screen that changes what it shows (an answer to a save) without reading again. */
  setData: Dispatch<SetStateAction<T | null>>;
}

/** The message of a failed call: main's own (already in the user's language), or `unexpected`. */
export function errorText(error: unknown, unexpected: string): string {
  return error instanceof Error ? error.message : unexpected;
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
  const [data, setData] = useState<ChannelOutput<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What the latest answer was for: while it differs from the current deps, the read is loading
  // (known in the same render that changes them, so no frame shows an old answer as current).
  const [answered, setAnswered] = useState<DependencyList | null>(null);
  const [round, setRound] = useState(0);
  const skip = input === null;
  const asked = [channel, skip, round, ...deps];

  useEffect(() => {
    if (input === null) return;
    let live = true;
    invoke(channel, input)
      .then((value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setAnswered(asked);
      })
      .catch((failure: unknown) => {
        if (!live) return;
        setError(errorText(failure, messages.unexpected));
        setAnswered(asked);
      });
    return () => {
      live = false;
    };
    // The caller's deps stand for the input (as an effect's would); `skip` starts a read when the
    // input first becomes known; `round` counts reloads.
  }, asked);

  const reload = useCallback(() => setRound((count) => count + 1), []);
  const loading = !skip && !sameDeps(answered, asked);
  return { data, error, loading, reload, setData };
}

function sameDeps(a: DependencyList | null, b: DependencyList): boolean {
  return a !== null && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
