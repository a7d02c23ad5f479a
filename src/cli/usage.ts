// CLI errors: bad input is a one-line message on stderr and exit 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { hasControlCharacter } from '../web/text.ts';

export class UsageError extends Error {}

/** node:util parseArgs, with its errors turned into one-line usage errors naming the option. The same rule as
 * every form's text (web/text.ts): no option or argument may carry a control character. */
export function parseOptions<T extends ParseArgsConfig['options']>(args: string[], options: T, allowPositionals = true) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'invalid arguments' : 'invalid arguments');
  }
  for (const [name, value] of Object.entries(parsed.values as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && hasControlCharacter(v))) throw new UsageError(`--${name} must not contain control characters`);
  }
  if (parsed.positionals.some(hasControlCharacter)) throw new UsageError('an argument must not contain control characters');
  return parsed;
}
