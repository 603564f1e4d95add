-- The shared operational picture: rooms, units and their tracks, areas of responsibility and
-- joint security areas, coordination lines, reports. Every releasable object carries its
-- originating organization, its release (scope + named organizations or room) and the effective
-- set of organizations it is released to (released_to), which is what every read path filters on.

create table rooms (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_en text not null,
  name_ar text not null,
  name_ckb text not null,
  area_of_interest geometry(MultiPolygon, 4326),
  member_organization_ids text[] not null check (cardinality(member_organization_ids) >= 1),
  notice_periods jsonb not null default '{}'::jsonb,
  buffer_meters double precision not null default 2000 check (buffer_meters >= 0 and buffer_meters <= 100000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index rooms_members_idx on rooms using gin (member_organization_ids);

create table units (
  id uuid primary key,
  organization_id text not null references organizations (id),
  name_en text not null,
  name_ar text not null default '',
  name_ckb text not null default '',
  echelon text not null,
  sidc text not null,
  parent_unit_id uuid references units (id) on delete set null,
  home_room_id text references rooms (id) on delete set null,
  status text not null,
  release_scope text not null default 'originator' check (release_scope in ('originator', 'organizations', 'room')),
  release_organization_ids text[] not null default '{}',
  release_room_id text references rooms (id),
  released_to text[] not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (organization_id = any (released_to))
);
create index units_released_idx on units using gin (released_to);
create index units_room_idx on units (home_room_id);

-- The latest position of each unit (hot table, one row per unit) and the history of reports.
create table unit_positions (
  unit_id uuid primary key references units (id) on delete cascade,
  position geometry(Point, 4326) not null,
  altitude_meters double precision,
  speed_mps double precision,
  course_degrees double precision,
  reported_at timestamptz not null,
  source text not null
);
create index unit_positions_position_idx on unit_positions using gist (position);

create table track_points (
  unit_id uuid not null references units (id) on delete cascade,
  reported_at timestamptz not null,
  position geometry(Point, 4326) not null,
  altitude_meters double precision,
  speed_mps double precision,
  course_degrees double precision,
  source text not null,
  received_at timestamptz not null default now(),
  primary key (unit_id, reported_at)
);
create index track_points_time_idx on track_points (reported_at);
create index track_points_position_idx on track_points using gist (position);

create table areas (
  id uuid primary key,
  organization_id text not null references organizations (id),
  unit_id uuid references units (id) on delete set null,
  room_id text references rooms (id) on delete set null,
  kind text not null check (kind in ('aor', 'joint-security-area')),
  name_en text not null,
  name_ar text not null default '',
  name_ckb text not null default '',
  geometry geometry(MultiPolygon, 4326) not null,
  valid_from timestamptz not null default now(),
  valid_to timestamptz,
  release_scope text not null default 'originator' check (release_scope in ('originator', 'organizations', 'room')),
  release_organization_ids text[] not null default '{}',
  release_room_id text references rooms (id),
  released_to text[] not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (valid_to is null or valid_to > valid_from),
  check (organization_id = any (released_to))
);
create index areas_geometry_idx on areas using gist (geometry);
create index areas_released_idx on areas using gin (released_to);
create index areas_room_idx on areas (room_id);

create table coordination_lines (
  id uuid primary key,
  organization_id text not null references organizations (id),
  room_id text references rooms (id) on delete set null,
  name_en text not null,
  name_ar text not null default '',
  name_ckb text not null default '',
  geometry geometry(LineString, 4326) not null,
  valid_from timestamptz not null default now(),
  valid_to timestamptz,
  release_scope text not null default 'originator' check (release_scope in ('originator', 'organizations', 'room')),
  release_organization_ids text[] not null default '{}',
  release_room_id text references rooms (id),
  released_to text[] not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (valid_to is null or valid_to > valid_from),
  check (organization_id = any (released_to))
);
create index coordination_lines_geometry_idx on coordination_lines using gist (geometry);
create index coordination_lines_released_idx on coordination_lines using gin (released_to);

create table reports (
  id uuid primary key,
  organization_id text not null references organizations (id),
  room_id text references rooms (id) on delete set null,
  type text not null check (type in ('incident', 'sigact', 'intelligence')),
  title text not null,
  body text not null,
  language text not null check (language in ('ar', 'ckb', 'en')),
  occurred_at timestamptz not null,
  location geometry(Geometry, 4326),
  place_id text,
  source_reliability char(1) not null check (source_reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
  information_credibility smallint not null check (information_credibility between 1 and 6),
  unit_ids uuid[] not null default '{}',
  operation_ids uuid[] not null default '{}',
  release_scope text not null default 'originator' check (release_scope in ('originator', 'organizations', 'room')),
  release_organization_ids text[] not null default '{}',
  release_room_id text references rooms (id),
  released_to text[] not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (organization_id = any (released_to))
);
create index reports_location_idx on reports using gist (location);
create index reports_released_idx on reports using gin (released_to);
create index reports_time_idx on reports (occurred_at);

create table report_attachments (
  id uuid primary key,
  report_id uuid not null references reports (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index report_attachments_report_idx on report_attachments (report_id);
