import { z } from 'zod';

/**
 * A count summed over the schools that have the figure (an enrolment, say), with how many schools have it and how
 * many do not, so a total always says what it covers. `total` is null when there are schools and none of them has
 * the figure: unknown, never 0. With no schools at all it is 0.
 */
export const FigureTotal = z
  .object({
    total: z.number().int().nullable(),
    schoolsWithFigure: z.number().int(),
    schoolsWithoutFigure: z.number().int(),
  })
  .meta({ id: 'FigureTotal' });
