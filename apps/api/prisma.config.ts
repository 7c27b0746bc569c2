// Prisma CLI configuration. Only `prisma generate` is used: the schema lives at the repository root
// and migrations are plain SQL applied by src/db/migrator.ts (Prisma Migrate needs a schema-engine
// binary this project cannot download).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
});
