// Each test starts from an empty document and a clean URL.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});
import "@testing-library/jest-dom/vitest";
