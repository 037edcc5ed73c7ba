import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: [
    './src-main/db/schema.ts',
    './src-main/db/schema-register.ts',
    './src-main/db/schema-retention.ts',
    './src-main/db/schema-requests.ts',
  ],
  out: './src-main/db/migrations',
});
