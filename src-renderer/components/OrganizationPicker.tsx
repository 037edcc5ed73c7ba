// Picks an organization by typing the start of its name (an ARIA combobox over
// 'organizations.find'), or creates a new one on the spot.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ChannelOutput } from '../../src-shared/contract';
import { invoke } from '../api';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';
import { OrganizationForm } from './OrganizationForm';

export interface PickedOrganization {
  id: number;
  name: string;
}

type Found = ChannelOutput<'organizations.find'>;

export function OrganizationPicker({
  value,
  onChange,
  label,
  error,
  allowCreate = true,
  autoFocus,
  name,
}: {
  name?: string;
  value: PickedOrganization | null;
  onChange: (organization: PickedOrganization | null) => void;
  label?: string;
  error?: string | undefined;
  allowCreate?: boolean;
  autoFocus?: boolean;
}) {
  const { messages, format } = useI18n();
  const t = messages.register.picker;
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  const [found, setFound] = useState<Found>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [creating, setCreating] = useState(false);

  // Not useChannel: the search waits until typing pauses, and also moves the active option.
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('organizations.find', { text: text.trim(), limit: 8 })
        .then((rows) => {
          if (!live) return;
          setFound(rows);
          // With no match, the first option is "add it as a new organization".
          setActive(rows.length > 0 || allowCreate ? 0 : -1);
        })
        .catch(() => live && setFound([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open, allowCreate]);

  const choose = (organization: PickedOrganization) => {
    onChange(organization);
    setText(organization.name);
    setOpen(false);
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((current) => Math.min(current + 1, found.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter' && open) {
      const pick = found[active];
      if (pick) {
        event.preventDefault();
        choose({ id: pick.id, name: pick.name });
      } else if (offerCreate && active === 0) {
        event.preventDefault();
        startCreating();
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const errorId = error ? `${id}-error` : undefined;
  const showList = open && text.trim() !== value?.name;
  // Nothing found: the list itself offers to add what was typed (the link below it is covered).
  const offerCreate = allowCreate && found.length === 0 && text.trim() !== '';
  function startCreating() {
    setOpen(false);
    setCreating(true);
  }
  return (
    <div className={`field picker${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label ?? t.label}</label>
      <div className="picker__anchor">
        <div className="picker__row">
          <input
            id={id}
            role="combobox"
            name={name}
            autoComplete="off"
            placeholder={t.placeholder}
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList && active >= 0 ? `${id}-option-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            value={text}
            autoFocus={autoFocus}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              if (value) onChange(null);
            }}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
          />
          {value && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onChange(null);
                setText('');
              }}
            >
              {t.clear}
            </button>
          )}
        </div>
        <ul id={listId} role="listbox" aria-label={label ?? t.label} className="picker__list" hidden={!showList}>
          {found.map((organization, index) => (
            <li
              key={organization.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose({ id: organization.id, name: organization.name })}
            >
              <span className="picker__name">{organization.name}</span>
              <span className="picker__meta">
                {[organization.businessId, organization.city].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
          {found.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled className="picker__empty">
              {t.none}
            </li>
          )}
          {offerCreate && (
            <li
              id={`${id}-option-0`}
              role="option"
              aria-selected={active === 0}
              className={`picker__create${active === 0 ? ' is-active' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={startCreating}
            >
              {format(t.createNamed, { name: text.trim() })}
            </li>
          )}
        </ul>
      </div>
      {value && <p className="visually-hidden">{format(t.selected, { name: value.name })}</p>}
      {allowCreate && (
        <button type="button" className="link-button" onClick={() => setCreating(true)}>
          {t.create}
        </button>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
      {creating && (
        <Dialog title={messages.register.organization.newTitle} onClose={() => setCreating(false)} wide>
          <OrganizationForm
            initialName={value ? '' : text.trim()}
            onCancel={() => setCreating(false)}
            onSaved={(organization) => {
              setCreating(false);
              choose({ id: organization.id, name: organization.name });
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
