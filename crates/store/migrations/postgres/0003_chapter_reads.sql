-- A chapter page reads the work's outline (the work without its chapters, plus each chapter's number,
-- title and words: JSON) and one chapter's body (the model's Chapter as JSON) instead of decoding the
-- whole work. Rows stored before this migration have NULLs here and are filled in on their first
-- chapter read (sql.rs, get_chapter).
ALTER TABLE works ADD COLUMN outline_json TEXT;
ALTER TABLE chapters ADD COLUMN body_json TEXT;
-- Recognising a retitled work that has a source URL only needs the same author's works without one
-- (a stored work with a different URL is never the same work).
CREATE INDEX works_authors_key_unsourced ON works (authors_key, id)
    WHERE source_url IS NULL AND text_signature IS NOT NULL;
