-- Foundation: users and access, audit, idempotency, sync cursors, admin areas, schools, files, job progress.
-- Written for PostgreSQL 15 + PostGIS 3.3 and accepted unchanged by PGlite (PostgreSQL 18 + PostGIS 3.6).

CREATE EXTENSION IF NOT EXISTS postgis;

-- One sequence orders every change to every syncable row, so a client can ask "what changed since N".
CREATE SEQUENCE IF NOT EXISTS change_seq AS bigint;

CREATE OR REPLACE FUNCTION stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_seq := nextval('change_seq');
  IF TG_OP = 'UPDATE' THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$;

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('administrator','programme_manager','district_officer','school_focal_point','viewer')),
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en','hi','ja')),
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited','active','disabled')),
  password_hash text,
  scope_area_ids uuid[] NOT NULL DEFAULT '{}',
  scope_school_ids uuid[] NOT NULL DEFAULT '{}',
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_change_seq_idx ON users (change_seq);
CREATE TRIGGER users_stamp BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION stamp_change();

CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Failed sign-ins per key (email and client address), kept in the database so every server instance counts them.
CREATE TABLE login_failures (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at_idx ON login_failures (key, at);

CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before_version integer,
  after_version integer,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- The stored answer to a write made with an Idempotency-Key, replayed when the same key comes again.
CREATE TABLE idempotency_keys (
  actor_id uuid NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);

CREATE TABLE areas (
  id uuid PRIMARY KEY,
  parent_id uuid REFERENCES areas(id),
  level text NOT NULL CHECK (level IN ('country','state','district','block')),
  name text NOT NULL,
  names jsonb NOT NULL DEFAULT '{}',
  codes jsonb NOT NULL DEFAULT '{}',
  -- Ancestors from the top down, ending with the area itself: scope checks are one array overlap.
  path uuid[] NOT NULL,
  valid_from date,
  valid_to date,
  geom geometry(MultiPolygon, 4326),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX areas_parent_idx ON areas (parent_id);
CREATE INDEX areas_level_idx ON areas (level);
CREATE INDEX areas_path_idx ON areas USING gin (path);
CREATE INDEX areas_geom_idx ON areas USING gist (geom);
CREATE INDEX areas_change_seq_idx ON areas (change_seq);
CREATE TRIGGER areas_stamp BEFORE INSERT OR UPDATE ON areas FOR EACH ROW EXECUTE FUNCTION stamp_change();

CREATE TABLE schools (
  id uuid PRIMARY KEY,
  code text,
  code_system text,
  name text NOT NULL,
  names jsonb NOT NULL DEFAULT '{}',
  location geometry(Point, 4326),
  area_id uuid REFERENCES areas(id),
  area_path uuid[] NOT NULL DEFAULT '{}',
  education_level text,
  management text,
  enrolment_girls integer CHECK (enrolment_girls >= 0),
  enrolment_boys integer CHECK (enrolment_boys >= 0),
  enrolment_total integer CHECK (enrolment_total >= 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX schools_code_key ON schools (code_system, code) WHERE code IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX schools_area_path_idx ON schools USING gin (area_path);
CREATE INDEX schools_location_idx ON schools USING gist (location);
CREATE INDEX schools_name_idx ON schools (lower(name), id);
CREATE INDEX schools_change_seq_idx ON schools (change_seq);
CREATE TRIGGER schools_stamp BEFORE INSERT OR UPDATE ON schools FOR EACH ROW EXECUTE FUNCTION stamp_change();

-- School Disaster Management Plans and drills: the dashboard counts them from the start; their full
-- structure arrives with the safety-core work in later migrations.
CREATE TABLE sdm_plans (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  area_path uuid[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','returned','approved')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX sdm_plans_school_idx ON sdm_plans (school_id);
CREATE INDEX sdm_plans_area_path_idx ON sdm_plans USING gin (area_path);
CREATE TRIGGER sdm_plans_stamp BEFORE INSERT OR UPDATE ON sdm_plans FOR EACH ROW EXECUTE FUNCTION stamp_change();

CREATE TABLE drills (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  area_path uuid[] NOT NULL DEFAULT '{}',
  hazard text NOT NULL,
  held_on date NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX drills_school_idx ON drills (school_id);
CREATE INDEX drills_area_path_idx ON drills USING gin (area_path);
CREATE TRIGGER drills_stamp BEFORE INSERT OR UPDATE ON drills FOR EACH ROW EXECUTE FUNCTION stamp_change();

CREATE TABLE files (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  owner_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX files_owner_idx ON files (owner_id);

-- Progress of background jobs as the UI reads it; the queue itself is pg-boss's own schema.
CREATE TABLE job_progress (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  owner_id uuid REFERENCES users(id),
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','completed','failed','cancelled')),
  progress double precision,
  message text,
  result jsonb,
  error jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_progress_owner_idx ON job_progress (owner_id);
