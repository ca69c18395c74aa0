-- Settings a country team sets for its schools. Drills are due every six months per hazard unless the country
-- sets another interval for all hazards or for one of them (issue 4 §3). A country without a row uses the
-- programme defaults, so no row is needed until someone changes one.

CREATE TABLE country_settings (
  country_code text PRIMARY KEY CHECK (country_code ~ '^[A-Z]{2}$'),
  default_drill_interval_months integer NOT NULL DEFAULT 6 CHECK (default_drill_interval_months BETWEEN 1 AND 24),
  -- Hazard → months (1-24), for the hazards drilled on another interval than the default.
  drill_interval_months jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);
