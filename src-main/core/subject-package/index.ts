export { buildSubjectPackage, type PackageFile } from './build';
export { CSV_DELIMITER, toCsv } from './csv';
export { gatherSubjectData } from './gather';
export { fullName, subjectReport } from './report';
export { subjectPackageJsonSchema, subjectPackageSchema, SUBJECT_PACKAGE_FORMAT, type SubjectData } from './schema';
export {
  CHECKSUM_FILE,
  writeSubjectPackage,
  type SubjectPackageOrder,
  type WrittenFile,
  type WrittenPackage,
} from './write';
