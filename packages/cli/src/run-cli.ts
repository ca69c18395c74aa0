import { parseArgs } from 'node:util';
import { consoleOutput, type Command, type Output } from './command.js';

function helpText(program: string, commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `Usage: ${program} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    `Run '${program} <command> --help' for a command's options.`,
  ].join('\n');
}

function commandHelp(program: string, command: Command): string {
  const lines = [`Usage: ${program} ${command.usage ?? command.name}`, '', command.summary];
  const options = Object.entries(command.options ?? {});
  if (options.length) {
    lines.push('', 'Options:');
    for (const [name, o] of options) {
      const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ' <value>' : ''}`;
      lines.push(`  ${flag.padEnd(28)}${o.description}${o.required ? ' (required)' : ''}${o.default !== undefined ? ` [default: ${String(o.default)}]` : ''}`);
    }
  }
  return lines.join('\n');
}

/** Finds the longest command whose words start argv, parses its options and runs it. Returns the exit code. */
export async function runCli(program: string, commands: readonly Command[], argv: readonly string[], out: Output = consoleOutput): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-'));
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((w, i) => words[i] === w));
  if (!command) {
    const asked = argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
    if (asked) out.info(helpText(program, commands));
    else out.error(helpText(program, commands));
    if (!asked) out.error(`\nUnknown command: ${words.join(' ') || argv.join(' ')}`);
    return asked ? 0 : 64;
  }
  const rest = [...argv];
  for (const w of command.name.split(' ')) rest.splice(rest.indexOf(w), 1);
  if (rest.includes('--help') || rest.includes('-h')) {
    out.info(commandHelp(program, command));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: Object.fromEntries(
        Object.entries(command.options ?? {}).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) }]),
      ) as never,
    });
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n\n${commandHelp(program, command)}`);
    return 64;
  }
  const options = parsed.values as Record<string, string | boolean | undefined>;
  const missing = Object.entries(command.options ?? {}).filter(([name, o]) => o.required && options[name] === undefined);
  if (missing.length) {
    out.error(`Missing ${missing.map(([n]) => `--${n}`).join(', ')}\n\n${commandHelp(program, command)}`);
    return 64;
  }
  const code = await command.run({ options, positionals: parsed.positionals, out });
  return code ?? 0;
}
