-- Updates handled lately, per platform, so that one delivered again is not handled twice (IHandledUpdateStore).
CREATE TABLE handled_updates (
    platform text NOT NULL,
    update_id text NOT NULL,
    handled_at timestamptz NOT NULL,
    PRIMARY KEY (platform, update_id)
);
CREATE INDEX handled_updates_handled_at ON handled_updates (handled_at);

-- What each member's short answers are about, and their last short-answer change (ICurrentTaskStore).
CREATE TABLE current_tasks (
    member_key text PRIMARY KEY,
    member_code text NOT NULL,
    task_codes text[] NOT NULL DEFAULT '{}',
    said_at timestamptz NULL,
    changed_task text NULL,
    previous_percent integer NOT NULL DEFAULT 0,
    previous_status text NOT NULL DEFAULT '',
    said text NOT NULL DEFAULT '',
    changed_at timestamptz NULL
);
