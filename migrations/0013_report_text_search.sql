-- Report text search (`GET /api/reports?q=`, "title or body contains", ILIKE '%…%') read every
-- report's title and body. Trigram indexes (pg_trgm, which PostgreSQL and PGlite both ship) let it
-- read only the reports that hold all of the words' three-letter pieces; they cover Arabic and
-- Kurdish letters as well as Latin ones. A search of one or two letters still reads every report.
create extension if not exists pg_trgm;

create index reports_title_trgm_idx on reports using gin (title gin_trgm_ops);
create index reports_body_trgm_idx on reports using gin (body gin_trgm_ops);
