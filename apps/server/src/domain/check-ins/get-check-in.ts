import { findCheckIn } from '../../db/check-ins/check-ins.repository.js';
import type { Ctx } from '../shared/context.js';
import { languageOf, type CheckInView } from './check-in-view.js';
import { resolveCheckInLink } from './resolve-check-in-link.js';

/** The school's current answer as its check-in link shows it. */
export async function getCheckIn(ctx: Ctx, token: string): Promise<CheckInView> {
  const link = await resolveCheckInLink(ctx, token);
  const answer = await findCheckIn(ctx.tx, link.eventId, link.schoolId);
  return { link, language: languageOf(link.language), answer: answer ?? null };
}
