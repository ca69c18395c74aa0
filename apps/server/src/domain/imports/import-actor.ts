import { can } from '@safeschools/domain';
import { findUserById } from '../../db/users/users.repository.js';
import type { Executor } from '../../db/database.js';
import { actorOfUser } from '../auth/actor-of-user.js';
import { AppError } from '../shared/app-error.js';
import { systemActor, type Actor } from '../shared/context.js';
import { checkImportKindAllowed, type ImportKind } from './start-import.js';

/**
 * The person an import runs as, with the role and scope they have when the job runs, not when it was queued: an
 * officer moved to another district, disabled, or made a viewer meanwhile writes nothing of the old rights. Imports
 * without an author (the command line, start-up) run as the system.
 */
export async function importActor(on: Executor, createdBy: string | null, kind: ImportKind): Promise<Actor> {
  if (createdBy === null) return systemActor;
  const user = await findUserById(on, createdBy);
  if (!user) throw new AppError('FORBIDDEN', 'The person who started this import no longer exists.');
  const actor = actorOfUser(user, 'system');
  if (!can(actor.role, 'registry.write')) throw new AppError('FORBIDDEN', 'Your role may no longer change the registry.');
  checkImportKindAllowed(actor, kind);
  return actor;
}
