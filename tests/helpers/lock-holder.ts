// Another process holding SQLite's write lock on Threshold's database, as a
// backup tool, a careless `sqlite3` shell or a second server would: a child
// process that takes BEGIN IMMEDIATE and keeps it for a while.
import { spawn, type ChildProcess } from 'node:child_process';

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); }, Number(process.argv[2]));
`;

/** Holds the write lock on `file` for `ms` milliseconds; resolves once the lock is taken. */
export async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void>; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', HOLDER, file, String(ms)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() });
  let output = '';
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('locked')) resolve();
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', () => reject(new Error(`lock holder exited: ${output}`)));
  });
  return { released, child };
}
