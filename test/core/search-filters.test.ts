import { describe, expect, it } from 'vitest';
import { recordConsents } from '../../src-main/core/consents';
import { createOrganization } from '../../src-main/core/organizations';
import {
  addInterest,
  createPerson,
  interestTags,
  passivatePersons,
  removeInterest,
  searchPersons,
} from '../../src-main/core/persons';
import type { PersonQuery } from '../../src-main/core/persons/search';
import { registerForThisTest } from '../fixtures/for-this-test';
import { organization, person } from '../fixtures/people';
import { writableDb } from '../fixtures/writable';
import { statementRecorder } from '../bench/sql-capture';

describe("the contacts table's filters", () => {
  it('each finds its persons, counted and paged, alone and with a search', async () => {
    const { register, travelTo } = await registerForThisTest();
    travelTo('2026-12-06');
    const org = createOrganization(register, organization());
    const named = (firstName: string, extra: Parameters<typeof person>[0] = {}, organizationId?: number) =>
      createPerson(
        register,
        person({ firstName, email: `${firstName.toLowerCase()}@example.fi`, ...extra }),
        organizationId === undefined ? {} : { organizationId },
      ).id;
    const aino = named('Aino', {}, org.id);
    const eero = named('Eero', { kindKey: 'prospect', sourceKey: 'newsletter' });
    const helmi = named('Helmi');
    const olli = named('Olli');
    passivatePersons(register, [helmi], '2020-05-01');
    addInterest(register, [olli, aino], 'jooga');
    recordConsents(register, aino, [{ subject: 'email', granted: true, method: 'form', evidence: 'Lomake' }]);

    const cases: Array<[PersonQuery['filters'], number[]]> = [
      [{ statuses: ['passive'] }, [helmi]],
      [{ statuses: ['active', 'passive'] }, [aino, eero, helmi, olli]],
      [{ kindKeys: ['prospect'] }, [eero]],
      [{ sourceKeys: ['newsletter'] }, [eero]],
      [{ organizationId: org.id }, [aino]],
      [{ interest: 'jooga' }, [aino, olli]],
      [{ passiveForYears: 4 }, [helmi]],
      [{ noConsent: true }, [eero, helmi, olli]],
      [{ notInformed: true }, [aino, eero, helmi, olli]],
      [{ restricted: false }, [aino, eero, helmi, olli]],
    ];
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    for (const [filters, expected] of cases) {
      const label = JSON.stringify(filters);
      const all = searchPersons(register, { filters, offset: 0, limit: 50 });
      expect({ label, ids: sorted(all.rows.map((r) => r.id)), total: all.total }).toEqual({
        label,
        ids: sorted(expected),
        total: expected.length,
      });
      // A page at a time by cursor, as an export reads them: the same persons in the same order.
      const paged: number[] = [];
      let after = undefined as PersonQuery['after'];
      for (;;) {
        const page = searchPersons(register, {
          filters,
          offset: 0,
          limit: 1,
          count: false,
          ...(after ? { after } : {}),
        });
        paged.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      expect({ label, paged }).toEqual({ label, paged: all.rows.map((r) => r.id) });
      // With a text search too (the search index first, then the filter).
      const searched = searchPersons(register, { text: 'Mäkinen', filters, offset: 0, limit: 50 });
      expect({ label, ids: sorted(searched.rows.map((r) => r.id)) }).toEqual({ label, ids: sorted(expected) });
    }
  });

  it('offers each interest tag once, by seeking the tag index rather than reading every tagged person', async () => {
    const { register } = await registerForThisTest();
    const ids = ['Aino', 'Eero', 'Helmi', 'Olli'].map(
      (firstName) => createPerson(register, person({ firstName, email: `${firstName}@example.fi` })).id,
    );
    addInterest(register, ids, 'jooga');
    addInterest(register, ids.slice(1, 3), 'Hieronta');
    addInterest(register, ids.slice(3), 'äänimaljat');
    addInterest(register, ids.slice(0, 1), 'kuntosali');
    removeInterest(register, ids[0]!, 'kuntosali');
    const recorder = statementRecorder(writableDb(register));
    const { result, statements } = await recorder.record(() => interestTags(register.db));
    recorder.restore();
    // In byte order (the window sorts them for its language); a tag nobody has any more is gone.
    expect(result).toEqual(['Hieronta', 'jooga', 'äänimaljat']);
    const plan = statements
      .flatMap(({ sql, params }) =>
        (register.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(
          (step) => step.detail,
        ),
      )
      .filter((detail) => /\binterests\b|\bi\b/.test(detail));
    expect(plan.length).toBeGreaterThan(0);
    for (const step of plan) expect(step).toMatch(/^SEARCH .*interests_tag/);
  });
});
