import { sql, type SQL } from 'drizzle-orm';

/**
 * A school's children as the registry knows them: its enrolment total, else girls + boys (+ other when given);
 * NULL when it has neither, an unknown enrolment that no sum may count as 0. The rule itself is the SQL function
 * `school_children` (migration 0010), which the stored area counts use too. `alias` is the schools table's alias.
 */
export function schoolChildren(alias: string): SQL {
  return sql.raw(
    `school_children(${alias}.enrolment_total, ${alias}.enrolment_girls, ${alias}.enrolment_boys, ${alias}.enrolment_other)`,
  );
}
