-- Alerting: who can be told and how, which events tell whom, one outbox row per recipient × channel × notice,
-- every delivery attempt, and the schools' answers (check-ins). See docs/decisions/0006-alerting.md.

-- People: a user's phone (E.164, checked with libphonenumber-js on entry) and channels in the order to try them.
ALTER TABLE users ADD COLUMN phone text;
ALTER TABLE users ADD COLUMN channels text[] NOT NULL DEFAULT '{email}';
ALTER TABLE users ADD CONSTRAINT users_channels_known CHECK (channels <@ ARRAY['email', 'sms', 'whatsapp']::text[]);

-- Consent, per address, so registry contacts (who have no account) can opt out too. A row means "do not send":
-- the channel is skipped and the outbox row says so (state opted_out), never silently.
CREATE TABLE channel_opt_outs (
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
  -- lower-cased e-mail, or E.164 phone
  address text NOT NULL,
  -- 'link' (the unsubscribe link of a message), 'sms-stop' (a STOP reply), 'user' (their own settings), 'admin'
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, address)
);

-- Which events tell whom without anyone pressing a button. Scoped like users: a rule made by someone with a
-- scope only ever tells people about schools in that scope.
CREATE TABLE alert_rules (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- Empty: any. event kinds: cap, shakemap, cyclone, footprint, estimate (feeds' early earthquake events).
  event_kinds text[] NOT NULL DEFAULT '{}',
  hazard_types text[] NOT NULL DEFAULT '{}',
  statuses text[] NOT NULL DEFAULT '{actual}',
  -- CAP thresholds (the rule matches when the event is at least this); null: not a condition.
  min_severity text CHECK (min_severity IN ('Minor', 'Moderate', 'Severe', 'Extreme')),
  min_urgency text CHECK (min_urgency IN ('Past', 'Future', 'Expected', 'Immediate')),
  min_certainty text CHECK (min_certainty IN ('Unlikely', 'Possible', 'Likely', 'Observed')),
  -- Band reached at the school (1..n, as hazard_event_schools.band) and/or an intensity in the event's measure.
  min_band smallint,
  min_intensity real,
  -- How the CAP and the band conditions combine: 'any' (either is enough) or 'all'.
  match text NOT NULL DEFAULT 'any' CHECK (match IN ('any', 'all')),
  -- focal_points, head_teachers, district_officers, programme_staff
  audiences text[] NOT NULL,
  scope_area_ids uuid[] NOT NULL DEFAULT '{}',
  scope_school_ids uuid[] NOT NULL DEFAULT '{}',
  built_in boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  change_seq bigint NOT NULL DEFAULT 0
);
CREATE TRIGGER alert_rules_stamp BEFORE INSERT OR UPDATE ON alert_rules FOR EACH ROW EXECUTE FUNCTION stamp_change();

-- One notice is one message to a set of people about one event: the first alert, a follow-up when an update raises
-- a school's band, a cancellation, or a manual send. `content_key` makes "the same event never sends the same
-- content twice" a constraint rather than a hope (e.g. 'alert:<rule>', 'raise:<rule>:<school>:<band>', 'cancel').
CREATE TABLE event_notices (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES hazard_events(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('alert', 'update', 'cancel', 'manual')),
  rule_id uuid REFERENCES alert_rules(id),
  content_key text NOT NULL,
  -- Manual sends: {en|hi|ja: {subject, body}} as written by the sender; rules use the built-in templates.
  messages jsonb NOT NULL DEFAULT '{}',
  -- Fan-out progress: 'pending' until every outbox row is written (a crash mid fan-out resumes it), then 'queued'.
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'queued')),
  recipients integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, content_key)
);

-- The schools a notice of a rule was about, at the band they had: an update tells a school again only when its band
-- rose above the highest told under that rule — whoever the audiences were (officers' digests name no one school)
-- and even when the school had nobody to tell.
CREATE TABLE notice_schools (
  notice_id uuid NOT NULL REFERENCES event_notices(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  band smallint NOT NULL,
  PRIMARY KEY (notice_id, school_id)
);

-- The outbox: one row per recipient × channel × notice. Rows are written once by the fan-out (the unique key makes
-- a repeated fan-out a no-op) and then only move forward: queued → sending → sent → delivered | failed, or
-- opted_out / not_sent (no channel configured) / skipped (an earlier channel delivered, so no fallback needed).
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  notice_id uuid NOT NULL REFERENCES event_notices(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES hazard_events(id) ON DELETE CASCADE,
  school_id uuid REFERENCES schools(id) ON DELETE SET NULL,
  district_id uuid REFERENCES areas(id),
  -- 'user:<id>' or 'contact:<school id>:focal' / 'contact:<school id>:head'
  recipient_key text NOT NULL,
  user_id uuid REFERENCES users(id),
  -- focal_point, head_teacher, district_officer, programme_staff
  audience text NOT NULL,
  -- The school's band when this was written (null for a notice not about one school's band): an update notifies
  -- a school again only when its band rises above the highest it was told about.
  band smallint,
  recipient_name text NOT NULL DEFAULT '',
  language text NOT NULL CHECK (language IN ('en', 'hi', 'ja')),
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
  -- 0 for the person's first channel; a fallback row has the next rank and is due only when the earlier one is not
  -- delivered in time.
  channel_rank smallint NOT NULL DEFAULT 0,
  address text NOT NULL,
  subject text NOT NULL DEFAULT '',
  body text NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('waiting', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'opted_out', 'not_sent', 'skipped', 'cancelled')),
  provider text,
  provider_message_id text,
  -- The server instance that claimed the row for sending: a row left `sending` by an instance that is gone (see
  -- live-instances.repository.ts) is queued again at once, not after a timeout.
  claimed_by text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error_code text,
  last_error text,
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (notice_id, recipient_key, channel)
);
CREATE INDEX notifications_event_idx ON notifications (event_id, id);
CREATE INDEX notifications_due_idx ON notifications (state, next_attempt_at) WHERE state IN ('waiting', 'queued', 'sending');
CREATE UNIQUE INDEX notifications_provider_idx ON notifications (provider, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Every try: what the provider answered (its message id, HTTP status, error code).
CREATE TABLE notification_attempts (
  id uuid PRIMARY KEY,
  notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  provider text NOT NULL,
  -- sent, retry (temporary failure), failed (permanent), status (a callback), inbound
  outcome text NOT NULL,
  provider_message_id text,
  http_status integer,
  error_code text,
  error text
);
CREATE INDEX notification_attempts_notification_idx ON notification_attempts (notification_id, at);

-- A personal check-in link: the token itself is never stored, only its SHA-256. One school, one event; each
-- message gets its own link (a follow-up too), so an earlier message's link keeps working.
CREATE TABLE check_in_links (
  token_hash text PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES hazard_events(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  recipient_key text NOT NULL,
  notification_id uuid REFERENCES notifications(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX check_in_links_event_school_idx ON check_in_links (event_id, school_id);

-- The unsubscribe link in a message: like a check-in link, only the token's SHA-256 is kept.
CREATE TABLE opt_out_links (
  token_hash text PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
  address text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A school's answer to an event; changed in place (version), each change audited.
CREATE TABLE check_ins (
  event_id uuid NOT NULL REFERENCES hazard_events(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  -- all_safe, some_injured, building_damaged, need_help
  status text NOT NULL CHECK (status IN ('all_safe', 'some_injured', 'building_damaged', 'need_help')),
  -- Counts only, never names; null is "not given", not 0.
  students_present integer CHECK (students_present >= 0),
  staff_present integer CHECK (staff_present >= 0),
  injured integer CHECK (injured >= 0),
  missing integer CHECK (missing >= 0),
  school_state text CHECK (school_state IN ('open', 'closed', 'shelter')),
  note text NOT NULL DEFAULT '',
  -- link or sms
  via text NOT NULL CHECK (via IN ('link', 'sms')),
  answered_by text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  answered_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, school_id)
);

-- Feeds: what kind they are, what the last poll read, and who added them in the app.
ALTER TABLE hazard_feeds ADD COLUMN kind text NOT NULL DEFAULT 'auto' CHECK (kind IN ('auto', 'cap', 'gdacs', 'usgs'));
ALTER TABLE hazard_feeds ADD COLUMN last_success_at timestamptz;
ALTER TABLE hazard_feeds ADD COLUMN last_entries integer;
ALTER TABLE hazard_feeds ADD COLUMN error_count integer NOT NULL DEFAULT 0;
-- 'config' (EVENT_FEEDS) or 'app' (added by an administrator)
ALTER TABLE hazard_feeds ADD COLUMN source text NOT NULL DEFAULT 'config' CHECK (source IN ('config', 'app'));
ALTER TABLE hazard_feeds ADD COLUMN created_by uuid REFERENCES users(id);

-- Early earthquake events from a feed are estimates until a ShakeMap replaces them.
ALTER TABLE hazard_events DROP CONSTRAINT hazard_events_kind_check;
ALTER TABLE hazard_events ADD CONSTRAINT hazard_events_kind_check CHECK (kind IN ('cap', 'shakemap', 'cyclone', 'footprint', 'scenario', 'estimate'));
ALTER TABLE hazard_events ADD COLUMN estimated boolean NOT NULL DEFAULT false;

-- The rule every installation starts with (shown and editable like any other): an actual event of CAP severity
-- Severe or Extreme, or reaching band 2 or more at a school, tells that school's focal points and head teacher and
-- the district officers over it.
INSERT INTO alert_rules (id, name, statuses, min_severity, min_band, match, audiences, built_in)
VALUES ('019b0000-0000-7000-8000-000000000001', 'Severe events, or band 2 and above at a school', '{actual}', 'Severe', 2, 'any',
        '{focal_points,head_teachers,district_officers}', true);
