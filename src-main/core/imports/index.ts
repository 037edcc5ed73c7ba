export { readTables, type ImportFile } from './files';
export {
  previewImport,
  runImport,
  SAMPLE_ROWS,
  type FileSummary,
  type ImportDecisions,
  type ImportOutcome,
  type ImportPreview,
  type ImportProgress,
  type ImportRequest,
  type ProgressCallback,
} from './import';
export { suggestMapping } from './mapping';
export type { Conflict, ImportCounts, SampleRow } from './plan';
export type { RowProblem } from './rows';
export { isUndeliverable, personsWithUndeliverableMarks, UNDELIVERABLE_PREFIX } from './undeliverable';
export * from './vocabulary';
