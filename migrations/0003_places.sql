-- The gazetteer: places of Iraq with their names in English, Arabic and Sorani and every other
-- recorded spelling, loaded once from reference-data/gazetteer (Who's On First + Tansiq's curated
-- list) when the table is empty. Reference data: readable by every signed-in user, so no release
-- columns. Name search runs on an in-memory index built from the same records; this table serves
-- reads by id, bounding-box layers and joins (a report's place).

create table places (
  id text primary key check (id ~ '^(wof|curated):[A-Za-z0-9._-]{1,100}$'),
  kind text not null check (kind in ('country', 'governorate', 'district', 'subdistrict', 'town', 'village', 'area', 'neighbourhood')),
  name_en text not null,
  name_ar text,
  name_ckb text,
  variants text[] not null default '{}',
  -- The loader resolves parents among the records it loads. No foreign key: its deferred check
  -- per row would only slow the one bulk load, and nothing else writes this table.
  parent_id text,
  governorate text,
  district text,
  location geometry(Point, 4326) not null,
  precision text not null check (precision in ('point', 'centroid', 'approximate')),
  population bigint not null default 0 check (population >= 0),
  source text not null check (source in ('wof', 'curated')),
  loaded_at timestamptz not null default now()
);
create index places_location_idx on places using gist (location);
