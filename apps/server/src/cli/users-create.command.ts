import type { Command } from '@safeschools/cli';
import { isRole } from '@safeschools/domain';
import { openDatabase } from '../db/open-database.js';
import { migrate } from '../db/migrate.js';
import { createActiveUser } from '../domain/users/create-user.js';
import { isAppError } from '../domain/shared/app-error.js';
import { systemActor } from '../domain/shared/context.js';
import { configOrExit } from './load-config.js';

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  // From a pipe, so it never shows in the process list or shell history: `echo "$PW" | safeschools users create ...`
  if (process.stdin.isTTY) throw new Error('Give the password on standard input or with --password.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

export const createUserCommand: Command = {
  name: 'users create',
  summary: 'Create an active user with a password (or reset one with --reset-password)',
  usage: 'users create --email EMAIL --role ROLE [--name NAME] [--area AREA_ID] [--password PW | < password-file]',
  options: {
    email: { type: 'string', description: 'Email address (the sign-in name)', required: true },
    role: { type: 'string', description: 'administrator | programme_manager | district_officer | school_focal_point | viewer', default: 'administrator' },
    name: { type: 'string', description: 'Display name' },
    area: { type: 'string', description: 'Comma-separated area ids the user may see (not for administrators)' },
    password: { type: 'string', description: 'Password (prefer standard input)' },
    'reset-password': { type: 'boolean', description: 'Set a new password for an existing user' },
  },
  run: async ({ options, out }) => {
    const config = configOrExit(out.error);
    if (!config) return 2;
    const role = options.role as string;
    if (!isRole(role)) {
      out.error(`Unknown role ${role}.`);
      return 64;
    }
    const password = await readPassword(options.password as string | undefined);
    const database = await openDatabase(config);
    try {
      await migrate(database);
      const user = await database.db.transaction((tx) =>
        createActiveUser(
          { database, tx, actor: systemActor, requestId: 'cli', now: new Date() },
          {
            email: options.email as string,
            password,
            role,
            ...(options.name ? { name: options.name as string } : {}),
            areaIds: options.area ? (options.area as string).split(',').map((s) => s.trim()) : [],
            resetPassword: options['reset-password'] === true,
          },
        ),
      );
      out.info(`${options['reset-password'] ? 'Password reset for' : 'Created'} ${user.email} (${user.role}), id ${user.id}.`);
    } catch (error) {
      if (isAppError(error)) {
        out.error(`${error.code}: ${error.detail ?? ''}`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
