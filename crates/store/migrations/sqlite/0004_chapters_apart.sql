-- Chapter text is kept once. A work saved from now on keeps its chapters only in `chapters` (one row
-- per chapter, in the work's order: `position`), its `work_json` holds the work without them and its
-- `outline_json` only the chapter outline (`chapters_apart = 1`). Rows saved before keep the whole
-- work in `work_json` (`chapters_apart = 0`) and are read as before. Keying chapters by position, not
-- number, keeps both of two chapters a source numbered alike.
CREATE TABLE chapters_by_position (
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    number BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    body_json TEXT,
    PRIMARY KEY (work_id, position)
);
-- Numbers were unique per work, so they serve as the older rows' positions.
INSERT INTO chapters_by_position (work_id, position, number, content_hash, body_json)
    SELECT work_id, number, number, content_hash, body_json FROM chapters;
DROP TABLE chapters;
ALTER TABLE chapters_by_position RENAME TO chapters;
CREATE INDEX chapters_by_number ON chapters (work_id, number, position);
ALTER TABLE works ADD COLUMN chapters_apart BIGINT NOT NULL DEFAULT 0;
-- A work is looked up by its content hash only when it has no title-and-authors key, and a work's
-- key follows from its content: only such rows need the (random, costly to keep) hash index.
DROP INDEX works_content_hash;
CREATE INDEX works_content_hash_unkeyed ON works (content_hash) WHERE identity_key IS NULL;
-- The retitle check reads an author's works that have a text signature, those without a source URL
-- apart from those with one (sql.rs, find_existing): each query has a partial index of its own, so
-- no planner can choose an index that makes it visit every work of a prolific author (SQLite 3.51
-- chose the plain authors_key index for the query without URLs, which slowed bulk imports down as
-- the archive grew).
DROP INDEX works_authors_key;
CREATE INDEX works_authors_key_sourced ON works (authors_key, id)
    WHERE source_url IS NOT NULL AND text_signature IS NOT NULL;
