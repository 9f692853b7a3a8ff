// HTTP errors as values with codes, and one error handler that never lets
// internals reach the person on the other end.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { z } from 'zod';
import { describeIssues } from '../../shared/protocol.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { describeForPerson, type FormWords } from './field-words.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** More facts for the error body beside `code` and `message` (e.g. a refusal's `missing`); never internals. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', `${what} was not found`);

/**
 * Parse a request body, or fail with a 400 whose message names the field: in
 * the form's own words for the fields in `words` (issue 13, item 19), else as
 * "field: problem".
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, words?: FormWords): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'INVALID', 'The request body must be a JSON object');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const message = words ? describeForPerson(result.error, body, words) : describeIssues(result.error);
    throw new HttpError(400, 'INVALID', message, invalidFacts(result.error));
  }
  return result.data;
}

/**
 * The first problem as keys beside the English message (issue 15), so a family page can say it in
 * its own language: `field` (the path, dotted: "text", "signature.typedName"), `reason` (the
 * schema's issue code: "too_big", "too_small", "invalid_type", "invalid_value"…) and, for a size,
 * `limit` (characters or items). Never the value sent.
 */
export function invalidFacts(error: z.ZodError): { field: string; reason: string; limit?: number } {
  const issue = error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.');
  const limit = issue.code === 'too_big' ? Number(issue.maximum) : issue.code === 'too_small' ? Number(issue.minimum) : undefined;
  return limit === undefined ? { field, reason: issue.code } : { field, reason: issue.code, limit };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: { ...error.extra, code: error.code, message: error.message } });
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

/** The documented error body for a status no route ever saw; it never names the path. */
function earlyError(status: number): { code: string; message: string } {
  if (status === 408) return { code: 'TIMEOUT', message: 'The request took too long to arrive; please try again' };
  if (status === 414 || status === 431) return { code: 'TOO_LARGE', message: 'The address or headers are too long' };
  if (status >= 500) return { code: 'INTERNAL', message: 'Something went wrong on the server; please try again' };
  return { code: 'INVALID', message: 'The request could not be understood' };
}

/**
 * Fastify's `frameworkErrors` option: the router's own refusals (a malformed
 * percent-encoding, FST_ERR_BAD_URL, 400; a path parameter over
 * `maxParamLength`, 414) arrive here before any hook, so helmet has not run:
 * `headers` (from `hardenedHeaders`) are set explicitly (issue 12, case 15).
 */
export function routerErrorHandler(headers: Record<string, string>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const status = error.statusCode ?? 400;
    request.log.info({ code: error.code, status }, 'request refused by the router');
    void reply.code(status).headers(headers).send({ error: earlyError(status) });
  };
}

/**
 * Fastify's `clientErrorHandler` option: Node's HTTP parser refused the bytes
 * (a request line or headers over the limit: 431; a request that never
 * finished arriving: 408; anything else: 400). There is no request, so the
 * answer is written on the socket by hand, with the same headers as every
 * other response, and the connection closed (issue 12, case 15).
 */
export function parserErrorHandler(headers: Record<string, string>) {
  return function (this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    this.log.debug({ code: error.code, status }, 'request refused by the HTTP parser');
    if (socket.writable) {
      const body = JSON.stringify({ error: earlyError(status) });
      const lines = Object.entries({ ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' });
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
    }
    socket.destroy();
  };
}
