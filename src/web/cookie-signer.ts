// Signed cookies (the session and the CSRF secret) checked once per value: every page would otherwise compute
// two HMACs to re-check the same two cookies. Only signatures found valid are remembered, so a flood of forged
// cookies fills nothing; the memory is bounded and emptied when full.
import { Signer, type UnsignResult } from '@fastify/cookie';

const MAX_REMEMBERED = 10_000;

export function rememberingSigner(secret: string): Pick<Signer, 'sign' | 'unsign'> {
  const signer = new Signer(secret);
  const valid = new Map<string, UnsignResult>();
  return {
    sign: (value) => signer.sign(value),
    unsign(signedValue) {
      const known = valid.get(signedValue);
      if (known) return known;
      const result = signer.unsign(signedValue);
      if (result.valid) {
        if (valid.size >= MAX_REMEMBERED) valid.clear();
        valid.set(signedValue, result);
      }
      return result;
    },
  };
}
