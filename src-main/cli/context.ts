// What every command gets from its surroundings: environment, language, core dependencies and
// where to write. Built once in main.ts from the process; nothing else reads process.env.
import { systemClock, systemRandom } from '../core/clock';
import { OWASP_SCRYPT, type ScryptParams } from '../core/keyring';
import type { RegisterDeps } from '../core/register';
import { cliMessage, type CliMessage } from './messages';
import { terminalText } from './terminal';
import type { Language } from '../../src-shared/language';

export type Env = Record<string, string | undefined>;

/** The cheap scrypt cost of test/fixtures; only for the CLI's own tests (KAAPPI_TEST_FAST_KDF=1). */
const TEST_ONLY_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

export interface CliContext {
  env: Env;
  language: Language;
  deps: RegisterDeps;
  /** One line to stdout, with any control or bidi character but line feed and tab written out. */
  print(line: string): void;
  /** A line in the user's language to stdout. */
  say(key: CliMessage, params?: Record<string, string | number>): void;
  /**
   * A passing status on a terminal (the next one overwrites it; null clears it), on stderr so
   * stdout stays the result. Nothing when stderr is not a terminal: scripts get no noise.
   */
  status(line: string | null): void;
}

export function cliLanguage(env: Env): Language {
  if (env.KAAPPI_LANG === 'fi' || env.KAAPPI_LANG === 'en') return env.KAAPPI_LANG;
  return env.LANG?.startsWith('fi') ? 'fi' : 'en';
}

export function cliDeps(env: Env): RegisterDeps {
  return {
    clock: systemClock,
    random: systemRandom,
    // Both switches, so the cheap cost cannot be turned on in real use by one stray variable.
    scrypt: env.KAAPPI_TEST_FAST_KDF === '1' && env.NODE_ENV === 'test' ? TEST_ONLY_SCRYPT : OWASP_SCRYPT,
  };
}

export function createContext(
  env: Env,
  write: (text: string) => void,
  /** Where status lines go: a terminal's stderr, or nowhere. */
  terminal?: (text: string) => void,
): CliContext {
  const language = cliLanguage(env);
  const print = (line: string) => write(`${terminalText(line)}\n`);
  let shown = false;
  return {
    env,
    language,
    deps: cliDeps(env),
    print,
    say: (key, params) => print(cliMessage(language, key, params)),
    status: (line) => {
      if (!terminal || (line === null && !shown)) return;
      // Back to the line's start and clear it (ANSI erase line), then the new text without a newline.
      terminal(`\r\x1b[2K${terminalText(line ?? '')}`);
      shown = line !== null;
    },
  };
}
