// The slice of pino's interface the domain code uses, so it can log without
// depending on Fastify. Log objects carry ids, types and codes only: never
// names, letters, notes or tokens.
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
