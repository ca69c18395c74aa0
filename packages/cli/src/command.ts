/** A CLI command: its words (`users create`), help, options, and what it does. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  default?: string | boolean;
  required?: boolean;
}

export interface Command {
  /** Space-separated words, e.g. `users create`. */
  name: string;
  summary: string;
  usage?: string;
  options?: Record<string, OptionSpec>;
  run(input: { options: Record<string, string | boolean | undefined>; positionals: string[]; out: Output }): Promise<number | void>;
}

/** Where commands write: plain text for people, lines for scripts; errors go to stderr. */
export interface Output {
  info: (message: string) => void;
  error: (message: string) => void;
  json: (value: unknown) => void;
  /** True when stdout is a terminal, so progress bars may redraw in place. */
  readonly interactive: boolean;
}

export const consoleOutput: Output = {
  info: (m) => process.stdout.write(`${m}\n`),
  error: (m) => process.stderr.write(`${m}\n`),
  json: (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`),
  interactive: Boolean(process.stdout.isTTY),
};
