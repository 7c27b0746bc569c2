// `npm start` / `pnpm start`: prepares what is out of date (dependencies, Prisma client, web app;
// see start/steps.mjs), then runs the server in the foreground. A warm start only hashes the
// inputs (tens of milliseconds) before the server starts. Node built-ins only: on a fresh clone
// this runs before anything is installed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepare } from './start/prepare.mjs';
import { runServer } from './start/run-server.mjs';
import { STAMP_FILE, startSteps } from './start/steps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

try {
  await prepare({
    root,
    steps: startSteps(process.env),
    stampFile: join(root, STAMP_FILE),
    log: (line) => process.stdout.write(`atelier-flow: ${line}\n`),
  });
} catch (error) {
  process.stderr.write(`atelier-flow: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
process.exitCode = await runServer({
  command: [process.execPath, '--import', 'tsx', 'src/server.ts'],
  cwd: join(root, 'apps/api'),
});
