import { defineConfig } from '@playwright/test';

/** Its own port, so a developer's server on 3000 is never reused by mistake. */
const PORT = Number(process.env.E2E_PORT ?? 3199);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * The browser smoke test: the real server (built SPA + API + embedded PGlite with demo data) in
 * real Chromium. Playwright cannot download browsers here, so it drives Debian's Chromium
 * (installed by `ensure-chromium.sh`).
 */
export default defineConfig({
  testDir: './tests',
  reporter: 'list',
  forbidOnly: true,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'bash start-server.sh',
    url: `${BASE_URL}/api/v1/health`,
    // Request logs would drown the test list; warnings and errors still show.
    env: { PORT: String(PORT), LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    // Building the SPA, migrating and seeding a fresh database take a while on 2 cores.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the server close its database and the script remove the temporary folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
