/** What a CLI command may touch: its arguments, two output streams, and the environment. */
export type CliIO = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
};

/** A command's outcome is its exit code: 0 success, 1 bad input (with a one-line reason on stderr). */
export type CliCommand = (argv: string[], io: CliIO) => Promise<number>;

/** An error whose message is meant for the user as it is (no stack trace is printed). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Minimal option parser: `--flag value`, `--flag=value`, `-o value`, booleans listed in `flags`.
 * Unknown options are an error, so a typo never silently does something else.
 */
export function parseArgs(
  argv: string[],
  spec: { options?: string[]; flags?: string[]; aliases?: Record<string, string> },
): { positional: string[]; options: Record<string, string>; flags: Set<string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const known = new Set(spec.options ?? []);
  const knownFlags = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    let name = arg.replace(/^--?/, '');
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    name = spec.aliases?.[name] ?? name;
    if (knownFlags.has(name)) {
      flags.add(name);
      continue;
    }
    if (!known.has(name)) throw new UsageError(`unknown option ${arg}`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    }
    options[name] = value;
  }
  return { positional, options, flags };
}
