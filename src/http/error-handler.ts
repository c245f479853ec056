// The one place where errors become HTTP responses: { code, message, details? }, message localized,
// never a stack trace or SQL.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail, statusOfCode } from '../shared/app-error.ts';
import { translator } from '../shared/i18n.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const statusToCode: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

// Each has a message under validation.<code> in every catalog.
const knownValidationCodes = new Set([
  'required',
  'type',
  'minLength',
  'maxLength',
  'format',
  'email',
  'pattern',
  'enum',
  'additionalProperties',
  'minimum',
  'maximum',
]);

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error);
    if (error.validation) {
      const details = error.validation.map((issue) => validationDetail(request, issue as AjvError));
      return sendError(request, reply, new AppError('VALIDATION_FAILED', { details }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(request, reply, new AppError('INTERNAL_ERROR'));
    }
    return sendError(request, reply, new AppError(statusToCode[status] ?? 'MALFORMED_REQUEST'));
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const t = request.t ?? translator('de');
  // Details a service raised carry only a code; their message is the code's own, in the caller's language.
  const details = error.options.details?.map((detail) => ({
    ...detail,
    message: detail.message ?? t(`errors.${detail.code}`, error.options.params),
  }));
  const params = error.options.params;
  if (error.options.retryAfterSeconds) reply.header('retry-after', String(error.options.retryAfterSeconds));
  return reply
    .status(statusOfCode(error.code) ?? 500)
    .type('application/json; charset=utf-8')
    .send({ code: error.code, message: t(`errors.${error.code}`, params), ...(details ? { details } : {}) });
}

function validationDetail(request: FastifyRequest, issue: AjvError): ErrorDetail {
  const path = issue.instancePath.split('/').filter(Boolean);
  const child = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof child === 'string') path.push(child);
  const keyword = issue.keyword === 'format' && issue.params.format === 'email' ? 'email' : issue.keyword;
  const code = knownValidationCodes.has(keyword) ? keyword : 'invalid';
  const message = request.t(`validation.${code}`, {
    limit: String(issue.params.limit ?? ''),
    allowed: Array.isArray(issue.params.allowedValues) ? issue.params.allowedValues.join(', ') : '',
  });
  return { field: path.join('.') || 'body', code, message };
}
