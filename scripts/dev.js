'use strict';
// npm run dev: set up on first run, then run Herald (web and workers in one process) with the
// admin panel in watch mode; a change to a plugin rebuilds it and restarts the app.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { bin, loadEnv, pluginDirs, root } = require('./lib');
const { buildPlugins } = require('./build');
const { ensureDatabase, writeEnv } = require('./setup');

const main = async () => {
  if (writeEnv()) console.log('Wrote .env with freshly generated secrets.');
  loadEnv();
  if (await ensureDatabase()) console.log(`Created database ${process.env.DATABASE_NAME || 'herald'}.`);
  console.log('Building plugins…');
  await buildPlugins();

  const watchers = pluginDirs().map((dir) => spawn(bin('strapi-plugin'), ['watch', '--silent'], { cwd: dir, stdio: 'ignore' }));
  let app;
  let restarting;
  const startApp = () => {
    app = spawn(bin('strapi'), ['develop'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, HERALD_PROCESS: process.env.HERALD_PROCESS || 'all' },
    });
  };
  startApp();
  // The watchers rebuild everything once as they start: ignore that first round.
  const settledAt = Date.now() + 15000;
  for (const dir of pluginDirs()) {
    fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
    fs.watch(path.join(dir, 'dist'), { recursive: true }, () => {
      if (Date.now() < settledAt) return;
      clearTimeout(restarting);
      restarting = setTimeout(() => {
        console.log(`Plugin ${path.basename(dir)} rebuilt; restarting Herald…`);
        app.once('exit', startApp);
        app.kill('SIGTERM');
      }, 2000);
    });
  }
  const stop = () => {
    watchers.forEach((w) => w.kill('SIGTERM'));
    app.removeAllListeners('exit');
    app.kill('SIGTERM');
    app.once('exit', () => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((err) => {
  console.error(`Herald cannot start: ${err.message}`);
  process.exit(1);
});
