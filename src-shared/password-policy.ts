// What counts as a strong enough password. Shared by the contract (so the renderer's form and the
// main process apply the same rule) and the strength meter on the first-run and user screens.
// zxcvbn estimates guessability from common-password lists, Finnish and English words, names and
// keyboard patterns; length alone would accept "aaaaaaaaaaaa".
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as finnishDictionary } from '@zxcvbn-ts/language-fi';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's top score (≥10^10 guesses): with Finnish words known, 'Salasana1234!' only reaches 3. */
export const MIN_PASSWORD_SCORE = 4;

let estimator: ZxcvbnFactory | undefined;

/** Score 0 (trivial) to 4 (strong), with length below the minimum capped at 1. */
export function passwordStrength(password: string, userInputs: string[] = []): 0 | 1 | 2 | 3 | 4 {
  if (password.length === 0) return 0;
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...finnishDictionary },
    graphs: adjacencyGraphs,
  });
  const score = estimator.check(password.slice(0, 256), userInputs).score;
  return password.length < MIN_PASSWORD_LENGTH ? (Math.min(score, 1) as 0 | 1) : score;
}

export function isStrongPassword(password: string, userInputs: string[] = []): boolean {
  return password.length >= MIN_PASSWORD_LENGTH && passwordStrength(password, userInputs) >= MIN_PASSWORD_SCORE;
}
