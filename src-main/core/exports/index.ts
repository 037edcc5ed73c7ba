export { countRecipients, mailingCount, type RecipientCount } from './count';
export { addressLabels, labelLines, renderLabels } from './labels';
export { mailingList, type ExportedFile, type MailingExport } from './mailing';
export { recipientsFor, type LeftOut, type PersonSelection, type Recipient } from './recipients';
export { tableExport } from './table';
