// Retention and deletion (owner): the rules from the privacy notice (added, edited, removed), the
// bookkeeping period, and the review of who is due for deletion today.
import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { Field } from '../../components/Field';
import { useFormats } from '../../components/format';
import { logUnexpected, useChannel } from '../../components/useChannel';
import { useLists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { newPolicy, PolicyCard, type Policy } from './PolicyCard';
import { ReviewList } from './ReviewList';
import { enforcesAnyRule } from './ruleCoverage';

export function RetentionScreen() {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const formats = useFormats();
  const lists = useLists();
  const policiesRead = useChannel('retention.policies', {}, []);
  const policies = policiesRead.data;
  const setPolicies = policiesRead.setData;
  // Bumped when a rule, the sweep or the bookkeeping period may have changed who is due.
  const [refresh, setRefresh] = useState(0);
  const reload = () => setRefresh((n) => n + 1);
  const [run, setRun] = useState<ChannelOutput<'retention.run'> | null>(null);
  const [bookkeeping, setBookkeeping] = useState('');
  const [bookkeepingSaved, setBookkeepingSaved] = useState(false);
  const [adding, setAdding] = useState<Policy['kind'] | null>(null);

  // Not useChannel: the answer seeds the bookkeeping field, which the owner then edits.
  useEffect(() => {
    // A failed read leaves the field empty; saving it then names the problem as any save does.
    void invoke('settings.get', {})
      .then((s) => setBookkeeping(String(s.bookkeepingYears)))
      .catch(logUnexpected);
  }, []);

  const savedPolicies = (next: Policy[]) => {
    setPolicies(next);
    reload();
  };

  async function runNow() {
    setRun(await invoke('retention.run', {}));
    reload();
  }

  async function saveBookkeeping(event: FormEvent) {
    event.preventDefault();
    const years = Number(bookkeeping);
    if (!Number.isInteger(years) || years < 0 || years > 20) return;
    await invoke('settings.update', { bookkeepingYears: years });
    setBookkeepingSaved(true);
    reload();
  }

  return (
    <main className="page" aria-labelledby="retention-title">
      <section className="card">
        <h1 id="retention-title">{t.title}</h1>
        <p>{t.intro}</p>
      </section>
      <section className="card" aria-labelledby="review-title">
        <h2 id="review-title">{t.reviewTitle}</h2>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void runNow()}>
            {t.runNow}
          </button>
          <span role="status" className="muted">
            {run
              ? format(t.lastRun, {
                  date: formats.date(run.ranOn),
                  due: run.due,
                  held: run.held,
                  deleted: run.deletedAutomatically,
                })
              : ''}
          </span>
        </div>
        {policies && !enforcesAnyRule(policies) && (
          <div className="warning-text" data-testid="no-retention-rule">
            <p>{t.noRuleTitle}</p>
            <p>{t.noRuleText}</p>
          </div>
        )}
        {policiesRead.error ? (
          <p className="form-alert" role="alert">
            {policiesRead.error}
          </p>
        ) : policies === null ? (
          <p className="muted">{messages.loading}</p>
        ) : (
          // With no rule on, an empty review says nothing: the warning above says why.
          // A new key when who is due may have changed: the list reads again and forgets its selection.
          <ReviewList key={refresh} whenEmpty={enforcesAnyRule(policies) ? t.reviewEmpty : null} />
        )}
      </section>
      <section className="card" aria-labelledby="policies-title">
        <h2 id="policies-title">{t.policiesTitle}</h2>
        {policies?.map((policy) => (
          <PolicyCard key={policy.key} policy={policy} lists={lists} onSaved={savedPolicies} />
        ))}
        {adding ? (
          <PolicyCard
            key={`new-${adding}`}
            policy={newPolicy(adding)}
            lists={lists}
            onSaved={(next) => {
              setAdding(null);
              savedPolicies(next);
            }}
            onCancel={() => setAdding(null)}
          />
        ) : (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setAdding('enforced')}>
              {t.addEnforced}
            </button>
            <button type="button" className="button" onClick={() => setAdding('stated')}>
              {t.addStated}
            </button>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="bookkeeping-title">
        <form onSubmit={saveBookkeeping} noValidate>
          <h2 id="bookkeeping-title">{t.bookkeepingTitle}</h2>
          <Field
            label={t.bookkeepingYears}
            hint={t.bookkeepingHint}
            type="number"
            min={0}
            max={20}
            className="narrow"
            value={bookkeeping}
            onChange={(e) => {
              setBookkeeping(e.target.value);
              setBookkeepingSaved(false);
            }}
          />
          <button type="submit" className="button">
            {messages.register.common.save}
          </button>
          <span role="status" className="ok">
            {bookkeepingSaved ? t.saved : ''}
          </span>
        </form>
      </section>
    </main>
  );
}
