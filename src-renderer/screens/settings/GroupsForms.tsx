// The settings screen's groups of persons: each relationship kind may have its own data list and
// its own direct-marketing channel modes (else the register's), and custom fields may be kept for
// some groups only. Each group saves on its own; the field scopes save together, all or nothing.
import { useState } from 'react';
import {
  CHANNEL_MODES,
  CONSENT_ONLY_CHANNELS,
  MARKETING_CHANNELS,
  channelModesOf,
  type DataCategory,
  type MarketingChannelModes,
} from '../../../src-shared/contract/notice-facts';
import { invoke } from '../../api';
import { useLabel, useLists, type Lists } from '../../components/useLists';
import { useI18n } from '../../i18n';
import { SectionForm } from './SectionForm';
import type { NoticeSettings } from './types';

type Group = Lists['groups'][number];
type Wording = { fi: string; en: string };
const EMPTY: Wording = { fi: '', en: '' };
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('fi') + text.slice(1);

interface Props {
  settings: NoticeSettings;
  canEdit: boolean;
  /** A group or a field changed: the notice's status may have changed with it. */
  onChanged: () => void;
}

export function GroupsForms({ settings, canEdit, onChanged }: Props) {
  const { messages } = useI18n();
  const t = messages.settings.groups;
  const lists = useLists();
  const [groups, setGroups] = useState<Group[] | null>(null);
  if (!lists) return null;
  const shown = (groups ?? lists.groups).filter((group) => group.active);
  return (
    <>
      <section className="card settings-section" aria-labelledby="settings-groups-title">
        <h2 id="settings-groups-title" tabIndex={-1}>
          {t.title}
        </h2>
        <p className="muted">{t.intro}</p>
      </section>
      {shown.map((group) => (
        <GroupForm
          key={group.key}
          group={group}
          settings={settings}
          canEdit={canEdit}
          onSaved={(next) => {
            setGroups(next);
            onChanged();
          }}
        />
      ))}
      {lists.customFields.length > 0 && (
        <FieldScopesForm lists={lists} kinds={shown} canEdit={canEdit} onSaved={onChanged} />
      )}
    </>
  );
}

function GroupForm({
  group,
  settings,
  canEdit,
  onSaved,
}: {
  group: Group;
  settings: NoticeSettings;
  canEdit: boolean;
  onSaved: (groups: Group[]) => void;
}) {
  const { messages, language, format } = useI18n();
  const t = messages.settings.groups;
  const m = messages.settings.sections.marketing;
  const label = useLabel();
  const registerList = settings.profile.notice.dataCategories;
  const defaults = settings.defaults.categories as Array<{ key: DataCategory; label: Wording }>;
  const [ownList, setOwnList] = useState(group.dataCategories !== null);
  const [chosen, setChosen] = useState(
    () => new Set((group.dataCategories ?? registerList).map((category) => category.key)),
  );
  const [ownChannels, setOwnChannels] = useState(group.marketingChannels !== null);
  const [modes, setModes] = useState<MarketingChannelModes>(
    () => group.marketingChannels ?? channelModesOf(settings.profile.notice),
  );
  const id = `settings-group-${group.key}`;
  const name = label(group);
  /** The owner's own wording of a category, kept from the group's list or the register's. */
  const wordingOf = (key: DataCategory) =>
    (group.dataCategories ?? []).find((c) => c.key === key)?.label ??
    registerList.find((c) => c.key === key)?.label ??
    EMPTY;
  return (
    <SectionForm
      id={id}
      title={format(t.groupTitle, { group: name })}
      canEdit={canEdit}
      onSubmit={async () => {
        if (ownList && chosen.size === 0) return { [`${id}.categories`]: t.chooseOne };
        const order = defaults.map((category) => category.key).filter((key) => chosen.has(key));
        const next = await invoke('lists.setGroup', {
          key: group.key,
          dataCategories: ownList ? order.map((key) => ({ key, label: wordingOf(key) })) : null,
          marketingChannels: ownChannels ? modes : null,
        });
        onSaved(next);
        return null;
      }}
    >
      {(errors) => (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              name={`${id}.ownList`}
              checked={ownList}
              disabled={!canEdit}
              onChange={(event) => setOwnList(event.target.checked)}
            />{' '}
            {t.ownList}
          </label>
          {!ownList && <p className="field__hint">{t.registerList}</p>}
          {ownList && (
            <fieldset
              className="form-section"
              aria-describedby={errors[`${id}.categories`] ? `${id}-categories-error` : undefined}
            >
              <legend>{format(t.categoriesLegend, { group: name })}</legend>
              <div className="group-categories">
                {defaults.map(({ key, label: wording }) => (
                  <label key={key} className="checkbox">
                    <input
                      type="checkbox"
                      name={`${id}.category.${key}`}
                      checked={chosen.has(key)}
                      disabled={!canEdit}
                      aria-invalid={errors[`${id}.categories`] ? true : undefined}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(key);
                        else next.delete(key);
                        setChosen(next);
                      }}
                    />{' '}
                    {capitalised(wording[language])}
                  </label>
                ))}
              </div>
              {errors[`${id}.categories`] && (
                <p id={`${id}-categories-error`} className="field__error" role="alert">
                  {errors[`${id}.categories`]}
                </p>
              )}
            </fieldset>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              name={`${id}.ownChannels`}
              checked={ownChannels}
              disabled={!canEdit}
              onChange={(event) => setOwnChannels(event.target.checked)}
            />{' '}
            {t.ownChannels}
          </label>
          {!ownChannels && <p className="field__hint">{t.registerChannels}</p>}
          {ownChannels &&
            MARKETING_CHANNELS.filter((channel) => !CONSENT_ONLY_CHANNELS.includes(channel)).map((channel) => (
              <fieldset key={channel} className="choice-group form-section">
                <legend>{m.channels[channel]}</legend>
                {CHANNEL_MODES.map((mode) => (
                  <label key={mode} className="choice">
                    <input
                      type="radio"
                      name={`${id}.${channel}`}
                      value={mode}
                      checked={modes[channel] === mode}
                      disabled={!canEdit}
                      onChange={() => setModes({ ...modes, [channel]: mode })}
                    />{' '}
                    {m[mode]}
                  </label>
                ))}
              </fieldset>
            ))}
          {ownChannels && <p className="field__hint">{t.electronicStaysOptIn}</p>}
        </>
      )}
    </SectionForm>
  );
}

function FieldScopesForm({
  lists,
  kinds,
  canEdit,
  onSaved,
}: {
  lists: Lists;
  kinds: Group[];
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { messages } = useI18n();
  const t = messages.settings.groups;
  const label = useLabel();
  const [scopes, setScopes] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(lists.customFields.map((field) => [field.key, field.kindKeys])),
  );
  return (
    <SectionForm
      id="settings-field-scopes"
      title={t.fieldsTitle}
      intro={t.fieldsIntro}
      canEdit={canEdit}
      onSubmit={async () => {
        const saved = await invoke('customFields.setKinds', {
          fields: Object.entries(scopes).map(([key, kindKeys]) => ({ key, kindKeys })),
        });
        setScopes(Object.fromEntries(saved.map((field) => [field.key, field.kindKeys])));
        onSaved();
        return null;
      }}
    >
      {() =>
        lists.customFields.map((field) => (
          <fieldset key={field.key} className="form-section">
            <legend>{label(field)}</legend>
            <div className="group-categories">
              {kinds.map((kind) => (
                <label key={kind.key} className="checkbox">
                  <input
                    type="checkbox"
                    name={`field.${field.key}.${kind.key}`}
                    checked={(scopes[field.key] ?? []).includes(kind.key)}
                    disabled={!canEdit}
                    onChange={(event) => {
                      const current = scopes[field.key] ?? [];
                      const next = event.target.checked
                        ? [...current, kind.key]
                        : current.filter((key) => key !== kind.key);
                      setScopes({ ...scopes, [field.key]: next });
                    }}
                  />{' '}
                  {label(kind)}
                </label>
              ))}
            </div>
            {(scopes[field.key] ?? []).length === 0 && <p className="field__hint">{t.everyGroup}</p>}
          </fieldset>
        ))
      }
    </SectionForm>
  );
}
