// The widgets as a library: one ES module with React and the client left to the host app,
// plus styles.css. Declarations come from tsc (tsconfig.build.json).
import { defineConfig } from "vite";

export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    lib: { entry: "src/index.ts", formats: ["es"], fileName: () => "index.js", cssFileName: "styles" },
    rollupOptions: { external: ["react", "react-dom", "react/jsx-runtime", "@orgs/client"] },
    minify: true,
    sourcemap: false,
  },
});
