// Generates the Prisma client (src/generated/prisma) offline.
//
// `prisma generate` resolves the schema-engine binary before it runs, and downloads it when it is
// missing, which fails without internet. Only Prisma Migrate uses that engine (we apply plain SQL
// migrations ourselves), so any existing file satisfies the check: we point it at the Node binary.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = createRequire(join(packageDir, 'package.json')).resolve('prisma/build/index.js');

const result = spawnSync(process.execPath, [prismaCli, 'generate', '--no-hints'], {
  cwd: packageDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
process.exit(result.status ?? 1);
