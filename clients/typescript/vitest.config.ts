import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    // Each file starts its own server; a cold start plus argon2 hashing is slow on two cores.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
