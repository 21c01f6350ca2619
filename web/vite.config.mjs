// @ts-check
import react from "@vitejs/plugin-react";
import { fileURLToPath, URL } from "node:url";
import { defineConfig } from "vite";

/**
 * The dashboard, built into dist/web for the API's own express server to serve at "/": one origin,
 * so the browser talks to /graphql with no CORS and nothing is fetched from any other host.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // ECharts alone is past Vite's 500 kB warning before gzip; the figure that matters is reported gzipped.
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
