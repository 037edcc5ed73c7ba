// The shape of one `kaappi` command, and checking its option values with the contract's schemas
// so the CLI accepts exactly what the app's forms accept.
import type { z } from 'zod';
import { validate, type FieldIssue } from '../../src-shared/contract';
import { parseOptions, UsageError, type OptionSpecs, type OptionValues } from './args';
import type { CliContext } from './context';
import { CliFailure } from './messages';

export interface Command {
  /** The words that select it: 'init', 'users add'. */
  name: string;
  summary: string;
  usage: string;
  options: OptionSpecs;
  /** Parses its arguments and runs; resolves to the exit code. */
  execute(args: string[], ctx: CliContext): Promise<number>;
}

interface CommandDefinition<O extends OptionSpecs> {
  name: string;
  summary: string;
  usage: string;
  options: O;
  required: readonly (keyof O & string)[];
  /** Names of the required positional arguments, as the usage line shows them: ['ID|EMAIL']. */
  arguments?: readonly string[];
  run(values: OptionValues<O>, ctx: CliContext, args: string[]): Promise<number>;
}

export function defineCommand<O extends OptionSpecs>(definition: CommandDefinition<O>): Command {
  const { name, summary, usage, options, required, run } = definition;
  return {
    name,
    summary,
    usage,
    options,
    async execute(args, ctx) {
      const { values, positionals, help } = parseOptions(args, options, required, usage, definition.arguments);
      if (help) {
        ctx.print(commandHelp({ name, summary, usage, options }));
        return 0;
      }
      try {
        return await run(values, ctx, positionals);
      } catch (error) {
        // A usage problem found while running (no password to be had) shows this command's usage.
        if (error instanceof UsageError && error.usage === undefined) throw new UsageError(error.message, usage);
        throw error;
      }
    },
  };
}

export function commandHelp(command: Pick<Command, 'name' | 'summary' | 'usage' | 'options'>): string {
  const width = Math.max(...Object.keys(command.options).map((name) => name.length)) + 4;
  const lines = Object.entries(command.options).map(([name, spec]) => `  --${name.padEnd(width)}${spec.help}`);
  return [`kaappi ${command.name}: ${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:', ...lines].join(
    '\n',
  );
}

function fieldProblems(fields: FieldIssue[], fieldOptions: Record<string, string>): string {
  return fields.map((field) => `${fieldOptions[field.path] ?? field.path}: ${field.message}`).join('; ');
}

/**
 * Validates values that came from options with a contract schema. A bad value is a usage error
 * (exit 2) naming the option (`fieldOptions` maps schema fields to option names).
 */
export function validateOptions<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fieldOptions: Record<string, string>,
  ctx: CliContext,
  usage: string,
): z.output<S> {
  const result = validate(schema, value, ctx.language);
  if (result.ok) return result.value;
  throw new UsageError(fieldProblems(result.fields, fieldOptions), usage);
}

/**
 * Validates register data (a person's fields) with a contract schema. Bad data is a failed
 * command (exit 1), as the app's form refuses it, with each option and the reason on one line.
 */
export function validateInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fieldOptions: Record<string, string>,
  ctx: CliContext,
): z.output<S> {
  const result = validate(schema, value, ctx.language);
  if (result.ok) return result.value;
  throw new CliFailure('invalidInput', { problems: fieldProblems(result.fields, fieldOptions) });
}
