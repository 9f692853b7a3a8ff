// HTTP errors as values with codes, and one error handler that never lets
// internals reach the person on the other end.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { describeIssues } from '../../shared/protocol.js';
import { isStoreUnavailable } from '../store/unavailable.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `${what} was not found`);

/** Parse a request body, or fail with a 400 whose message names the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'INVALID', 'The request body must be a JSON object');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, 'INVALID', describeIssues(result.error));
  return result.data;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    // A lock held by another process, a failed disk, the file gone: try again, not a bug (issue 12, cases 11 and 12).
    if (isStoreUnavailable(error)) {
      request.log.warn({ err: { code: (error as { code?: string }).code } }, 'store unavailable');
      return reply.code(503).send({ error: { code: 'UNAVAILABLE', message: 'The server cannot reach its records just now; please try again in a moment' } });
    }
    const status = error.statusCode ?? 500;
    if (status === 400 && (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)) {
      return reply.code(400).send({ error: { code: 'INVALID', message: 'The request body is not valid JSON' } });
    }
    if (status === 400 && error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send({ error: { code: 'INVALID', message: 'The request body is empty; send a JSON object' } });
    }
    if (status === 413) {
      return reply.code(413).send({ error: { code: 'TOO_LARGE', message: 'The request is too large' } });
    }
    if (status === 415) {
      return reply.code(415).send({ error: { code: 'INVALID', message: 'Send the body as application/json' } });
    }
    if (status === 429) {
      return reply.code(429).send({ error: { code: 'RATE_LIMITED', message: 'Too many attempts; wait a minute and try again' } });
    }
    if (status < 500) {
      return reply.code(status).send({ error: { code: 'INVALID', message: 'The request could not be understood' } });
    }
    request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'request failed');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on the server; please try again' } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'There is nothing at this address' } });
  });
}
