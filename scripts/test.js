'use strict';
// npm test: build what the tests load (plugins, the compiled app, the admin panel when its sources
// changed), run every Jest test in band against the real PostgreSQL and Redis, then print the
// closing line "tests: N passed, N failed".
const fs = require('node:fs');
const path = require('node:path');
const { adminIsCurrent, bin, markAdminBuilt, root, run } = require('./lib');
const { buildPlugins } = require('./build');

const main = async () => {
  const jestArgs = process.argv.slice(2);
  await buildPlugins();
  if (!adminIsCurrent()) {
    await run(bin('strapi'), ['build', '--silent']);
    markAdminBuilt();
  } else {
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir: root });
  }
  const resultsFile = path.join(root, '.tmp', 'jest-results.json');
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  let failed = false;
  try {
    await run(bin('jest'), ['--runInBand', '--json', `--outputFile=${resultsFile}`, ...jestArgs], {
      env: { ...process.env, NODE_ENV: 'test', STRAPI_TELEMETRY_DISABLED: 'true' },
    });
  } catch {
    failed = true;
  }
  if (!fs.existsSync(resultsFile)) throw new Error('jest wrote no results');
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  const failures = r.numFailedTests + r.numRuntimeErrorTestSuites;
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failed || failures > 0 || r.numTotalTests === 0) process.exit(1);
};

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
