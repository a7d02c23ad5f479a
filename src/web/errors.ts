// Maps errors to responses: JSON under /api, GOV.UK pages elsewhere. A 5xx never shows its cause.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { formErrors } from './forms.ts';

export function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

type Problem = { status: number; title: string; paragraphs: string[]; fields?: FieldError[] };

function problemFor(error: FastifyError | Error): Problem {
  if (error instanceof ValidationError) {
    return { status: 400, title: 'There is a problem with what was sent', paragraphs: error.fields.map((f) => f.message), fields: error.fields };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const fields = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { field: path ? (context === 'body' ? path : `${context}.${path}`) : context, message: v.message ?? 'is not valid' };
    });
    return { status: 400, title: 'There is a problem with what was sent', paragraphs: fields.map((f) => `${f.field}: ${f.message}`), fields };
  }
  if (error instanceof NotFoundError) return { status: 404, title: 'Page not found', paragraphs: [error.message] };
  if (error instanceof ForbiddenError) return { status: 403, title: 'You cannot do that', paragraphs: [error.message] };
  if (error instanceof ConflictError) return { status: 409, title: 'Someone else changed this first', paragraphs: [error.message] };
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_CSRF_INVALID_TOKEN' || fastifyError.code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, title: 'This form has expired', paragraphs: ['Go back, reload the page and try again. Nothing was saved.'] };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const title = status === 429 ? 'Too many attempts' : status === 413 ? 'The file is too large' : 'There is a problem with what was sent';
    return { status, title, paragraphs: [error.message] };
  }
  return {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    paragraphs: ['Try again later. If it keeps happening, tell your council’s Nolan administrator and give them the reference below.'],
  };
}

export async function renderProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): Promise<FastifyReply> {
  reply.code(problem.status);
  if (isApi(request) || !reply.page) {
    return reply.send({
      error: problem.title,
      message: problem.paragraphs.join(' '),
      ...(problem.fields ? { fields: problem.fields } : {}),
      requestId: request.id,
    });
  }
  return reply.page('error.njk', { title: problem.title, paragraphs: problem.paragraphs, ...(problem.fields ? { errors: formErrors(problem.fields) } : {}) });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const problem = problemFor(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: problem.status, code: error.code }, error.message);
    try {
      return await renderProblem(request, reply, problem);
    } catch (renderError) {
      request.log.error({ err: renderError }, 'error page failed');
      return reply.code(problem.status).type('text/plain').send(problem.title);
    }
  });
  app.setNotFoundHandler(async (request, reply) =>
    renderProblem(request, reply, {
      status: 404,
      title: 'Page not found',
      paragraphs: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'],
    }),
  );
}
