// The console and the gallery, served by Vite. Requests to /orgs go to the orgs server
// (ORGS_URL, default http://127.0.0.1:8080), so the browser sees one origin and orgs
// needs no CORS.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const target = process.env.ORGS_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  root,
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/orgs": { target, rewrite: (path) => path.replace(/^\/orgs/, "") } },
  },
  preview: {
    host: "127.0.0.1",
    port: 4173,
    proxy: { "/orgs": { target, rewrite: (path) => path.replace(/^\/orgs/, "") } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: {
      input: { console: `${root}index.html`, gallery: `${root}gallery.html` },
    },
  },
});
