// nolan audit verify | checkpoint: checking the audit chain from the command line, and taking a checkpoint
// of its head to keep somewhere the database's administrators cannot reach.
import { readChainHead } from '../features/audit/audit.repository.ts';
import { describeVerification, isChainHash, verifyChain, type Checkpoint } from '../features/audit/audit.verify.ts';
import type { CliContext } from './context.ts';
import { parseOptions, UsageError } from './usage.ts';

const usage = `Usage:
  nolan audit verify [--checkpoint <hash | checkpoint JSON>] [--checkpoint-seq <seq>]
  nolan audit checkpoint
verify exits 0 when the chain is intact and 1 at the first broken link. checkpoint prints
{"seq":N,"hash":"…","at":"…"}; give that JSON (or just its hash) to --checkpoint later to detect
events deleted from the end of the chain.`;

/** The checkpoint as given: a bare hash, or the JSON that `nolan audit checkpoint` printed. */
export function readCheckpoint(value: string, seqOption: string | undefined): Checkpoint {
  let hash = value.trim();
  let seq: number | undefined;
  if (hash.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(hash);
    } catch {
      throw new UsageError('--checkpoint: not valid JSON; give the hash, or the JSON that nolan audit checkpoint printed');
    }
    const given = parsed as { hash?: unknown; seq?: unknown };
    if (typeof given.hash !== 'string') throw new UsageError('--checkpoint: the JSON has no "hash"');
    hash = given.hash;
    if (given.seq !== undefined) {
      if (!Number.isInteger(given.seq) || (given.seq as number) < 0) throw new UsageError('--checkpoint: "seq" must be a whole number');
      seq = given.seq as number;
    }
  }
  if (!isChainHash(hash)) throw new UsageError(`--checkpoint: expected a SHA-256 hash of 64 hex digits, got "${hash.slice(0, 70)}"`);
  if (seqOption !== undefined) {
    if (!/^\d+$/.test(seqOption)) throw new UsageError(`--checkpoint-seq: expected a whole number, got "${seqOption}"`);
    seq = Number(seqOption);
  }
  return { hash, seq };
}

async function verify(args: string[], context: CliContext): Promise<number> {
  const { values } = parseOptions(args, { checkpoint: { type: 'string' }, 'checkpoint-seq': { type: 'string' } }, false);
  if (values['checkpoint-seq'] !== undefined && values.checkpoint === undefined) throw new UsageError('--checkpoint-seq needs --checkpoint');
  const checkpoint = values.checkpoint === undefined ? undefined : readCheckpoint(values.checkpoint, values['checkpoint-seq']);
  const result = await verifyChain(context.db.kysely, checkpoint);
  context.out(describeVerification(result));
  if (result.intact && checkpoint) context.out(`checkpoint found at seq ${result.checkpointSeq}`);
  return result.intact ? 0 : 1;
}

async function checkpoint(args: string[], context: CliContext): Promise<number> {
  parseOptions(args, {}, false);
  const head = await readChainHead(context.db.kysely);
  context.out(JSON.stringify({ seq: head.seq, hash: head.hash, at: context.clock.now().toISOString() }));
  return 0;
}

const subcommands: Record<string, (args: string[], context: CliContext) => Promise<number>> = { verify, checkpoint };

export const auditCommand = {
  summary: 'verify the audit chain, or print a checkpoint of its head',
  async run(args: string[], context: CliContext): Promise<number> {
    const [what, ...rest] = args;
    const subcommand = what ? subcommands[what] : undefined;
    if (!subcommand) throw new UsageError(what ? `unknown action "${what}"; expected verify or checkpoint\n${usage}` : usage);
    return subcommand(rest, context);
  },
};
