// The one placeholder filler every catalog uses (renderer, CLI, documents, notice, errors).
import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src-shared/language';

describe('interpolate', () => {
  it('fills every {name}, numbers included, and leaves other braces alone', () => {
    expect(interpolate('{n} henkilöä ryhmässä {group} {}', { n: 3, group: 'Jooga' })).toBe(
      '3 henkilöä ryhmässä Jooga {}',
    );
  });

  it('empties a missing value, or keeps the placeholder visible when asked', () => {
    expect(interpolate('Hei {name}!', {})).toBe('Hei !');
    expect(interpolate('Hei {name}!', {}, { keepUnknown: true })).toBe('Hei {name}!');
    expect(interpolate('Hei {name}!', { name: null }, { keepUnknown: true })).toBe('Hei !');
  });

  it('shows values through the given function, never the template itself', () => {
    const shout = (value: string) => value.toUpperCase();
    expect(interpolate('Tiedosto {file} on {state}', { file: 'a.csv', state: 'ok' }, { show: shout })).toBe(
      'Tiedosto A.CSV on OK',
    );
  });
});
