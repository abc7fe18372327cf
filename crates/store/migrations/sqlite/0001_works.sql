-- The works table holds each work whole (as the model's JSON) plus the columns listings and identity need.
CREATE TABLE works (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_url TEXT,
    source_uid TEXT,
    identity_key TEXT,
    content_hash TEXT NOT NULL,
    title TEXT,
    authors TEXT NOT NULL,          -- JSON array
    fandoms TEXT NOT NULL,          -- JSON array
    summary TEXT,
    rating TEXT,
    status TEXT NOT NULL,
    language TEXT,
    words BIGINT NOT NULL,
    chapter_count BIGINT NOT NULL,
    published TEXT,
    updated TEXT,
    work_json TEXT NOT NULL,
    source_text BLOB,               -- bytes: PostgreSQL text cannot hold NUL, and spans index these bytes
    analysis_json TEXT,
    created_at BIGINT NOT NULL,     -- milliseconds since the Unix epoch, UTC
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX works_source_url ON works (source_url) WHERE source_url IS NOT NULL;
CREATE INDEX works_source_uid ON works (source_uid) WHERE source_uid IS NOT NULL;
CREATE INDEX works_identity_key ON works (identity_key) WHERE identity_key IS NOT NULL;
CREATE INDEX works_content_hash ON works (content_hash);
CREATE INDEX works_updated_at ON works (updated_at);

CREATE TABLE chapters (
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (work_id, number)
);

CREATE TABLE work_tags (
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (work_id, kind, name)
);
CREATE INDEX work_tags_by_tag ON work_tags (kind, name, work_id);

CREATE TABLE work_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    new_chapters TEXT NOT NULL,     -- JSON array of chapter numbers
    edited_chapters TEXT NOT NULL
);
CREATE INDEX work_updates_by_work ON work_updates (work_id, at);
CREATE INDEX work_updates_by_time ON work_updates (at);

CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
