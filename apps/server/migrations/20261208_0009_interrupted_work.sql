-- Work cut short by a process that died (kill -9, a crash, a lost host) is marked interrupted instead of staying
-- "running" forever, and its queue job is cancelled so pg-boss never reruns it on its own when it expires.
--
-- `instance_id` names the server process (its database connections carry it in application_name on PostgreSQL)
-- running an import or job; the work of an instance that is no longer connected is interrupted work
-- (domain/jobs/sweep-interrupted-work.ts). An interrupted import can be resumed after its last committed batch or
-- abandoned, keeping what was written (docs/decisions/0005-interrupted-work.md).

ALTER TABLE imports DROP CONSTRAINT imports_status_check;
ALTER TABLE imports ADD CONSTRAINT imports_status_check
  CHECK (status IN ('queued', 'running', 'validated', 'completed', 'rejected', 'failed', 'interrupted', 'abandoned'));
ALTER TABLE imports ADD COLUMN instance_id text;
-- The file row of the last batch committed before the interruption (NULL: nothing was written).
ALTER TABLE imports ADD COLUMN last_committed_row integer;
CREATE INDEX imports_running_idx ON imports (instance_id) WHERE status = 'running';

ALTER TABLE job_progress DROP CONSTRAINT job_progress_state_check;
ALTER TABLE job_progress ADD CONSTRAINT job_progress_state_check
  CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'));
ALTER TABLE job_progress ADD COLUMN instance_id text;
CREATE INDEX job_progress_running_idx ON job_progress (instance_id) WHERE state = 'running';
