// Each test starts from an empty document and a clean URL.
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// On a loaded 2-core CI machine an axe run or a render can take longer than the one
// second Testing Library waits by default; a slow machine is not a failing widget.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});
import "@testing-library/jest-dom/vitest";
