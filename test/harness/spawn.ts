import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './app';

export type Spawned = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

// Runs `node scripts/run.js <role>` with exactly the given environment (plus PATH and HOME).
export const spawnHerald = (role: 'web' | 'worker', env: Record<string, string>): Spawned => {
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'run.js'), role], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal }))
  );
  return { child, output: () => output, exited };
};
