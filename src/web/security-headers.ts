// Helmet's security headers on every response, with a Content-Security-Policy that allows scripts only from Nolan
// itself and the two inline ones the layout needs, carrying a nonce made afresh for each response.
//
// Helmet's answer is the same for every response but for that nonce, yet its middleware re-checks the policy's
// directives and runs a dozen small middlewares each time: a twentieth of a list page's CPU. So it runs once, at
// start, against a response that only records what is set, and each response then gets the recorded headers,
// the nonce put into the policy where Helmet wrote a placeholder.
import { randomFillSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { isApi } from './errors.ts';

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

// Not a nonce a response could draw: those are hex.
const NONCE_PLACEHOLDER = 'NOLAN-NONCE';
const CSP = 'content-security-policy';

type Recorded = { headers: [string, string][]; cspBefore: string; cspAfter: string };

/** Runs Helmet's middleware once and keeps what it set; it sets headers synchronously and touches nothing else. */
function recordHelmet(secure: boolean): Recorded {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", `'nonce-${NONCE_PLACEHOLDER}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  const set = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => set.delete(name.toLowerCase()),
  };
  let finished = false;
  middleware({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error('Helmet did not set its headers synchronously');
  const policy = set.get(CSP) ?? '';
  const at = policy.indexOf(NONCE_PLACEHOLDER);
  if (at < 0 || policy.indexOf(NONCE_PLACEHOLDER, at + 1) >= 0) throw new Error('the Content-Security-Policy should name the nonce once');
  set.delete(CSP);
  return { headers: [...set], cspBefore: policy.slice(0, at), cspAfter: policy.slice(at + NONCE_PLACEHOLDER.length) };
}

export function installSecurityHeaders(app: FastifyInstance, options: { secure: boolean }): void {
  const { headers, cspBefore, cspAfter } = recordHelmet(options.secure);
  app.decorateReply('cspNonce', null);
  app.addHook('onRequest', (_request, reply, done) => {
    const nonce = freshNonce();
    reply.cspNonce = { script: nonce, style: nonce };
    // Set on the Node response, as Helmet does, so that error pages and 404s carry them too.
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    raw.setHeader(CSP, cspBefore + nonce + cspAfter);
    done();
  });
  // What a signed-in person is shown must not stay in a shared computer's browser cache or a proxy's, so every
  // answer says no-store: pages, API answers and downloads, refusals and errors too. The one exception is a
  // public route that set its own caching, which only the static assets do.
  app.addHook('onSend', (request, reply, payload, done) => {
    const ownCaching = reply.hasHeader('cache-control') && request.routeOptions.config?.access?.kind === 'public' && !isApi(request);
    if (!ownCaching) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
