/**
 * A count summed over the schools that have the figure (an enrolment, say), with how many have it and how many do
 * not. `total` is null when schools were counted and none has the figure: unknown, never 0. With no schools it is 0.
 */
export interface FigureTotal {
  total: number | null;
  schoolsWithFigure: number;
  schoolsWithoutFigure: number;
}

/** From a sum over the schools with the figure (SQL's NULL when none), how many have it and how many were counted. */
export function figureTotal(sum: unknown, schoolsWithFigure: unknown, schools: unknown): FigureTotal {
  const withFigure = Number(schoolsWithFigure);
  const all = Number(schools);
  return {
    total: withFigure === 0 && all > 0 ? null : Number(sum ?? 0),
    schoolsWithFigure: withFigure,
    schoolsWithoutFigure: all - withFigure,
  };
}

/** Adds school figures one by one (null for a school without it), for totals computed in memory. */
export class FigureSum {
  private sum = 0;
  private withFigure = 0;
  private schools = 0;

  add(value: number | null): void {
    this.schools++;
    if (value === null) return;
    this.sum += value;
    this.withFigure++;
  }

  result(): FigureTotal {
    return figureTotal(this.sum, this.withFigure, this.schools);
  }
}
