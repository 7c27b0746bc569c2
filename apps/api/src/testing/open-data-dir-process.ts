// Test helper run as a separate process: opens the embedded database in the folder given as the
// first argument, like a second server would. Prints `opened` once it holds the folder, then
// either keeps it until killed (`hold`) or closes it and exits 0 (`probe`). A refusal prints the
// error's one-line message on stderr and exits 1.
import { DatabaseOpenError } from '../db/database-open-error.ts';
import { openDatabase } from '../db/open-database.ts';

const [dataDir = '', mode = 'probe'] = process.argv.slice(2);

try {
  const db = await openDatabase({ dataDir });
  console.log('opened');
  if (mode === 'probe') {
    await db.close();
  } else {
    // Keep the event loop alive until the test kills this process.
    setInterval(() => undefined, 60_000);
  }
} catch (error) {
  console.error(error instanceof DatabaseOpenError ? error.message : error);
  process.exit(1);
}
