// Handlers of the register's channels: thin calls into core.
import { mayContactNow, recordConsents } from '../../core/consents';
import {
  addCustomField,
  addListEntry,
  listCustomFields,
  listEntries,
  listKindGroups,
  scopeCustomFields,
  setKindGroup,
} from '../../core/lists';
import {
  createOrganization,
  findOrganizations,
  organizationDetail,
  updateOrganization,
} from '../../core/organizations';
import {
  addContact,
  addInterest,
  addOrder,
  createPerson,
  interestTags,
  moveToOrganization,
  passivatePersons,
  personDetail,
  removeInterest,
  searchPersons,
  setCustomValue,
  setInvoiceStatus,
  setRelationshipStatus,
  updatePerson,
} from '../../core/persons';
import { deleteView, listSavedViews, readRegisterProfile, saveView } from '../../core/settings';
import type { HandlersFor } from '../registry';
import type { registerChannels } from '../../../src-shared/contract/register';

export const registerHandlers: HandlersFor<keyof typeof registerChannels> = {
  'lists.get': ({ register }) => ({
    kinds: listEntries(register.db, 'kinds'),
    sources: listEntries(register.db, 'sources'),
    customFields: listCustomFields(register.db),
    groups: listKindGroups(register.db),
    interests: interestTags(register.db),
    dataCategories: readRegisterProfile(register).notice.dataCategories.map((category) => category.key),
  }),
  'lists.setGroup': ({ register }, { key, ...facts }) => setKindGroup(register, key, facts),
  'customFields.setKinds': ({ register }, { fields }) => {
    scopeCustomFields(register, fields);
    return listCustomFields(register.db);
  },
  'lists.add': ({ register }, { list, ...entry }) => addListEntry(register, list, entry),
  'customFields.add': ({ register }, field) => addCustomField(register, field),
  'persons.search': ({ register }, query) => searchPersons(register, query),
  'persons.get': ({ register }, { id }) => personDetail(register, id),
  'persons.create': ({ register }, { person, organizationId, title }) =>
    createPerson(register, person, { organizationId: organizationId ?? null, title: title ?? null }),
  'persons.update': ({ register }, { id, changes, customerActivity }) =>
    updatePerson(register, id, changes, { customerActivity: customerActivity ?? false }),
  'persons.passivate': ({ register }, { ids, on }) => passivatePersons(register, ids, on),
  'persons.setStatus': ({ register }, { id, status, on }) => {
    setRelationshipStatus(register, id, status, on);
    return null;
  },
  'persons.move': ({ register }, { ids, organizationId, title, on }) =>
    moveToOrganization(register, ids, { organizationId, title: title ?? null, ...(on ? { on } : {}) }),
  'persons.addInterest': ({ register }, { ids, tag }) => addInterest(register, ids, tag),
  'persons.removeInterest': ({ register }, { id, tag }) => {
    removeInterest(register, id, tag);
    return null;
  },
  'persons.setCustomValue': ({ register }, { id, key, value }) => {
    setCustomValue(register, id, key, value);
    return null;
  },
  'consents.record': ({ register }, { personId, changes }) => recordConsents(register, personId, changes),
  'consents.mayContact': ({ register }, { personId, channel, purpose }) =>
    mayContactNow(register, personId, channel, purpose),
  'orders.add': ({ register }, { personId, ...order }) => addOrder(register, personId, order),
  'orders.setInvoiceStatus': ({ register }, { orderId, invoiceStatus }) => {
    setInvoiceStatus(register, orderId, invoiceStatus);
    return null;
  },
  'contacts.add': ({ register }, { personId, ...contact }) => addContact(register, personId, contact),
  'organizations.find': ({ register }, { text, limit }) => findOrganizations(register, text, limit),
  'organizations.get': ({ register }, { id }) => organizationDetail(register, id),
  'organizations.create': ({ register }, { organization }) => createOrganization(register, organization),
  'organizations.update': ({ register }, { id, changes }) => updateOrganization(register, id, changes),
  'views.list': ({ register }) => listSavedViews(register),
  'views.save': ({ register }, view) => saveView(register, view),
  'views.delete': ({ register }, { name }) => deleteView(register, name),
};
