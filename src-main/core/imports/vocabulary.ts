// What an import can be told. The values live in the contract (ipc/contract/imports.ts), the one
// place the renderer may share with main; the core reads them from there.
export {
  BAD_ROW_POLICIES,
  CONFLICT_POLICIES,
  IMPORT_FIELDS,
  IMPORT_FORMATS,
  IMPORT_PHASES,
  MATCH_RULES,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  MAX_UNZIPPED_BYTES,
  ROW_PROBLEM_CODES,
  type BadRowPolicy,
  type ColumnMapping,
  type ColumnTarget,
  type ConflictChoice,
  type ConflictPolicy,
  type ImportField,
  type ImportFormat,
  type ImportPhase,
  type MatchRule,
  type RowProblemCode,
} from '../../ipc/contract/imports';
