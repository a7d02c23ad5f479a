// nolan audit verify | checkpoint | rekey: checking the audit chain from the command line, taking a checkpoint
// of its head to keep somewhere the database's administrators cannot reach, and rotating the audit key.
import fs from 'node:fs';
import { readChainHead } from '../features/audit/audit.repository.ts';
import { auditKey, AuditKeyError, MIN_AUDIT_KEY_LENGTH } from '../features/audit/audit-key.ts';
import { rehashChain } from '../features/audit/audit.rekey.ts';
import { describeVerification, isChainHash, verifyChain, type Checkpoint } from '../features/audit/audit.verify.ts';
import type { CliContext } from './context.ts';
import { parseOptions, UsageError } from './usage.ts';

const usage = `Usage:
  nolan audit verify [--checkpoint <seq:hash | hash | checkpoint JSON | file>] [--checkpoint-seq <seq>]
  nolan audit checkpoint
  nolan audit rekey (--new-key-file <file> | NEW_AUDIT_KEY in the environment)
verify exits 0 when the chain is intact and 1 at the first broken link. checkpoint prints
{"seq":N,"hash":"…","at":"…"}; give that JSON, its seq:hash (as the Monitoring Officer's daily mail
gives it) or a file holding either to --checkpoint later: events deleted from the end of the chain, or
rewritten, are then reported as such. rekey checks the chain with the key in AUDIT_KEY and re-hashes it
with the new key, in one transaction; then start Nolan with AUDIT_KEY set to the new key.`;

/** The checkpoint as given: seq:hash, a bare hash, the JSON that `nolan audit checkpoint` printed, or a file of one. */
export function readCheckpoint(value: string, seqOption: string | undefined): Checkpoint {
  let hash = value.trim();
  let seq: number | undefined;
  if (!/^[\d{]/.test(hash) && !isChainHash(hash) && fs.existsSync(hash)) hash = fs.readFileSync(hash, 'utf8').trim();
  const pair = /^(\d+):([0-9a-f]{64})$/.exec(hash);
  if (pair) {
    seq = Number(pair[1]);
    hash = pair[2]!;
  }
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

/** The new key: from a file (so that it never appears in a process list) or NEW_AUDIT_KEY. */
function newKeyFrom(file: string | undefined, env: NodeJS.ProcessEnv): string {
  if (file !== undefined && env.NEW_AUDIT_KEY) throw new UsageError('give the new key once: --new-key-file or NEW_AUDIT_KEY, not both');
  let key: string | undefined = env.NEW_AUDIT_KEY;
  if (file !== undefined) {
    if (!fs.existsSync(file)) throw new UsageError(`--new-key-file: no file ${file}`);
    key = fs.readFileSync(file, 'utf8').trim();
  }
  if (!key) throw new UsageError('rekey needs the new key: --new-key-file <file> or NEW_AUDIT_KEY');
  if (key.length < MIN_AUDIT_KEY_LENGTH) throw new UsageError(`the new audit key must be at least ${MIN_AUDIT_KEY_LENGTH} characters`);
  return key;
}

async function rekey(args: string[], context: CliContext): Promise<number> {
  const { values } = parseOptions(args, { 'new-key-file': { type: 'string' } }, false);
  const newKey = newKeyFrom(values['new-key-file'], context.env ?? process.env);
  const oldKey = auditKey();
  if (newKey === oldKey) throw new UsageError('the new audit key is the one in use: nothing to do');
  try {
    const done = await rehashChain(context.db, oldKey, newKey, context.actor, { action: 'audit.rekeyed' }, context.clock.now());
    context.out(`re-keyed ${done.events} events; head now ${done.after.seq}:${done.after.hash}`);
    context.out('Start Nolan with AUDIT_KEY set to the new key. Checkpoints taken before now no longer match: take one now (nolan audit checkpoint).');
    return 0;
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error;
    context.out(`not re-keyed: ${error.message}`);
    return 1;
  }
}

const subcommands: Record<string, (args: string[], context: CliContext) => Promise<number>> = { verify, checkpoint, rekey };

export const auditCommand = {
  summary: 'verify the audit chain, print a checkpoint of its head, or rotate its key',
  async run(args: string[], context: CliContext): Promise<number> {
    const [what, ...rest] = args;
    const subcommand = what ? subcommands[what] : undefined;
    if (!subcommand) throw new UsageError(what ? `unknown action "${what}"; expected verify, checkpoint or rekey\n${usage}` : usage);
    return subcommand(rest, context);
  },
};
