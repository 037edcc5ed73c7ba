// Command-line parsing on node:util parseArgs, with Kaappi's own checks so that every mistake
// (unknown option, missing value, missing required option) is one clear line and exit code 2.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(
    message: string,
    /** The usage line to show under the message; the general one when absent. */
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in the command's --help. */
  help: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
};

/**
 * Parses one command's options and its positional arguments (`ID|EMAIL`), all of which are
 * required. parseArgs runs non-strict so that the checks below can word the errors; `--help` is
 * accepted by every command.
 */
export function parseOptions<O extends OptionSpecs>(
  args: string[],
  options: O,
  required: readonly (keyof O & string)[],
  usage: string,
  positionalNames: readonly string[] = [],
): { values: OptionValues<O>; positionals: string[]; help: boolean } {
  const { values, tokens } = parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let help = false;
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (positionals.length >= positionalNames.length) {
        throw new UsageError(`unexpected argument '${token.value}'`, usage);
      }
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    if (token.name === 'help' || token.name === 'h') {
      help = true;
      continue;
    }
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) throw new UsageError(`unknown option '${token.rawName}'`, usage);
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`option '${token.rawName}' takes no value`, usage);
    }
    // Non-strict parseArgs would take the next option as the value: `--register --user x`.
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))) {
      throw new UsageError(`option '${token.rawName}' needs a value`, usage);
    }
  }
  if (!help) {
    const missing = positionalNames[positionals.length];
    if (missing !== undefined) throw new UsageError(`missing argument ${missing}`, usage);
    for (const name of required) {
      if (values[name] === undefined) throw new UsageError(`missing required option '--${name}'`, usage);
    }
  }
  return { values: values as OptionValues<O>, positionals, help };
}
