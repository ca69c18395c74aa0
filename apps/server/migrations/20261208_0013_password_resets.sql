-- Password resets by e-mail (issue 18): a one-hour, single-use link. Only the SHA-256 of the token is kept, like
-- invitations and sessions; a used or expired row stays until the clean-up so a second use is told "used".
CREATE TABLE password_resets (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
