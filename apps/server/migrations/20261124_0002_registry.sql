-- School registry at national scale: Giga-aligned school fields, field history, imports with row-level errors,
-- and a review list for placements that disagree with the codes a school came with.

ALTER TABLE areas ADD COLUMN country_code text;
ALTER TABLE areas ADD COLUMN source_import_id uuid;
CREATE INDEX areas_codes_idx ON areas USING gin (codes jsonb_path_ops);

ALTER TABLE schools ADD COLUMN country_code text;
ALTER TABLE schools ADD COLUMN external_ids jsonb NOT NULL DEFAULT '{}';
ALTER TABLE schools ADD COLUMN education_levels text[] NOT NULL DEFAULT '{}';
ALTER TABLE schools ADD COLUMN rural_urban text CHECK (rural_urban IN ('rural', 'urban'));
ALTER TABLE schools ADD COLUMN shifts text[] NOT NULL DEFAULT '{}';
ALTER TABLE schools ADD COLUMN enrolment_other integer CHECK (enrolment_other >= 0);
ALTER TABLE schools ADD COLUMN enrolment_disabled_girls integer CHECK (enrolment_disabled_girls >= 0);
ALTER TABLE schools ADD COLUMN enrolment_disabled_boys integer CHECK (enrolment_disabled_boys >= 0);
ALTER TABLE schools ADD COLUMN teachers_female integer CHECK (teachers_female >= 0);
ALTER TABLE schools ADD COLUMN teachers_male integer CHECK (teachers_male >= 0);
ALTER TABLE schools ADD COLUMN classrooms integer CHECK (classrooms >= 0);
-- Buildings as [{typology, storeys, yearBuilt, condition}]; `typology` repeats the main building's for the engine.
ALTER TABLE schools ADD COLUMN buildings jsonb NOT NULL DEFAULT '[]';
ALTER TABLE schools ADD COLUMN typology text;
ALTER TABLE schools ADD COLUMN water text;
ALTER TABLE schools ADD COLUMN electricity text;
ALTER TABLE schools ADD COLUMN village text;
ALTER TABLE schools ADD COLUMN postcode text;
-- Adults' work contacts ({name, phone, email}); never children's.
ALTER TABLE schools ADD COLUMN head_teacher jsonb;
ALTER TABLE schools ADD COLUMN safety_focal_point jsonb;
-- The admin codes and names the source gave, kept to compare with where the point actually lies.
ALTER TABLE schools ADD COLUMN declared_areas jsonb NOT NULL DEFAULT '{}';
ALTER TABLE schools ADD COLUMN placement text NOT NULL DEFAULT 'unplaced'
  CHECK (placement IN ('matched', 'located_only', 'declared_only', 'conflict', 'unplaced'));
ALTER TABLE schools ADD COLUMN source_import_id uuid;

DROP INDEX schools_code_key;
CREATE UNIQUE INDEX schools_code_key ON schools (coalesce(country_code, ''), code_system, code)
  WHERE code IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX schools_area_id_idx ON schools (area_id);

-- What changed in a school, field by field: {"name": ["old", "new"], ...}.
CREATE TABLE school_history (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  version integer NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  import_id uuid,
  changes jsonb NOT NULL
);
CREATE INDEX school_history_school_idx ON school_history (school_id, version);

CREATE TABLE imports (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('schools', 'boundaries', 'crosswalk')),
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'validated', 'completed', 'rejected', 'failed')),
  dry_run boolean NOT NULL DEFAULT false,
  -- With "import valid rows only" the valid rows are written even when others are rejected.
  valid_rows_only boolean NOT NULL DEFAULT false,
  file_id uuid REFERENCES files(id),
  file_name text NOT NULL,
  mapping jsonb NOT NULL DEFAULT '{}',
  options jsonb NOT NULL DEFAULT '{}',
  counts jsonb NOT NULL DEFAULT '{"rows":0,"created":0,"updated":0,"unchanged":0,"rejected":0}',
  progress double precision,
  message text,
  error jsonb,
  job_id uuid,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX imports_created_by_idx ON imports (created_by);

CREATE TABLE import_row_errors (
  import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  column_name text,
  severity text NOT NULL CHECK (severity IN ('error', 'warning')),
  code text NOT NULL,
  message text NOT NULL,
  value text
);
CREATE INDEX import_row_errors_import_idx ON import_row_errors (import_id, row_number);

-- Disagreements for a person to settle: a point outside its declared district, an unknown code, a name spelled
-- differently ("Kutch"/"KACHCHH"), no location. Never silently accepted or dropped.
CREATE TABLE registry_reviews (
  id uuid PRIMARY KEY,
  school_id uuid REFERENCES schools(id) ON DELETE CASCADE,
  area_id uuid REFERENCES areas(id) ON DELETE CASCADE,
  area_path uuid[] NOT NULL DEFAULT '{}',
  import_id uuid REFERENCES imports(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('outside_declared_area', 'unknown_area_code', 'area_name_mismatch', 'no_location', 'outside_any_area')),
  detail jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
  resolved_by uuid REFERENCES users(id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_reviews_open_idx ON registry_reviews (status, kind);
CREATE INDEX registry_reviews_area_path_idx ON registry_reviews USING gin (area_path);
CREATE INDEX registry_reviews_school_idx ON registry_reviews (school_id);
