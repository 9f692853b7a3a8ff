// Failpoints for the fault-injection tests: with THRESHOLD_FAILPOINT set, the
// server kills itself (SIGKILL, no cleanup) at a named point of the command
// path, optionally only for one command type ("after-write:turn.next").
// Unset, which is always the case outside those tests, this does nothing.
export type Failpoint = 'after-write' | 'after-broadcast' | 'after-ack';

const configured = process.env.THRESHOLD_FAILPOINT ?? '';
const [point, onlyType] = configured.split(':');

export function failpoint(at: Failpoint, commandType: string): void {
  if (!configured || point !== at || (onlyType && onlyType !== commandType)) return;
  process.kill(process.pid, 'SIGKILL');
}
