// The server's public configuration (GET /api/config), fetched once per page
// and shared: the crisis numbers, and how long an idle facilitator stays signed in.

/** The numbers the crisis screen shows; a practice outside the US configures its own. */
export interface CrisisNumbers {
  emergencyNumber: string;
  lineNumber: string;
  lineName: string;
}

export interface ServerConfig {
  crisis?: CrisisNumbers;
  idleMinutes?: number;
}

let loading: Promise<ServerConfig | null> | null = null;

/** Resolves with null when the server could not be asked; the next call asks again. */
export function serverConfig(): Promise<ServerConfig | null> {
  loading ??= fetch('/api/config')
    .then((res) => (res.ok ? (res.json() as Promise<ServerConfig>) : null))
    .catch(() => null)
    .then((config) => {
      if (!config) loading = null;
      return config;
    });
  return loading;
}
