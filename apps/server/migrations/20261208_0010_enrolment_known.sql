-- Unknown is not zero. A school's children are its enrolment total, else girls + boys (+ other when given); a
-- school with neither has an unknown enrolment, which no sum may count as 0 children. Every stored sum of children
-- now says how many schools it covers:
--   * area_school_counts keeps, beside each sum, the number of live schools that have that figure;
--   * hazard_event_schools keeps an unknown enrolment as NULL instead of 0;
--   * each event's stored totals (hazard_events.summary) give children, girls and boys as
--     {total, schoolsWithFigure, schoolsWithoutFigure}, total NULL when schools were affected and none has it.

-- The one definition of a school's children, for the triggers and the queries (db/schools/school-children.ts).
CREATE FUNCTION school_children(total integer, girls integer, boys integer, other integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(total, girls + boys + coalesce(other, 0)) $$;

ALTER TABLE area_school_counts
  ADD COLUMN schools_with_children bigint NOT NULL DEFAULT 0,
  ADD COLUMN schools_with_girls bigint NOT NULL DEFAULT 0,
  ADD COLUMN schools_with_boys bigint NOT NULL DEFAULT 0;

-- As in 0004, one aggregated change per statement (a trigger sees only the transition tables it declared, hence
-- one statement per operation); sums skip unknown figures and each sum has its count of schools beside it.
CREATE OR REPLACE FUNCTION area_school_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO area_school_counts AS c (area_id, schools, children, girls, boys, schools_with_children, schools_with_girls, schools_with_boys)
    SELECT p.id, count(*), coalesce(sum(x.children), 0), coalesce(sum(n.enrolment_girls), 0), coalesce(sum(n.enrolment_boys), 0),
           count(x.children), count(n.enrolment_girls), count(n.enrolment_boys)
    FROM new_rows n CROSS JOIN LATERAL unnest(n.area_path) AS p(id)
      CROSS JOIN LATERAL (SELECT school_children(n.enrolment_total, n.enrolment_girls, n.enrolment_boys, n.enrolment_other) AS children) x
    WHERE n.deleted_at IS NULL
    GROUP BY p.id
    ON CONFLICT (area_id) DO UPDATE SET schools = c.schools + excluded.schools, children = c.children + excluded.children,
      girls = c.girls + excluded.girls, boys = c.boys + excluded.boys,
      schools_with_children = c.schools_with_children + excluded.schools_with_children,
      schools_with_girls = c.schools_with_girls + excluded.schools_with_girls,
      schools_with_boys = c.schools_with_boys + excluded.schools_with_boys;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO area_school_counts AS c (area_id, schools, children, girls, boys, schools_with_children, schools_with_girls, schools_with_boys)
    SELECT d.id, sum(d.schools), sum(d.children), sum(d.girls), sum(d.boys), sum(d.with_children), sum(d.with_girls), sum(d.with_boys)
    FROM (
      SELECT p.id, 1 AS schools, coalesce(x.children, 0) AS children, coalesce(n.enrolment_girls, 0) AS girls,
             coalesce(n.enrolment_boys, 0) AS boys, (x.children IS NOT NULL)::int AS with_children,
             (n.enrolment_girls IS NOT NULL)::int AS with_girls, (n.enrolment_boys IS NOT NULL)::int AS with_boys
      FROM new_rows n CROSS JOIN LATERAL unnest(n.area_path) AS p(id)
        CROSS JOIN LATERAL (SELECT school_children(n.enrolment_total, n.enrolment_girls, n.enrolment_boys, n.enrolment_other) AS children) x
      WHERE n.deleted_at IS NULL
      UNION ALL
      SELECT p.id, -1, -coalesce(x.children, 0), -coalesce(o.enrolment_girls, 0), -coalesce(o.enrolment_boys, 0),
             -(x.children IS NOT NULL)::int, -(o.enrolment_girls IS NOT NULL)::int, -(o.enrolment_boys IS NOT NULL)::int
      FROM old_rows o CROSS JOIN LATERAL unnest(o.area_path) AS p(id)
        CROSS JOIN LATERAL (SELECT school_children(o.enrolment_total, o.enrolment_girls, o.enrolment_boys, o.enrolment_other) AS children) x
      WHERE o.deleted_at IS NULL
    ) d
    GROUP BY d.id
    HAVING sum(d.schools) <> 0 OR sum(d.children) <> 0 OR sum(d.girls) <> 0 OR sum(d.boys) <> 0
        OR sum(d.with_children) <> 0 OR sum(d.with_girls) <> 0 OR sum(d.with_boys) <> 0
    ON CONFLICT (area_id) DO UPDATE SET schools = c.schools + excluded.schools, children = c.children + excluded.children,
      girls = c.girls + excluded.girls, boys = c.boys + excluded.boys,
      schools_with_children = c.schools_with_children + excluded.schools_with_children,
      schools_with_girls = c.schools_with_girls + excluded.schools_with_girls,
      schools_with_boys = c.schools_with_boys + excluded.schools_with_boys;
  ELSE
    INSERT INTO area_school_counts AS c (area_id, schools, children, girls, boys, schools_with_children, schools_with_girls, schools_with_boys)
    SELECT p.id, -count(*), -coalesce(sum(x.children), 0), -coalesce(sum(o.enrolment_girls), 0), -coalesce(sum(o.enrolment_boys), 0),
           -count(x.children), -count(o.enrolment_girls), -count(o.enrolment_boys)
    FROM old_rows o CROSS JOIN LATERAL unnest(o.area_path) AS p(id)
      CROSS JOIN LATERAL (SELECT school_children(o.enrolment_total, o.enrolment_girls, o.enrolment_boys, o.enrolment_other) AS children) x
    WHERE o.deleted_at IS NULL
    GROUP BY p.id
    ON CONFLICT (area_id) DO UPDATE SET schools = c.schools + excluded.schools, children = c.children + excluded.children,
      girls = c.girls + excluded.girls, boys = c.boys + excluded.boys,
      schools_with_children = c.schools_with_children + excluded.schools_with_children,
      schools_with_girls = c.schools_with_girls + excluded.schools_with_girls,
      schools_with_boys = c.schools_with_boys + excluded.schools_with_boys;
  END IF;
  RETURN NULL;
END $$;

-- Recount every area: the children of a school with girls but no boys (or the reverse) and no total were counted
-- as a partial figure before; now they are unknown.
DELETE FROM area_school_counts;
INSERT INTO area_school_counts (area_id, schools, children, girls, boys, schools_with_children, schools_with_girls, schools_with_boys)
SELECT p.id, count(*),
       coalesce(sum(school_children(s.enrolment_total, s.enrolment_girls, s.enrolment_boys, s.enrolment_other)), 0),
       coalesce(sum(s.enrolment_girls), 0), coalesce(sum(s.enrolment_boys), 0),
       count(school_children(s.enrolment_total, s.enrolment_girls, s.enrolment_boys, s.enrolment_other)),
       count(s.enrolment_girls), count(s.enrolment_boys)
FROM schools s CROSS JOIN LATERAL unnest(s.area_path) AS p(id)
WHERE s.deleted_at IS NULL
GROUP BY p.id;

-- An affected school's enrolment as the engine read it; NULL when the registry had none.
ALTER TABLE hazard_event_schools
  ALTER COLUMN girls DROP NOT NULL, ALTER COLUMN girls DROP DEFAULT,
  ALTER COLUMN boys DROP NOT NULL, ALTER COLUMN boys DROP DEFAULT,
  ALTER COLUMN children DROP NOT NULL, ALTER COLUMN children DROP DEFAULT;

-- Rows written before stored an unknown enrolment as 0. A 0 for a school that still has no such figure was an
-- unknown one (a school cannot have lost a figure it never had); a 0 for a school that has one now stays.
UPDATE hazard_event_schools e SET
  children = CASE WHEN e.children = 0 AND school_children(s.enrolment_total, s.enrolment_girls, s.enrolment_boys, s.enrolment_other) IS NULL
                  THEN NULL ELSE e.children END,
  girls = CASE WHEN e.girls = 0 AND s.enrolment_girls IS NULL THEN NULL ELSE e.girls END,
  boys = CASE WHEN e.boys = 0 AND s.enrolment_boys IS NULL THEN NULL ELSE e.boys END
FROM schools s
WHERE s.id = e.school_id AND (e.children = 0 OR e.girls = 0 OR e.boys = 0);

-- Each event's stored totals, recounted over its affected rows in the new shape.
UPDATE hazard_events h SET summary = h.summary || jsonb_build_object(
  'schools', t.schools,
  'children', jsonb_build_object('total', CASE WHEN t.with_children = 0 AND t.schools > 0 THEN NULL ELSE coalesce(t.children, 0) END,
                                 'schoolsWithFigure', t.with_children, 'schoolsWithoutFigure', t.schools - t.with_children),
  'girls', jsonb_build_object('total', CASE WHEN t.with_girls = 0 AND t.schools > 0 THEN NULL ELSE coalesce(t.girls, 0) END,
                              'schoolsWithFigure', t.with_girls, 'schoolsWithoutFigure', t.schools - t.with_girls),
  'boys', jsonb_build_object('total', CASE WHEN t.with_boys = 0 AND t.schools > 0 THEN NULL ELSE coalesce(t.boys, 0) END,
                             'schoolsWithFigure', t.with_boys, 'schoolsWithoutFigure', t.schools - t.with_boys))
FROM (
  SELECT ev.id, count(e.school_id)::int AS schools, sum(e.children)::bigint AS children, count(e.children)::int AS with_children,
         sum(e.girls)::bigint AS girls, count(e.girls)::int AS with_girls, sum(e.boys)::bigint AS boys, count(e.boys)::int AS with_boys
  FROM hazard_events ev LEFT JOIN hazard_event_schools e ON e.event_id = ev.id
  GROUP BY ev.id
) t
WHERE t.id = h.id;
