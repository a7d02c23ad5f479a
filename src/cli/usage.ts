// CLI errors: bad input is a one-line message on stderr and exit 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

/** node:util parseArgs, with its errors turned into one-line usage errors naming the option. */
export function parseOptions<T extends ParseArgsConfig['options']>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'invalid arguments' : 'invalid arguments');
  }
}
