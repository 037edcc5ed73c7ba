// Regenerates resources/subject-package.schema.json from the zod schema: `npm run schema:subject-package`.
// A development tool (it formats with Prettier, a dev dependency), never imported by the app; the
// subject-package test fails when the committed file and the schema disagree.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { subjectPackageJsonSchema } from './schema';

export const SCHEMA_FILE = fileURLToPath(new URL('../../../resources/subject-package.schema.json', import.meta.url));

export async function writeSchemaFile(): Promise<void> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  const text = await prettier.format(JSON.stringify(subjectPackageJsonSchema()), { ...options, parser: 'json' });
  writeFileSync(SCHEMA_FILE, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeSchemaFile();
  console.log(`wrote ${SCHEMA_FILE}`);
}
