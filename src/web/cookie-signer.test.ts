// The remembering signer answers exactly as @fastify/cookie's own signer does, remembered or not.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Signer } from '@fastify/cookie';
import { rememberingSigner } from './cookie-signer.ts';

const SECRET = 'a-session-secret-a-session-secret-0123';

it('signs as the plain signer does, and accepts what it signed, first time and from memory', () => {
  const plain = new Signer(SECRET);
  const remembering = rememberingSigner(SECRET);
  const signed = remembering.sign('session-id-1');
  assert.equal(signed, plain.sign('session-id-1'));
  for (let i = 0; i < 3; i++) assert.deepEqual(remembering.unsign(signed), { valid: true, renew: false, value: 'session-id-1' });
});

it('refuses a forged, truncated or differently keyed value every time', () => {
  const remembering = rememberingSigner(SECRET);
  const signed = remembering.sign('session-id-2');
  const forged = `session-id-3${signed.slice(signed.indexOf('.'))}`;
  const otherKey = new Signer('another-secret-another-secret-0123456').sign('session-id-2');
  for (const bad of [forged, signed.slice(0, -2), 'no-signature', `${signed}x`, otherKey]) {
    for (let i = 0; i < 2; i++) assert.deepEqual(remembering.unsign(bad), { valid: false, renew: false, value: null }, bad);
  }
  assert.equal(remembering.unsign(signed).valid, true, 'a forged value beside it changes nothing');
});
