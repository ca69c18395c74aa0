import { errorCodes, isErrorCode, type ErrorCode, type Problem } from '@safeschools/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isAppError, type FieldError } from '../domain/shared/app-error.js';

const titles: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid',
  MALFORMED_JSON: 'The request body is not valid JSON',
  AUTH_REQUIRED: 'Sign in first',
  AUTH_INVALID_CREDENTIALS: 'Wrong email or password',
  AUTH_SESSION_EXPIRED: 'Your session has expired',
  OUT_OF_SCOPE: 'Not found',
  NOT_FOUND: 'Not found',
  ROUTE_NOT_FOUND: 'No such route',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  INTERNAL: 'Something went wrong on the server',
};

export function problemOf(code: ErrorCode, request: FastifyRequest, detail?: string, errors?: readonly FieldError[]): Problem {
  return {
    type: `https://safeschools.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[code] ?? code.toLowerCase().replaceAll('_', ' '),
    status: errorCodes[code],
    code,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(errors && errors.length ? { errors: [...errors] } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** Every error leaving the API passes here: one mapping from causes to stable codes; 5xx detail stays in the log. */
export function errorToProblem(error: FastifyError | Error, request: FastifyRequest): Problem {
  if (isAppError(error)) {
    const problem = problemOf(error.code, request, error.detail, error.errors);
    const wait = error.hints.retryAfterSeconds;
    return wait !== undefined ? { ...problem, retryAfter: Math.max(1, Math.ceil(wait)) } : problem;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message ?? 'invalid',
      code: (v.params.issue as { code?: string } | undefined)?.code ?? 'invalid',
    }));
    return problemOf('VALIDATION_FAILED', request, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  if (isResponseSerializationError(error)) return problemOf('INTERNAL', request);
  const code = (error as FastifyError).code;
  if (code && fastifyCodes[code]) return problemOf(fastifyCodes[code], request, error.message);
  // busboy reports a multipart body that does not match its boundary with bare messages and no code.
  if (/^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found)/.test(error.message)) {
    return problemOf('VALIDATION_FAILED', request, 'The multipart body is malformed.');
  }
  const status = (error as FastifyError).statusCode;
  if (status === 429) return problemOf('RATE_LIMITED', request, error.message);
  if (code && isErrorCode(code)) return problemOf(code, request, error.message);
  if (status && status >= 400 && status < 500) return problemOf('VALIDATION_FAILED', request, error.message);
  return problemOf('INTERNAL', request);
}
