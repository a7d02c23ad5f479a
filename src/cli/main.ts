// The `nolan` command. Each subcommand lives in its own module; bad input exits 2 with one line on stderr.
import { ConfigError } from '../config.ts';
import { ValidationError } from '../errors.ts';
import { UsageError } from './usage.ts';
import { openCliContext, type CliContext } from './context.ts';
import { usersCommand } from './users.ts';
import { checkCommand, profilesCommand, questionsCommand } from './check.ts';
import { demoCommand } from './demo.ts';
import { importCommand } from './import.ts';
import { auditCommand } from './audit.ts';
import { backupCommand, restoreCommand } from './backup.ts';

/** A command that needs no database (the engine's) says so, and runs without opening one. */
type Command = { summary: string; needsDatabase?: boolean; run(args: string[], context: CliContext): Promise<number | void> };

const commands: Record<string, Command> = {
  check: checkCommand as Command,
  profiles: profilesCommand as Command,
  questions: questionsCommand as Command,
  users: usersCommand,
  demo: demoCommand,
  import: importCommand,
  audit: auditCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

function help(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  nolan ${name.padEnd(10)} ${c.summary}`);
  return ['Usage: nolan <command> [options]', '', ...lines].join('\n');
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`nolan: unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}`);
    return 2;
  }
  let context: CliContext | undefined;
  try {
    if (command.needsDatabase === false) return (await command.run(args, undefined as unknown as CliContext)) ?? 0;
    context = await openCliContext(env);
    return (await command.run(args, context)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`nolan ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ValidationError) {
      console.error(`nolan ${name}: ${error.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
      return 2;
    }
    console.error(`nolan ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await context?.db.destroy();
  }
}

if (import.meta.main) process.exit(await runCli(process.argv.slice(2)));
