-- The school safety core: self-assessment instruments and answers, technical inspections, the full School
-- Disaster Management Plan, drill records and training sessions. Shapes inside jsonb are the pure domain types
-- of packages/domain/src/safety; the columns beside them are what lists, ranks and dashboards filter and sort on.

CREATE TABLE instruments (
  id text NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  built_in boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE assessments (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  area_path uuid[] NOT NULL DEFAULT '{}',
  instrument_id text NOT NULL,
  instrument_version integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  answers jsonb NOT NULL DEFAULT '{}',
  report jsonb,
  overall_score real,
  rating text,
  foundation_score real,
  pillar1_score real,
  pillar2_score real,
  pillar3_score real,
  -- IS 1893 seismic zone and cyclone/flood/landslide levels the triage used.
  hazard_context jsonb NOT NULL DEFAULT '{}',
  flagged boolean NOT NULL DEFAULT false,
  triage_priority text CHECK (triage_priority IN ('urgent', 'high', 'normal')),
  triage_reasons jsonb NOT NULL DEFAULT '[]',
  submitted_at timestamptz,
  submitted_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0,
  FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments (id, version)
);
CREATE INDEX assessments_school_idx ON assessments (school_id, submitted_at DESC);
CREATE INDEX assessments_area_path_idx ON assessments USING gin (area_path);
CREATE INDEX assessments_change_seq_idx ON assessments (change_seq);
CREATE TRIGGER assessments_stamp BEFORE INSERT OR UPDATE ON assessments FOR EACH ROW EXECUTE FUNCTION stamp_change();

CREATE TABLE inspections (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  area_path uuid[] NOT NULL DEFAULT '{}',
  inspected_on date NOT NULL,
  record jsonb NOT NULL,
  safety_level text NOT NULL,
  intervention text NOT NULL,
  cost_class text,
  cost_min_inr bigint,
  cost_max_inr bigint,
  risk_reduction real,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX inspections_school_idx ON inspections (school_id, inspected_on DESC);
CREATE INDEX inspections_area_path_idx ON inspections USING gin (area_path);
CREATE INDEX inspections_change_seq_idx ON inspections (change_seq);
CREATE TRIGGER inspections_stamp BEFORE INSERT OR UPDATE ON inspections FOR EACH ROW EXECUTE FUNCTION stamp_change();

-- One living plan per school; its approved versions are kept in sdm_plan_versions.
ALTER TABLE sdm_plans ADD COLUMN content jsonb NOT NULL DEFAULT '{}';
ALTER TABLE sdm_plans ADD COLUMN plan_version integer NOT NULL DEFAULT 1;
ALTER TABLE sdm_plans ADD COLUMN submitted_by uuid;
ALTER TABLE sdm_plans ADD COLUMN last_approved_on date;
ALTER TABLE sdm_plans ADD COLUMN review_due_on date;
ALTER TABLE sdm_plans ADD COLUMN return_comments text;
ALTER TABLE sdm_plans ADD COLUMN sections_needing_update text[] NOT NULL DEFAULT '{}';
ALTER TABLE sdm_plans ADD COLUMN history jsonb NOT NULL DEFAULT '[]';
CREATE UNIQUE INDEX sdm_plans_school_key ON sdm_plans (school_id) WHERE deleted_at IS NULL;
CREATE INDEX sdm_plans_change_seq_idx ON sdm_plans (change_seq);

CREATE TABLE sdm_plan_versions (
  plan_id uuid NOT NULL REFERENCES sdm_plans(id),
  plan_version integer NOT NULL,
  content jsonb NOT NULL,
  approved_on date NOT NULL,
  approved_by uuid,
  PRIMARY KEY (plan_id, plan_version)
);

ALTER TABLE drills ADD COLUMN record jsonb NOT NULL DEFAULT '{}';
ALTER TABLE drills ADD COLUMN started_at timestamptz;
ALTER TABLE drills ADD COLUMN classrooms_out_seconds integer;
ALTER TABLE drills ADD COLUMN assembly_point_seconds integer;
ALTER TABLE drills ADD COLUMN headcount_seconds integer;
ALTER TABLE drills ADD COLUMN met_targets boolean;
ALTER TABLE drills ADD COLUMN evaluation jsonb;
ALTER TABLE drills ADD COLUMN open_actions integer NOT NULL DEFAULT 0;
CREATE INDEX drills_school_held_idx ON drills (school_id, hazard, held_on DESC);
CREATE INDEX drills_change_seq_idx ON drills (change_seq);

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  area_path uuid[] NOT NULL DEFAULT '{}',
  module_id text NOT NULL,
  held_on date NOT NULL,
  audience text NOT NULL,
  record jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX training_sessions_school_idx ON training_sessions (school_id, held_on DESC);
CREATE INDEX training_sessions_area_path_idx ON training_sessions USING gin (area_path);
CREATE INDEX training_sessions_change_seq_idx ON training_sessions (change_seq);
CREATE TRIGGER training_sessions_stamp BEFORE INSERT OR UPDATE ON training_sessions FOR EACH ROW EXECUTE FUNCTION stamp_change();
