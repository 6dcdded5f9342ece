-- Rasid store, schema version 5 (PostgreSQL): the large values (article text, full-text vectors, evidence JSON) are
-- compressed with lz4 instead of pglz. pglz took about a fifth of the server's CPU per stored document (perf); lz4
-- compresses several times faster for slightly larger values. Applies to values written from now on. A server built
-- without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE documents ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4;
    ALTER TABLE evidence ALTER COLUMN search SET COMPRESSION lz4;
    ALTER TABLE events ALTER COLUMN evidence SET COMPRESSION lz4, ALTER COLUMN place_candidates SET COMPRESSION lz4;
    ALTER TABLE incidents ALTER COLUMN evidence SET COMPRESSION lz4, ALTER COLUMN place_candidates SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server; values stay pglz-compressed';
END $$;
