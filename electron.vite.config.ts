// Kaappi's folders are not electron-vite's defaults, so each entry is named here.
// main: ES module, dependencies external; migrations copied beside the bundle. It holds the app's
// main process and the `kaappi` command (cli.js), which share its chunks.
// preload: one fully bundled CommonJS file (a sandboxed preload cannot load ESM or modules).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

function copyMigrations(): Plugin {
  return {
    name: 'kaappi-copy-migrations',
    writeBundle(options) {
      cpSync(resolve('src-main/db/migrations'), resolve(options.dir ?? 'out/main', 'migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Each worker thread is its own entry; chunks stay flat beside them, so code that finds a
        // worker next to itself (core/workers.ts) does so from any chunk.
        input: {
          index: resolve('src-main/index.ts'),
          // The `kaappi` command, run with plain Node: `node out/main/cli.js`.
          cli: resolve('src-main/cli/main.ts'),
          'snapshot-worker': resolve('src-main/core/backup/snapshot-worker.ts'),
          'import-read-worker': resolve('src-main/core/imports/read-worker.ts'),
          'checkpoint-worker': resolve('src-main/core/register/checkpoint-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
    plugins: [copyMigrations()],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/platform/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [react()],
  },
});
