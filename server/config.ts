// Configuration from the environment. Bad values stop the start with a
// message that names the variable, rather than a surprise in the living room.
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_CALL_TIME, isCallTime, isTimeZone } from '../shared/case/follow-ups.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * DATABASE_URL: a postgres:// URL selects the PostgreSQL store (issue 17); null keeps SQLite in
   * `dataDir`. Never logged or echoed: it may hold a password.
   */
  databaseUrl: string | null;
  /**
   * REDIS_URL: a redis:// URL runs this process as one of several sharing DATABASE_URL (issue 17,
   * docs/deployment.md); null keeps one server per database. Never logged: it may hold a password.
   */
  redisUrl: string | null;
  /** The base of join links; null means "this machine's LAN address and the actual port". */
  publicUrl: string | null;
  logLevel: string;
  sessionHours: number;
  /** A facilitator session ends after this long without activity. */
  idleMinutes: number;
  /**
   * Messages one connection may send per second (bursts of five seconds'
   * worth): generous for people and scripts, tight for a loop that never stops.
   */
  socketMessagesPerSecond: number;
  /** A join link stops working this long after it was issued (and when its meeting closes). */
  linkMaxAgeHours: number;
  /** A guest who leaves the lobby before anyone decides on them is forgotten after this long away. */
  guestLobbyGraceSeconds: number;
  /**
   * How long the console shows a member whose last device dropped as reconnecting (`away`);
   * after that, `left` (a newcomer's trial: a closed tablet read "Reconnecting" for good).
   */
  presenceGraceSeconds: number;
  /** The practice's IANA zone: scheduled follow-up calls fall on their days there (default: the server's own zone, `TZ`). */
  practiceTimeZone: string;
  /** `HH:MM` in `practiceTimeZone`: when scheduled follow-up calls are put (default 10:00, a working hour). */
  followUpTime: string;
  /** Base64 of the 32-byte encryption key; when absent, `keyFile` holds it. */
  encryptionKey: string | undefined;
  /** Created with mode 0600 on first run; keep it, and back it up apart from the database. */
  keyFile: string;
  /** Extra origins (scheme://host:port) allowed besides the host a request was sent to. */
  allowedOrigins: Set<string>;
  /** Crisis numbers shown on every screen after an emergency stop; a practice outside the US sets its own. */
  crisis: CrisisConfig;
}

export interface CrisisConfig {
  emergencyNumber: string;
  lineNumber: string;
  lineName: string;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function timeZone(raw: string | undefined): string {
  const zone = raw?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  if (!isTimeZone(zone)) throw new ConfigError(`PRACTICE_TIME_ZONE must be an IANA time zone (for example America/Chicago), not "${zone}"`);
  return zone;
}

function callTime(raw: string | undefined): string {
  const time = raw?.trim() || DEFAULT_CALL_TIME;
  if (!isCallTime(time)) throw new ConfigError(`FOLLOW_UP_TIME must be a 24-hour time such as 10:00, not "${time}"`);
  return time;
}

function shortText(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (raw.length > 100) throw new ConfigError(`${name} must be at most 100 characters`);
  return raw;
}

function publicUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be a full address such as http://192.168.1.20:3000, not "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must start with http:// or https://, not "${raw}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function origins(raw: string | undefined, publicUrlRaw: string | undefined): Set<string> {
  const list = new Set<string>();
  const base = publicUrl(publicUrlRaw);
  if (base) list.add(new URL(base).origin);
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`ALLOWED_ORIGINS must list full origins such as https://console.example.org, not "${entry}"`);
    }
    list.add(url.origin);
  }
  return list;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function logLevel(raw: string | undefined): string {
  if (!raw) return 'info';
  if (!LOG_LEVELS.includes(raw)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${raw.slice(0, 40)}"`);
  return raw;
}

/** An IP address to listen on, or a host name; an address that is not one (999.1.1.1) is named here, not by getaddrinfo. */
function listenHost(raw: string | undefined): string {
  if (!raw) return '0.0.0.0';
  const looksNumeric = /^[\d.]+$/.test(raw);
  const validName = /^[a-zA-Z0-9]([a-zA-Z0-9.-]{0,251}[a-zA-Z0-9])?$/.test(raw);
  if ((looksNumeric && isIP(raw) !== 4) || (!looksNumeric && isIP(raw) === 0 && !validName)) {
    throw new ConfigError(`HOST must be an address of this machine such as 0.0.0.0 or 192.168.1.20, not "${raw.slice(0, 60)}"`);
  }
  return raw;
}

function databaseUrl(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // The value may hold a password: it is not repeated.
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://threshold:secret@localhost:5432/threshold');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (PostgreSQL is the only database server supported), not ${url.protocol}//`);
  }
  return raw.trim();
}

/** REDIS_URL, which needs DATABASE_URL: processes share meetings through PostgreSQL, never through a SQLite file. */
function redisUrl(raw: string | undefined, database: string | null): string | null {
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError('REDIS_URL must be a URL such as redis://localhost:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}//`);
  }
  if (!database) throw new ConfigError('REDIS_URL needs DATABASE_URL: several processes share their meetings through PostgreSQL (docs/deployment.md)');
  return raw.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR || './data');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: listenHost(env.HOST),
    dataDir,
    databaseUrl: databaseUrl(env.DATABASE_URL),
    redisUrl: redisUrl(env.REDIS_URL, databaseUrl(env.DATABASE_URL)),
    encryptionKey: env.THRESHOLD_KEY || undefined,
    keyFile: resolve(env.KEY_FILE || `${dataDir}/threshold.key`),
    allowedOrigins: origins(env.ALLOWED_ORIGINS, env.PUBLIC_URL),
    publicUrl: publicUrl(env.PUBLIC_URL),
    logLevel: logLevel(env.LOG_LEVEL),
    sessionHours: integer(env, 'SESSION_HOURS', 12, 1, 24 * 30),
    idleMinutes: integer(env, 'IDLE_MINUTES', 15, 1, 24 * 60),
    socketMessagesPerSecond: integer(env, 'SOCKET_MESSAGES_PER_SECOND', 20, 1, 100_000),
    linkMaxAgeHours: integer(env, 'LINK_MAX_AGE_HOURS', 24 * 7, 1, 24 * 365),
    guestLobbyGraceSeconds: integer(env, 'GUEST_LOBBY_GRACE_SECONDS', 60, 1, 3600),
    presenceGraceSeconds: integer(env, 'PRESENCE_GRACE_SECONDS', 60, 1, 3600),
    practiceTimeZone: timeZone(env.PRACTICE_TIME_ZONE),
    followUpTime: callTime(env.FOLLOW_UP_TIME),
    crisis: {
      emergencyNumber: shortText(env, 'CRISIS_EMERGENCY_NUMBER', '911'),
      lineNumber: shortText(env, 'CRISIS_LINE_NUMBER', '988'),
      lineName: shortText(env, 'CRISIS_LINE_NAME', 'the Suicide & Crisis Lifeline'),
    },
  };
}

/** IPv4 addresses other devices on the local network can reach, first the likeliest. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) found.push(info.address);
    }
  }
  return found;
}
