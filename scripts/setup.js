'use strict';
// First-run setup for `npm run dev`: a .env with fresh secrets, the database, and a build.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { root } = require('./lib');

const secret = () => crypto.randomBytes(32).toString('base64');

const writeEnv = () => {
  const file = path.join(root, '.env');
  if (fs.existsSync(file)) return false;
  const lines = [
    '# Written by the first `npm run dev`. Never commit this file; production needs its own values.',
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `API_TOKEN_SALT=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    `HERALD_SIGNING_SECRET=${secret()}`,
    'DATABASE_HOST=127.0.0.1',
    'DATABASE_PORT=5432',
    'DATABASE_NAME=herald',
    'DATABASE_USERNAME=postgres',
    'DATABASE_PASSWORD=',
    'REDIS_URL=redis://127.0.0.1:6379',
    '# Leave empty to deliver into the local outbox (Herald → Mail outbox in the admin panel).',
    'MAILGUN_API_KEY=',
    'MAILGUN_DOMAIN=',
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return true;
};

const connectionSettings = () => {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return { settings: { connectionString: process.env.DATABASE_URL }, name: decodeURIComponent(url.pathname.slice(1)), url };
  }
  return {
    settings: {
      host: process.env.DATABASE_HOST || '127.0.0.1',
      port: Number(process.env.DATABASE_PORT || 5432),
      user: process.env.DATABASE_USERNAME || 'postgres',
      password: process.env.DATABASE_PASSWORD || '',
    },
    name: process.env.DATABASE_NAME || 'herald',
  };
};

// Creates the database when it is missing, connecting to the server's "postgres" database.
const ensureDatabase = async () => {
  const { settings, name, url } = connectionSettings();
  const admin = url
    ? { connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() }
    : { ...settings, database: 'postgres' };
  const client = new Client({ ...admin, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `Cannot reach PostgreSQL (${err.message}). Start it (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_URL in .env.`
    );
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
};

module.exports = { writeEnv, ensureDatabase };
