// The settings screen's wording of the notice itself: which categories of data it declares (each
// in Kaappi's words or the owner's own) and the headings it prints. An empty box always means
// "Kaappi's suggestion", which the box shows as its placeholder.
import { useState } from 'react';
import { ALWAYS_RECORDED, type DataCategory } from '../../../src-shared/contract/notice-facts';
import { Field } from '../../components/Field';
import { useI18n, type Language } from '../../i18n';
import { saveNoticePart } from './saveNotice';
import { SectionForm } from './SectionForm';
import type { NoticeFacts, NoticeSettings } from './types';
import { LANGUAGES } from '../../../src-shared/language';

interface SectionProps {
  settings: NoticeSettings;
  canEdit: boolean;
  onSaved: (settings: NoticeSettings) => void;
}

type Wording = { fi: string; en: string };
const EMPTY: Wording = { fi: '', en: '' };
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('fi') + text.slice(1);

/**
 * The declared categories to save: those already declared keep their place (the notice prints
 * them in this order), newly chosen ones follow in Kaappi's order. An always-recorded category
 * prints either way: it is declared (keeping its place) if it was, or once it has its own wording.
 */
function declaredCategories(
  before: NoticeFacts['dataCategories'],
  order: DataCategory[],
  chosen: Set<DataCategory>,
  wording: Partial<Record<DataCategory, Wording>>,
): NoticeFacts['dataCategories'] {
  const keep = (key: DataCategory) => {
    if (!ALWAYS_RECORDED.includes(key)) return chosen.has(key);
    const own = wording[key] ?? EMPTY;
    return before.some((category) => category.key === key) || own.fi.trim() !== '' || own.en.trim() !== '';
  };
  const keys = [...before.map((category) => category.key), ...order].filter(
    (key, index, all) => all.indexOf(key) === index && keep(key),
  );
  return keys.map((key) => ({ key, label: wording[key] ?? EMPTY }));
}

export function DataCategoriesForm({ settings, canEdit, onSaved }: SectionProps) {
  const { messages, language } = useI18n();
  const t = messages.settings.sections.categories;
  const initial = settings.profile.notice.dataCategories;
  const defaults = settings.defaults.categories as Array<{ key: DataCategory; label: Wording }>;
  const inUse = new Set(settings.derived.categories.filter((c) => c.origin === 'inUse').map((c) => c.key));
  const [chosen, setChosen] = useState(() => new Set(initial.map((category) => category.key)));
  const [wording, setWording] = useState<Partial<Record<DataCategory, Wording>>>(() =>
    Object.fromEntries(initial.map((category) => [category.key, category.label])),
  );
  const order = defaults.map((category) => category.key);
  return (
    <SectionForm
      id="settings-categories"
      title={t.legend}
      intro={t.intro}
      canEdit={canEdit}
      onSubmit={async () => {
        const declared = declaredCategories(initial, order, chosen, wording);
        const result = await saveNoticePart({ dataCategories: declared }, language, messages.settings.required);
        if (!result.ok) {
          // The schema names a box by its place in the saved list; the form names it by category.
          return Object.fromEntries(
            Object.entries(result.fields).map(([path, message]) => {
              const at = /^dataCategories\.(\d+)\.label\.(fi|en)$/.exec(path);
              const key = at ? declared[Number(at[1])]?.key : undefined;
              return [key ? `category.${key}.${at![2]}` : path, message];
            }),
          );
        }
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors) => (
        <ul className="category-list">
          {defaults.map(({ key, label }) => {
            const always = ALWAYS_RECORDED.includes(key);
            const checked = always || chosen.has(key);
            const own = wording[key] ?? EMPTY;
            const note = always ? t.always : inUse.has(key) && !chosen.has(key) ? t.inUse : null;
            const noteId = `category-${key}-note`;
            return (
              <li key={key}>
                <fieldset className="category-row">
                  <legend className="visually-hidden">{capitalised(label[language])}</legend>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name={`category.${key}`}
                      checked={checked}
                      disabled={!canEdit || always}
                      aria-describedby={note ? noteId : undefined}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(key);
                        else next.delete(key);
                        setChosen(next);
                      }}
                    />{' '}
                    {capitalised(label[language])}
                  </label>
                  {note && (
                    <p id={noteId} className={always ? 'field__hint' : 'notice'}>
                      {note}
                    </p>
                  )}
                  {checked && (
                    <div className="form-grid form-grid--two">
                      {LANGUAGES.map((lang) => (
                        <Field
                          key={lang}
                          label={lang === 'fi' ? t.wordingFi : t.wordingEn}
                          name={`category.${key}.${lang}`}
                          lang={lang}
                          placeholder={label[lang]}
                          value={own[lang]}
                          readOnly={!canEdit}
                          autoComplete="off"
                          error={errors[`category.${key}.${lang}`]}
                          onChange={(event) =>
                            setWording({ ...wording, [key]: { ...own, [lang]: event.target.value } })
                          }
                        />
                      ))}
                    </div>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
    </SectionForm>
  );
}

export function HeadingsForm({ settings, canEdit, onSaved }: SectionProps) {
  const { messages, language, format } = useI18n();
  const t = messages.settings.sections.headings;
  const [headings, setHeadings] = useState(settings.profile.notice.headings);
  const defaults = settings.defaults.headings;
  const own = defaults.filter(({ key }) =>
    LANGUAGES.some((lang) => (headings[lang] as Record<string, string | undefined>)[key]?.trim()),
  ).length;
  return (
    <SectionForm
      id="settings-headings"
      title={t.legend}
      intro={t.intro}
      canEdit={canEdit}
      onSubmit={async () => {
        // Empty boxes are left out: the notice prints Kaappi's heading for a section without one.
        const written = (lang: Language) =>
          Object.fromEntries(Object.entries(headings[lang]).filter(([, text]) => text?.trim()));
        const result = await saveNoticePart(
          { headings: { fi: written('fi'), en: written('en') } },
          language,
          messages.settings.required,
        );
        if (!result.ok) return result.fields;
        onSaved(result.settings);
        return null;
      }}
    >
      {(errors) => (
        <details className="settings-headings" open={own > 0 ? true : undefined}>
          <summary>{format(t.show, { count: defaults.length, own })}</summary>
          {defaults.map(({ key, label }) => (
            <fieldset key={key} className="form-section">
              <legend>{label[language]}</legend>
              <div className="form-grid form-grid--two">
                {LANGUAGES.map((lang) => (
                  <Field
                    key={lang}
                    label={capitalised(messages.settings[lang])}
                    name={`headings.${lang}.${key}`}
                    lang={lang}
                    placeholder={label[lang]}
                    value={(headings[lang] as Record<string, string | undefined>)[key] ?? ''}
                    readOnly={!canEdit}
                    autoComplete="off"
                    error={errors[`headings.${lang}.${key}`]}
                    onChange={(event) =>
                      setHeadings({ ...headings, [lang]: { ...headings[lang], [key]: event.target.value } })
                    }
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </details>
      )}
    </SectionForm>
  );
}
