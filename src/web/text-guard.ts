// The guard for text that reaches a route without a schema of its own: every string in the query, the
// address's parameters and the body (a form, JSON, or a multipart form's text fields) is checked before the
// route runs. A control character is a 400 naming the field: the GOV.UK error page, or the API's JSON.
// It runs after the access check, so a caller who may not use a route learns that first. A page form whose schema
// reads a field with the shared text rule names that field in its own error summary instead: the route lists such
// fields in config.formText (a posted form's, or a search form's in the query), and the guard leaves them to it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderProblem } from './errors.ts';
import { controlCharacterMessage, fieldLabel, findControlCharacter } from './text.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Fields of the page's form (posted, or a search form's query) its schema reads with text(), which shows the
     * form again naming the field. */
    formText?: readonly string[];
  }
}

/** The input without the fields the form's schema checks itself. */
function leftToGuard(input: unknown, formText: readonly string[] | undefined): unknown {
  if (!formText?.length || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).filter(([key]) => !formText.includes(key)));
}

/** The first input with a control character, named as the API's validation errors name fields. */
export function controlCharacterField(request: FastifyRequest, withBody = true): string | undefined {
  const { formText } = request.routeOptions.config;
  const inQuery = findControlCharacter(leftToGuard(request.query, formText));
  if (inQuery !== undefined) return `querystring.${inQuery}`;
  const inParams = findControlCharacter(request.params);
  if (inParams !== undefined) return `params.${inParams}`;
  return withBody ? findControlCharacter(leftToGuard(request.body, formText)) : undefined;
}

export async function refuseControlCharacters(request: FastifyRequest, reply: FastifyReply, withBody = true): Promise<FastifyReply | undefined> {
  if (reply.sent) return undefined;
  const field = controlCharacterField(request, withBody);
  if (field === undefined) return undefined;
  const message = controlCharacterMessage(field);
  request.log.info({ field }, 'refused a control character');
  return renderProblem(request, reply, {
    status: 400,
    title: 'There is a problem with what was sent',
    paragraphs: [`${message}. ${fieldLabel(field)} had a character that cannot be typed, such as NUL: remove it and try again.`],
    fields: [{ field, message }],
  });
}

export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    if (request.is404) return;
    return refuseControlCharacters(request, reply);
  });
}
