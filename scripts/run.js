'use strict';
// npm start (web) and npm run worker: run the built app in one role.
//   web:    HTTP only (admin, REST, GraphQL, public pages, webhooks)
//   worker: queues and the event dispatcher, no HTTP server
// SIGTERM/SIGINT: Strapi's destroy runs each plugin's destroy (drain in-flight jobs), then exits 0.
const path = require('node:path');
const { loadEnv, root } = require('./lib');

const role = process.argv[2];
if (!['web', 'worker', 'all'].includes(role)) {
  console.error('usage: node scripts/run.js web|worker|all');
  process.exit(2);
}
loadEnv();
process.env.HERALD_PROCESS = role;

const { createStrapi } = require('@strapi/strapi');

const main = async () => {
  const app = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  if (role === 'worker') {
    await app.load();
    app.log.info(`Herald worker ready (${app.plugin('platform').service('queues').runningWorkers()} workers)`);
    if (process.send) process.send('ready');
  } else {
    await app.start();
  }
};

main().catch((err) => {
  console.error(`Herald cannot start: ${err.message}`);
  process.exit(1);
});
