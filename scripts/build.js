'use strict';
// npm run build: every local plugin (Strapi loads their dist/), then the app and its admin panel.
// --plugins builds only the plugins; --no-admin compiles the app without the admin panel.
const { bin, markAdminBuilt, pluginDirs, run } = require('./lib');

const buildPlugins = async () => {
  for (const dir of pluginDirs()) await run(bin('strapi-plugin'), ['build', '--silent'], { cwd: dir });
};

const main = async () => {
  const args = process.argv.slice(2);
  await buildPlugins();
  if (args.includes('--plugins')) return;
  if (args.includes('--no-admin')) {
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi();
    return;
  }
  await run(bin('strapi'), ['build']);
  markAdminBuilt();
};

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}

module.exports = { buildPlugins };
