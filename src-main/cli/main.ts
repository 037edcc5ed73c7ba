// The `kaappi` command (npm run kaappi -- <command>): picks the command named by the leading
// words, runs it over core, and turns the outcome into an exit code. See help.ts for usage.
import { UsageError } from './args';
import { commands, type CommandEntry } from './commands';
import { createContext, type Env } from './context';
import { generalHelp } from './help';
import { reportFailure } from './report';

function findCommand(argv: string[]): { command: CommandEntry; args: string[] } {
  const matches = commands.filter((command) => command.name.split(' ').every((word, i) => argv[i] === word));
  const command = matches.sort((a, b) => b.name.length - a.name.length)[0];
  if (command) return { command, args: argv.slice(command.name.split(' ').length) };
  const [first = ''] = argv;
  if (first === '') throw new UsageError('missing command');
  const subcommands = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name.slice(first.length + 1));
  if (subcommands.length > 0) {
    const given = argv[1] === undefined ? '' : ` '${argv[1]}'`;
    throw new UsageError(`'${first}' needs a subcommand: ${subcommands.join(', ')} (got${given || ' none'})`);
  }
  throw new UsageError(`unknown command '${first}'`);
}

export async function main(argv: string[], env: Env): Promise<number> {
  const ctx = createContext(
    env,
    (text) => process.stdout.write(text),
    process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  );
  try {
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      ctx.print(generalHelp(await Promise.all(commands.map((entry) => entry.load()))));
      return 0;
    }
    const { command, args } = findCommand(argv);
    return await (await command.load()).execute(args, ctx);
  } catch (error) {
    ctx.status(null);
    return reportFailure(error, ctx, (text) => process.stderr.write(text));
  }
}

process.exitCode = await main(process.argv.slice(2), process.env);
