import { describe, expect, it } from 'vitest';
import { KaappiError } from '../../src-shared/errors';
import { createContext } from '../../src-main/cli/context';
import { reportFailure } from '../../src-main/cli/report';

function report(error: unknown, env: Record<string, string> = {}) {
  let stderr = '';
  const code = reportFailure(
    error,
    createContext({ KAAPPI_LANG: 'en', ...env }, () => {}),
    (text) => (stderr += text),
  );
  return { code, stderr };
}

describe('how the kaappi command reports failures', () => {
  it('shows an unexpected error as one line, without its stack', () => {
    const error = new Error('disk I/O error\n    while writing page 7');
    expect(report(error)).toEqual({
      code: 1,
      stderr:
        'kaappi: Unexpected error. Nothing was changed. Please try again. (Error: disk I/O error while writing page 7)\n',
    });
  });

  it('adds the stack of an unexpected error only with KAAPPI_DEBUG=1', () => {
    const { stderr } = report(new Error('disk I/O error'), { KAAPPI_DEBUG: '1' });
    const [first, ...rest] = stderr.trimEnd().split('\n');
    expect(first).toMatch(/^kaappi: Unexpected error\./);
    expect(rest.join('\n')).toMatch(/^Error: disk I\/O error\n\s+at /);
  });

  it('shows a domain error in the user’s language, with its parameters and no stack even when debugging', () => {
    expect(
      report(new KaappiError('LOGIN_THROTTLED', { wait: '8 s' }), { KAAPPI_LANG: 'fi', KAAPPI_DEBUG: '1' }),
    ).toEqual({
      code: 1,
      stderr:
        'kaappi: Liian monta epäonnistunutta yritystä. Odota 8 s ja yritä uudelleen. Odotus koskee kaikkia tämän koneen käyttäjiä.\n',
    });
  });

  it('follows LANG when KAAPPI_LANG is not set', () => {
    const env = { KAAPPI_LANG: '', LANG: 'fi_FI.UTF-8' };
    expect(report(new KaappiError('USER_NOT_FOUND'), env).stderr).toBe('kaappi: Käyttäjää ei löydy.\n');
  });
});
