-- Hazard events and their impact on schools. An event is made from a hazard file (CAP, GDACS, ShakeMap,
-- cyclone track, footprint) or a scenario; its impact is computed in memory by the geo engine and kept here so
-- it can be listed, paged, filtered by scope and exported without computing it again.

CREATE TABLE hazard_events (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('cap', 'shakemap', 'cyclone', 'footprint', 'scenario')),
  -- What makes two deliveries the same event: "cap:<sender>:<identifier>", "shakemap:<id>", a file digest ...
  -- An update (CAP Update, a newer ShakeMap version) adds its key here and changes the event in place.
  source_keys text[] NOT NULL DEFAULT '{}',
  title text NOT NULL,
  status text NOT NULL DEFAULT 'actual' CHECK (status IN ('actual', 'exercise', 'test', 'scenario', 'cancelled')),
  hazard_type text,
  severity text,
  urgency text,
  certainty text,
  onset timestamptz,
  expires timestamptz,
  -- The intensity measure schools were banded by (MMI, PGA, WIND, INSIDE ...).
  imt text NOT NULL,
  bands double precision[] NOT NULL DEFAULT '{}',
  limit_states text[] NOT NULL DEFAULT '{}',
  -- Source metadata as read (CAP headline and areas, ShakeMap event, track name ...), for display.
  details jsonb NOT NULL DEFAULT '{}',
  -- A light GeoJSON FeatureCollection of the hazard for the map (grid cells, polygons, circles, track).
  display jsonb NOT NULL DEFAULT '{}',
  -- Totals over affected schools: {schools, girls, boys, children, expectedByDamageState}.
  summary jsonb NOT NULL DEFAULT '{}',
  warnings jsonb NOT NULL DEFAULT '[]',
  file_id uuid REFERENCES files(id),
  -- The registry state the impact was computed against (max schools.change_seq).
  registry_seq bigint NOT NULL DEFAULT 0,
  computed_at timestamptz NOT NULL,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX hazard_events_source_keys_idx ON hazard_events USING gin (source_keys);
CREATE INDEX hazard_events_created_idx ON hazard_events (created_at DESC, id DESC);
CREATE INDEX hazard_events_change_seq_idx ON hazard_events (change_seq);
CREATE TRIGGER hazard_events_stamp BEFORE INSERT OR UPDATE ON hazard_events FOR EACH ROW EXECUTE FUNCTION stamp_change();

-- Affected schools (band >= 1) of an event; rewritten whole when the event is recomputed.
CREATE TABLE hazard_event_schools (
  event_id uuid NOT NULL REFERENCES hazard_events(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  district_id uuid REFERENCES areas(id),
  intensity real NOT NULL,
  band smallint NOT NULL,
  girls integer NOT NULL DEFAULT 0,
  boys integer NOT NULL DEFAULT 0,
  children integer NOT NULL DEFAULT 0,
  -- P(damage state >= limit state), in the order of hazard_events.limit_states; empty when not assessed.
  damage real[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (event_id, school_id)
);
CREATE INDEX hazard_event_schools_rank_idx ON hazard_event_schools (event_id, intensity DESC, school_id);
CREATE INDEX hazard_event_schools_school_idx ON hazard_event_schools (school_id);

-- Feeds (CAP/GDACS, Atom or RSS) polled by a job; new alerts become events.
CREATE TABLE hazard_feeds (
  id uuid PRIMARY KEY,
  url text NOT NULL UNIQUE,
  name text NOT NULL DEFAULT '',
  enabled boolean NOT NULL DEFAULT true,
  last_polled_at timestamptz,
  last_error text,
  -- Entry ids already ingested, so a feed that repeats itself does not fetch every alert again.
  seen_entries text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
