'use strict';
// Shared helpers for Herald's npm scripts (plain Node, so they run before anything is built).
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const pluginDirs = () =>
  fs
    .readdirSync(path.join(root, 'plugins'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, 'plugins', d.name, 'package.json')))
    .map((d) => path.join(root, 'plugins', d.name));

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// Runs a command, inheriting stdio; resolves on exit 0, rejects otherwise.
const run = (cmd, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${signal ?? code}`))
    );
  });

// Loads .env into process.env without overriding what the environment already says.
const loadEnv = () => {
  const file = path.join(root, '.env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
};

const files = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]))
    : [];

// The admin build takes about a minute: redo it only when its inputs changed.
const adminInputsHash = () => {
  const hash = crypto.createHash('sha256');
  const inputs = [
    path.join(root, 'package-lock.json'),
    ...files(path.join(root, 'src', 'admin')),
    ...pluginDirs().flatMap((d) => files(path.join(d, 'admin', 'src'))),
  ];
  for (const file of inputs.sort()) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex');
};

const adminStamp = () => path.join(root, 'dist', 'build', '.herald-admin-inputs');
const adminIsCurrent = () => fs.existsSync(adminStamp()) && fs.readFileSync(adminStamp(), 'utf8') === adminInputsHash();
const markAdminBuilt = () => fs.writeFileSync(adminStamp(), adminInputsHash());

module.exports = { root, pluginDirs, bin, run, loadEnv, adminIsCurrent, markAdminBuilt };
