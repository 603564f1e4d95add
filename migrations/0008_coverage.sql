-- Coverage of each room's joint security area: the gaps no active area of responsibility covers
-- and the overlaps two or more organizations claim, recomputed when areas change or expire.
-- These are derived rows (recomputed from `areas`), not releasable objects: the rule of who sees
-- what is in src/coverage/coverage-service.ts (room members see the geometry; the names of
-- bordering or claiming organizations go through the releasability of their areas).

-- The last computation of a room: when, over which areas, and its totals.
create table coverage_states (
  room_id text primary key references rooms (id) on delete cascade,
  -- The instant the areas were taken at (validity windows are evaluated at it).
  as_of timestamptz not null,
  computed_at timestamptz not null default now(),
  -- Union of the room's joint security areas in force at as_of; null when there is none.
  joint_security_area geometry(MultiPolygon, 4326),
  -- The box within which an area change can alter the result (the union's extent, widened by the border distance).
  extent geometry(Geometry, 4326),
  joint_security_area_km2 double precision not null default 0,
  gap_km2 double precision not null default 0,
  gap_count integer not null default 0,
  overlap_km2 double precision not null default 0,
  overlap_count integer not null default 0,
  -- Every area the computation read (joint security areas and nearby areas of responsibility).
  input_area_ids uuid[] not null default '{}',
  -- Incremented when the result changes.
  revision integer not null default 0
);
create index coverage_states_extent_idx on coverage_states using gist (extent);
create index coverage_states_inputs_idx on coverage_states using gin (input_area_ids);

-- The current gaps and overlaps of each room, one polygon a row. An id carries over from one
-- computation to the next while the polygon stays essentially the same (matched by shared area).
create table coverage_parts (
  id uuid primary key,
  room_id text not null references rooms (id) on delete cascade,
  kind text not null check (kind in ('gap', 'overlap')),
  geometry geometry(Polygon, 4326) not null,
  area_km2 double precision not null check (area_km2 >= 0),
  -- Bordering (gap) or claiming (overlap) organizations and their areas. Never returned as such:
  -- a reader sees an organization only through an area of it that is released to the reader.
  organization_ids text[] not null default '{}',
  area_ids uuid[] not null default '{}',
  first_seen_at timestamptz not null,
  computed_at timestamptz not null
);
create index coverage_parts_room_idx on coverage_parts (room_id, kind);
create index coverage_parts_geometry_idx on coverage_parts using gist (geometry);

-- Total gap area of a room over time: one row per computation that changed it.
create table coverage_history (
  id bigint generated always as identity primary key,
  room_id text not null references rooms (id) on delete cascade,
  at timestamptz not null,
  gap_km2 double precision not null,
  gap_count integer not null,
  overlap_km2 double precision not null,
  overlap_count integer not null,
  joint_security_area_km2 double precision not null
);
create index coverage_history_room_idx on coverage_history (room_id, at);

-- A new gap larger than the threshold: recorded, published live, acknowledged by a member.
create table coverage_alerts (
  id uuid primary key,
  room_id text not null references rooms (id) on delete cascade,
  -- The gap as it was when the alert was raised (the gap itself may have closed since).
  gap_id uuid not null,
  geometry geometry(Polygon, 4326) not null,
  area_km2 double precision not null,
  raised_at timestamptz not null,
  acknowledged_by uuid references users (id),
  acknowledged_by_username text,
  acknowledged_organization_id text references organizations (id),
  acknowledged_at timestamptz,
  check ((acknowledged_at is null) = (acknowledged_by_username is null))
);
create index coverage_alerts_room_idx on coverage_alerts (room_id, raised_at desc);
