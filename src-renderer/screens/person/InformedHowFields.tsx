// When and how a person was told about their registration: the date, a choice of ways and "other"
// with its own words. Shared by the person's inform dialog and the import result's batch record.
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { useI18n } from '../../i18n';

export const OTHER_HOW = 'other';

/** The text stored as "how": the chosen option's label, or the words typed for "other". */
export function informedHow(how: string, otherHow: string, options: Record<string, string>): string {
  return how === OTHER_HOW ? otherHow : (options[how] ?? how);
}

export function InformedHowFields({
  on,
  onOn,
  how,
  onHow,
  otherHow,
  onOtherHow,
  options,
  errors,
}: {
  on: string;
  onOn: (value: string) => void;
  how: string;
  onHow: (value: string) => void;
  otherHow: string;
  onOtherHow: (value: string) => void;
  options: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { messages } = useI18n();
  const t = messages.staff.inform;
  return (
    <>
      <DateField label={t.on} name="on" value={on} onChange={onOn} error={errors['on']} />
      <SelectField
        label={t.how}
        name="how"
        value={how}
        onChange={(event) => onHow(event.target.value)}
        error={how === OTHER_HOW ? undefined : errors['how']}
      >
        {Object.entries(options).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
        <option value={OTHER_HOW}>{t.otherHow}</option>
      </SelectField>
      {how === OTHER_HOW && (
        <Field
          label={t.otherHowLabel}
          name="otherHow"
          value={otherHow}
          onChange={(event) => onOtherHow(event.target.value)}
          error={errors['otherHow']}
        />
      )}
    </>
  );
}
