export {
  addContact,
  addInterest,
  addOrder,
  interestTags,
  removeInterest,
  setCustomValue,
  setInvoiceStatus,
} from './activity';
export type { NewContact, NewOrder } from './activity';
export { personDetail, type PersonDetail } from './detail';
export { createPerson, updatePerson, type PersonFields } from './edit';
export { moveToOrganization, passivatePersons, setRelationshipStatus } from './employment';
export { contactsOf, interestsOf, ordersOf } from './history';
export { assertMayChange, assertPersonExists, personRecord, WRITE_ROLES, type PersonRecord } from './records';
export {
  searchPersons,
  selectionWhere,
  selectsEveryone,
  SORTABLE,
  type PageCursor,
  type PersonFilters,
  type PersonQuery,
  type PersonRow,
  type SortColumn,
} from './search';
export {
  insertSearchEntries,
  reindexOrganizationMembers,
  reindexPerson,
  searchEntry,
  toFtsQuery,
} from './search-index';
export { mergeSearchIndexStep } from './search-upkeep';
