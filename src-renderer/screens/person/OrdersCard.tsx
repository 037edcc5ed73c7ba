// Orders and purchased services with their invoice status (open / paid / in collection).
import { contract } from '../../../src-shared/contract';
import { INVOICE_STATUSES } from '../../../src-shared/vocabulary';
import { invoke } from '../../api';
import { checkForm } from '../../components/checkForm';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { todayIso, useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import { AddEntry, useEntryForm } from './AddEntry';
import type { CardProps } from './types';
import { FormAlert } from '../../components/FormError';
import { messageOnly, useSubmit } from '../../components/useSubmit';

/** "49,90", "49.90", "1 200" → cents; NaN when it is not an amount (the schema then says so). */
export function euroCents(text: string): number {
  const normalised = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(normalised)) return Number.NaN;
  return Math.round(Number(normalised) * 100);
}

export function OrdersCard({ detail, reload, editable }: CardProps) {
  const { messages, format, language } = useI18n();
  const t = messages.register.orders;
  const formats = useFormats();
  const form = useEntryForm(() => ({ orderedOn: todayIso(), description: '', amount: '', invoiceStatus: 'open' }));
  const { values, set } = form;
  // One status change at a time (useSubmit ignores another while one saves); the select stays
  // enabled, so it keeps keyboard focus.
  const statusChange = useSubmit({ toErrors: messageOnly });

  async function add(): Promise<Record<string, string> | null> {
    const input = {
      personId: detail.person.id,
      orderedOn: values.orderedOn,
      description: values.description,
      amountCents: euroCents(values.amount),
      invoiceStatus: values.invoiceStatus,
    };
    const checked = checkForm(contract['orders.add'].input, input, language, {
      requiredMessage: messages.register.common.required,
      friendly: { orderedOn: messages.register.friendly.date },
    });
    if (!checked.ok) {
      const { amountCents, ...fields } = checked.fields;
      return amountCents
        ? {
            ...fields,
            amount: values.amount.trim() ? messages.register.friendly.amount : messages.register.common.required,
          }
        : fields;
    }
    await invoke('orders.add', checked.value);
    await reload();
    return null;
  }

  function setStatus(orderId: number, invoiceStatus: string) {
    const checked = checkForm(contract['orders.setInvoiceStatus'].input, { orderId, invoiceStatus }, language, {
      requiredMessage: messages.register.common.required,
    });
    if (!checked.ok) return;
    void statusChange.run(async () => {
      await invoke('orders.setInvoiceStatus', checked.value);
      await reload();
    });
  }

  return (
    <section className="card" aria-labelledby="orders-title" id="orders">
      <h2 id="orders-title">{t.title}</h2>
      <FormAlert message={statusChange.errors.form} />
      {detail.orders.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby="orders-title">
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.description}</th>
                <th scope="col" className="num">
                  {t.amount}
                </th>
                <th scope="col">{t.invoiceStatus}</th>
              </tr>
            </thead>
            <tbody>
              {detail.orders.map((order) => (
                <tr key={order.id}>
                  <td className="nowrap">{formats.date(order.orderedOn)}</td>
                  <td>{order.description}</td>
                  <td className="num nowrap">{formats.money(order.amountCents)}</td>
                  <td>
                    <select
                      className="inline-select"
                      aria-label={format(t.changeStatus, { description: order.description })}
                      value={order.invoiceStatus}
                      disabled={!editable}
                      onChange={(event) => setStatus(order.id, event.target.value)}
                    >
                      {INVOICE_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t.statuses[status]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddEntry label={t.add} editable={editable} form={form} onSubmit={add}>
        {(errors) => (
          <>
            <DateField
              label={t.date}
              value={values.orderedOn}
              onChange={(value) => form.setValue('orderedOn', value)}
              name="orderedOn"
              error={errors['orderedOn']}
            />
            <Field
              label={t.description}
              value={values.description}
              onChange={set('description')}
              name="description"
              error={errors['description']}
              autoFocus
            />
            <Field
              label={t.amount}
              hint={t.amountHint}
              inputMode="decimal"
              value={values.amount}
              onChange={set('amount')}
              name="amount"
              error={errors['amount']}
              className="medium"
            />
            <SelectField
              label={t.invoiceStatus}
              value={values.invoiceStatus}
              onChange={set('invoiceStatus')}
              name="invoiceStatus"
              error={errors['invoiceStatus']}
            >
              {INVOICE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t.statuses[status]}
                </option>
              ))}
            </SelectField>
          </>
        )}
      </AddEntry>
    </section>
  );
}
