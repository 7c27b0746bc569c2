import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { apiProxy } from './dev-proxy.ts';

/**
 * The API server serves `dist/` in production; in development (`pnpm dev`) Vite serves the app
 * with hot reload on 5173 and proxies `/api` to the API server on PORT (`dev-proxy.ts`).
 */
export default defineConfig({
  plugins: [react()],
  server: {
    // The address the API's ready line announces in dev: fail rather than move to another port.
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': apiProxy(process.env),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    // Logic tests run in Node; component tests (`*.test.tsx`) in happy-dom with Testing Library.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', '*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/lib/testing/setup-dom.ts'],
        },
      },
    ],
  },
});
