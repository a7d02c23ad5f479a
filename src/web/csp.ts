// The Content-Security-Policy header: scripts only from Nolan itself, and the two inline ones the layout needs
// carrying a nonce made afresh for each response. Helmet's policy is built once here with the nonce as a function
// of the response; @fastify/helmet's own nonce option rebuilds the whole policy on every request.
import { randomFillSync } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { fastifyHelmet } from '@fastify/helmet';

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

const NONCE = Symbol('cspNonce');
type WithNonce = ServerResponse & { [NONCE]?: string };

export function installCsp(app: FastifyInstance, options: { secure: boolean }): void {
  const policy = fastifyHelmet.contentSecurityPolicy({
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
  app.addHook('onRequest', (request, reply, done) => {
    const nonce = freshNonce();
    reply.cspNonce = { script: nonce, style: nonce };
    (reply.raw as WithNonce)[NONCE] = nonce;
    policy(request.raw, reply.raw, done);
  });
}
