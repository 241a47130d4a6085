'use strict';
// Our npm registry serves only the platform builds this machine uses (linux-x64), so `npm install`
// leaves the other platforms' optional packages (@swc/core-darwin-arm64, @rollup/rollup-win32-*, ...)
// out of package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds those
// entries back with their os/cpu/libc, which `npm ci` reads to skip them on this platform.
// Run after any `npm install` that changes the lock: node scripts/lock-platforms.js
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = ['darwin', 'win32', 'android', 'freebsd', 'openbsd', 'openharmony', 'sunos', 'aix', 'linux'];
const CPU = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'loong64', 'riscv64', 'arm'];

let added = 0;
for (const info of Object.values(lock.packages)) {
  for (const [name, range] of Object.entries(info.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const os = OS.find((o) => name.includes(o));
    const cpu = CPU.find((c) => name.includes(`-${c}`));
    if (!os || !cpu) continue;
    const entry = { version: range.replace(/^[\^~]/, ''), optional: true, os: [os], cpu: [cpu] };
    if (name.includes('musl')) entry.libc = ['musl'];
    else if (os === 'linux' && name.includes('gnu')) entry.libc = ['glibc'];
    lock.packages[key] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} other-platform optional entries`);
