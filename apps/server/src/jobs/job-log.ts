/** The little a job queue needs from a logger (pino's and Fastify's loggers fit). */
export interface JobLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** JSON lines on stderr, silent when LOG_LEVEL is 'silent' (tests). */
export function stderrJobLog(level: string): JobLog {
  const write = (severity: string) => (details: object, message: string) => {
    if (level === 'silent' || (severity === 'warn' && ['error', 'fatal'].includes(level))) return;
    const extra = Object.fromEntries(
      Object.entries(details).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
    );
    process.stderr.write(`${JSON.stringify({ level: severity, time: new Date().toISOString(), msg: message, ...extra })}\n`);
  };
  return { error: write('error'), warn: write('warn') };
}
