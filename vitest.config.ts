import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Console output of passing tests is not printed: the SDKs log the failures that tests provoke on
    // purpose (botbuilder prints "TokenExpiredError: jwt expired" for a refused token). A failing test
    // still shows everything it printed.
    silent: 'passed-only',
    hookTimeout: 20_000,
  },
});
