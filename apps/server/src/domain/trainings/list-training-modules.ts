import { defaultTrainingModules, type TrainingModule } from '@safeschools/domain';
import { requirePermission, type Ctx } from '../shared/context.js';

/** The module catalogue. Built in for now; a country team's own modules would be loaded here. */
export function listTrainingModules(ctx: Ctx): readonly TrainingModule[] {
  requirePermission(ctx, 'safety.read');
  return defaultTrainingModules;
}
