'use strict';
// npm run bench: build what the benchmarks load, then run every bench/*.bench.ts in turn.
const fs = require('node:fs');
const path = require('node:path');
const { root, run } = require('./lib');
const { buildPlugins } = require('./build');

const main = async () => {
  await buildPlugins();
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: root });
  const only = process.argv[2];
  const benches = fs
    .readdirSync(path.join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
    .sort();
  for (const file of benches) {
    await run(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('bench', file)], {
      env: { ...process.env, NODE_ENV: 'test', TS_NODE_PROJECT: 'tsconfig.server.json' },
    });
  }
};

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
