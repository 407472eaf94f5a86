import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // The property and robustness tests parse megabyte inputs; keep the default pool.
    testTimeout: 20000,
  },
});
