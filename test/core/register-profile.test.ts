// A register profile saved before the contract refused control and bidi characters still reads,
// with those characters written out, instead of falling back to the defaults as a whole.
import { expect, it } from 'vitest';
import { DEFAULT_PROFILE, readRegisterProfile } from '../../src-main/core/settings';
import { settings } from '../../src-main/db/schema';
import { registerForThisTest } from '../fixtures/for-this-test';
import { writableDb } from '../fixtures/writable';

it('a stored profile with a control character keeps its contents, the character written out', async () => {
  const { register } = await registerForThisTest();
  const stored = {
    ...DEFAULT_PROFILE,
    controller: { ...DEFAULT_PROFILE.controller, name: 'Hehku\u001b[2J Wellness Oy', city: 'Jyväskylä' },
    purposes: { fi: 'Asiakassuhteen hoito.\u0007', en: '' },
  };
  writableDb(register)
    .insert(settings)
    .values({ key: 'registerProfile', value: JSON.stringify(stored), updatedAt: '2026-11-01T10:00:00.000Z' })
    .run();
  expect(readRegisterProfile(register)).toMatchObject({
    controller: { name: 'Hehku\\u{1b}[2J Wellness Oy', city: 'Jyväskylä' },
    purposes: { fi: 'Asiakassuhteen hoito.\\u{7}' },
  });
});
