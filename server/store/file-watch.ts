// Notices the database file being deleted or replaced under a running server
// (issue 12, case 11). SQLite keeps writing into an open file that no longer
// has a name: every command would be acknowledged into data that is already
// gone. The check compares the path's device and inode with those at opening.
import { statSync } from 'node:fs';

/** How often the main thread looks at the file (ms); the writer thread also looks before each write. */
export const FILE_CHECK_MS = 1000;

export const FILE_GONE = 'the database file is gone (deleted or replaced while running)';

/** The file's identity, or null if it has no name any more. */
export function fileIdentity(file: string): string | null {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : null;
}

export class FileWatch {
  /** True once the file was found gone or replaced; never resets (a restart decides what to do). */
  lost = false;
  private readonly identity: string | null;
  private readonly timer: NodeJS.Timeout;
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly file: string, everyMs: number = FILE_CHECK_MS) {
    this.identity = fileIdentity(file);
    this.timer = setInterval(() => this.check(), everyMs);
    this.timer.unref();
  }

  /** Look now; returns whether the file is lost. Listeners hear about it once. */
  check(): boolean {
    if (this.lost || fileIdentity(this.file) === this.identity) return this.lost;
    this.lost = true;
    clearInterval(this.timer);
    for (const listener of this.listeners) listener();
    return true;
  }

  /** Call `listener` once when the file is found lost. */
  onLost(listener: () => void): void {
    this.listeners.push(listener);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
