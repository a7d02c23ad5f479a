// The Content-Security-Policy header: scripts only from Nolan itself, and the two inline ones the layout needs
// carrying a nonce made afresh for each response. Helmet's policy is built once here with the nonce as a function
// of the response, rather than rebuilt on every request.
import { randomFillSync } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

const NONCE_BYTES = 16;
// Random bytes drawn 256 nonces at a time: one call into the system's generator rather than one per response.
const pool = Buffer.alloc(NONCE_BYTES * 256);
let used = pool.length;

export function freshNonce(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const nonce = pool.toString('hex', used, used + NONCE_BYTES);
  used += NONCE_BYTES;
  return nonce;
}

declare module 'fastify' {
  interface FastifyReply {
    /** The nonce the page's inline scripts carry, as the Content-Security-Policy header names it. */
    cspNonce: { script: string; style: string } | null;
  }
}

const NONCE = Symbol('cspNonce');
type WithNonce = ServerResponse & { [NONCE]?: string };

export function installCsp(app: FastifyInstance, options: { secure: boolean }): void {
  const policy = helmet.contentSecurityPolicy({
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", (_request: unknown, response: unknown) => `'nonce-${(response as WithNonce)[NONCE]}'`],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      upgradeInsecureRequests: options.secure ? [] : null,
    },
  });
  app.decorateReply('cspNonce', null);
  app.addHook('onRequest', (request, reply, done) => {
    const nonce = freshNonce();
    reply.cspNonce = { script: nonce, style: nonce };
    (reply.raw as WithNonce)[NONCE] = nonce;
    policy(request.raw, reply.raw, done);
  });
}
