// Each conflict between the register and the file, a page at a time: a re-imported booking
// export can disagree with the register on thousands of fields, and thousands of radio pairs on
// one page would bog it down. When the user chooses each one, a page can be decided at once and
// the count of undecided ones says how many are left, on every page.
import type { ConflictChoice, ConflictPolicy } from '../../../src-shared/contract/imports';
import { useFormats } from '../../components/format';
import { Pager, usePage } from '../../components/Pager';
import { useI18n } from '../../i18n';
import type { Preview } from './ImportScreen';

const CONFLICTS_PER_PAGE = 25;

export function ConflictTable({
  conflicts,
  conflictPolicy,
  choices,
  onChoices,
}: {
  conflicts: Preview['conflicts'];
  conflictPolicy: ConflictPolicy;
  choices: Record<string, ConflictChoice>;
  onChoices: (changed: Record<string, ConflictChoice>) => void;
}) {
  const { messages, format } = useI18n();
  const formats = useFormats();
  const t = messages.imports;
  const page = usePage(conflicts, CONFLICTS_PER_PAGE);
  const shown = page.rows;
  const choosing = conflictPolicy === 'choose';
  const undecided = conflicts.filter((conflict) => choices[conflict.id] === undefined).length;
  const fieldName = (field: string) => t.fields[field] ?? field;

  const decidePage = (choice: ConflictChoice) =>
    onChoices(Object.fromEntries(shown.map((conflict) => [conflict.id, choice])));

  return (
    <section className="card" aria-labelledby="import-conflicts-title">
      <h2 id="import-conflicts-title">{t.conflictsTitle}</h2>
      <p className="muted">{t.conflictsIntro}</p>
      {choosing && (
        <div className="conflict-tools">
          <p role="status" className={undecided > 0 ? 'problem' : 'ok'}>
            {undecided > 0 ? format(t.conflictsUndecided, { count: formats.count(undecided) }) : t.conflictsAllDecided}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => decidePage('register')}>
              {t.keepRegisterPage}
            </button>
            <button type="button" className="button" onClick={() => decidePage('file')}>
              {t.takeFilePage}
            </button>
          </div>
        </div>
      )}
      <div className="table-scroll" tabIndex={0}>
        <table className="table" aria-labelledby="import-conflicts-title">
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.person}</th>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.registerValue}</th>
              <th scope="col">{t.fileValue}</th>
              {choosing && <th scope="col">{t.choice}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((conflict) => (
              <tr key={conflict.id}>
                <td>{conflict.line}</td>
                <td>{conflict.personName}</td>
                <td>{fieldName(conflict.field)}</td>
                <td>{conflict.registerValue}</td>
                <td>{conflict.fileValue}</td>
                {choosing && (
                  <td>
                    <fieldset className="choice-inline">
                      <legend className="visually-hidden">{`${conflict.personName}: ${fieldName(conflict.field)}`}</legend>
                      {(['register', 'file'] as const).map((choice) => (
                        <label key={choice} className="choice">
                          <input
                            type="radio"
                            name={`conflict-${conflict.id}`}
                            checked={choices[conflict.id] === choice}
                            onChange={() => onChoices({ [conflict.id]: choice })}
                          />{' '}
                          {choice === 'register' ? t.keepRegister : t.takeFile}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager of={page} total={conflicts.length} label={t.conflictPages} range={t.conflictsShown} />
    </section>
  );
}
