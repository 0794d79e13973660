-- The ward's store, version 1. Run by DbUp once per schema (the journal is $schema$.schemaversions).
-- Codes are looked up ignoring case, as in the LiteDB file: "key" is the code in lower case, "code"
-- the code as written. What is queried has columns of its own; the rest of a record is the same
-- document LiteDB keeps, as jsonb.

CREATE TABLE units (
    key text PRIMARY KEY,
    code text NOT NULL,
    doc jsonb NOT NULL
);

CREATE TABLE members (
    key text PRIMARY KEY,
    code text NOT NULL,
    telegram_user_id bigint,
    zalo_user_id text,
    doc jsonb NOT NULL
);
CREATE INDEX members_telegram ON members (telegram_user_id) WHERE telegram_user_id IS NOT NULL;
CREATE INDEX members_zalo ON members (zalo_user_id) WHERE zalo_user_id IS NOT NULL;

CREATE TABLE milestones (
    key text PRIMARY KEY,
    code text NOT NULL,
    date date NOT NULL,
    doc jsonb NOT NULL
);

CREATE TABLE sources (
    key text PRIMARY KEY,
    doc jsonb NOT NULL
);

CREATE TABLE tasks (
    key text PRIMARY KEY,
    code text NOT NULL,
    lead_unit_key text NOT NULL,
    support_unit_keys text[] NOT NULL,
    assignee_keys text[] NOT NULL,
    due date NOT NULL,
    milestone_key text,
    status text NOT NULL,
    percent integer NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX tasks_lead_unit ON tasks (lead_unit_key);
CREATE INDEX tasks_support_units ON tasks USING gin (support_unit_keys);
CREATE INDEX tasks_assignees ON tasks USING gin (assignee_keys);
CREATE INDEX tasks_open_due ON tasks (due) WHERE status <> 'Done';
CREATE INDEX tasks_milestone ON tasks (milestone_key);
CREATE INDEX tasks_status ON tasks (status);

CREATE TABLE history (
    id bigserial PRIMARY KEY,
    task_key text NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX history_task ON history (task_key, id);

-- A reminder's state changes only by one UPDATE ... WHERE state = 'Pending' (or under FOR UPDATE),
-- so two instances on one schema can never both take the same reminder.
CREATE TABLE reminders (
    key text PRIMARY KEY,
    kind text NOT NULL,
    member_code text NOT NULL,
    task_code text,
    milestone_code text,
    step text NOT NULL,
    due_at timestamptz NOT NULL,
    send_at timestamptz NOT NULL,
    state text NOT NULL,
    late boolean NOT NULL DEFAULT false,
    attempts integer NOT NULL DEFAULT 0,
    note text,
    text text,
    sent_at timestamptz,
    channel text,
    updated_at timestamptz NOT NULL,
    -- For the active/standby work: which instance took the reminder to send it, and until when.
    claimed_by text,
    claimed_until timestamptz
);
CREATE INDEX reminders_pending ON reminders (send_at) WHERE state = 'Pending';
CREATE INDEX reminders_task ON reminders (task_code);
CREATE INDEX reminders_milestone ON reminders (milestone_code);
CREATE INDEX reminders_member ON reminders (member_code, send_at);
CREATE INDEX reminders_state ON reminders (state, send_at);
CREATE INDEX reminders_updated ON reminders (updated_at) WHERE state <> 'Pending';

CREATE TABLE reminder_keys_done (
    key text PRIMARY KEY,
    state text NOT NULL,
    at timestamptz NOT NULL
);

CREATE TABLE invites (
    code_hash text PRIMARY KEY,
    member_code text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    used_on text,
    used_by text
);
CREATE INDEX invites_member ON invites (member_code);

CREATE TABLE invite_attempts (
    account text PRIMARY KEY,
    failures timestamptz[] NOT NULL,
    locked_until timestamptz,
    locked_at timestamptz
);

CREATE TABLE notice_drafts (
    id text PRIMARY KEY,
    member_code text NOT NULL,
    file_name text NOT NULL,
    draft_name text NOT NULL,
    task_count integer NOT NULL,
    json text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    imported_at timestamptz,
    imported_by text
);

CREATE TABLE telegram_messages (
    chat_id bigint NOT NULL,
    message_id integer NOT NULL,
    task_codes text[] NOT NULL,
    purpose text NOT NULL,
    at timestamptz NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX telegram_messages_at ON telegram_messages (at);

CREATE TABLE telegram_groups (
    chat_id bigint PRIMARY KEY,
    title text NOT NULL,
    registered_by text NOT NULL,
    registered_at timestamptz NOT NULL
);

-- How far each chat platform's update stream was handled ("telegram", "zalo").
CREATE TABLE poll_state (
    key text PRIMARY KEY,
    doc jsonb NOT NULL
);

CREATE TABLE group_digests (
    kind text NOT NULL,
    date date NOT NULL,
    chat_id bigint NOT NULL,
    sent_at timestamptz NOT NULL,
    PRIMARY KEY (kind, date, chat_id)
);

CREATE TABLE web_logins (
    token_hash text PRIMARY KEY,
    member_code text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
);

CREATE TABLE calendar_feeds (
    member_code text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

CREATE TABLE web_keys (
    name text PRIMARY KEY,
    xml text NOT NULL
);
