-- A work re-imported under another title (or from a source without a URL) is recognised by its authors
-- and the opening of its story text: a bottom-k MinHash signature of word shingles (identity.rs).
ALTER TABLE works ADD COLUMN authors_key TEXT;
ALTER TABLE works ADD COLUMN text_signature TEXT;
CREATE INDEX works_authors_key ON works (authors_key) WHERE authors_key IS NOT NULL;
