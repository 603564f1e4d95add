-- Joint operations: a plan shared by a lead organization and its partners (objective areas, axes,
-- phases relative to H-hour), approved by a commander of each participating organization, run
-- with a live log. The claimed results, their reconciliation and agreement are in 0011; the
-- operation's axes and objective areas join the deconfliction in 0012.
--
-- Releasability: an operation is always released to its participants (each must see what it is
-- asked to approve); the release may add a room's members or further organizations.

create table operations (
  id uuid primary key,
  -- The lead organization: the one that drafted the operation and may amend the plan.
  organization_id text not null references organizations (id),
  room_id text not null references rooms (id),
  name_ar text not null,
  name_ckb text not null,
  name_en text not null,
  objective text not null default '',
  h_hour timestamptz not null,
  -- The window of the operation; H-hour and every phase lie within it.
  window_start timestamptz not null,
  window_end timestamptz not null,
  status text not null check (status in ('draft', 'proposed', 'approved', 'active', 'completed', 'cancelled')),
  -- Bumped by every change of the plan after proposal: approvals given to an older plan no longer count.
  plan_revision integer not null default 1,
  proposed_at timestamptz,
  approved_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  release_scope text not null default 'organizations' check (release_scope in ('originator', 'organizations', 'room')),
  release_organization_ids text[] not null default '{}',
  release_room_id text references rooms (id),
  released_to text[] not null,
  created_by_user_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (window_end > window_start),
  check (h_hour >= window_start and h_hour <= window_end),
  check (organization_id = any (released_to))
);
create index operations_released_idx on operations using gin (released_to);
create index operations_room_idx on operations (room_id, status);

-- The organizations taking part. The lead is one of them; coalition support takes part as
-- 'support' (liaison and information, never targeting or strikes): it is told and sees the plan,
-- and only the lead and the participants approve it. Each brings units of its own and a liaison,
-- who is the liaison of the movements the operation notifies for it.
create table operation_participants (
  operation_id uuid not null references operations (id) on delete cascade,
  organization_id text not null references organizations (id),
  role text not null check (role in ('lead', 'participant', 'support')),
  unit_ids uuid[] not null default '{}',
  liaison_name text,
  liaison_phone text,
  liaison_radio text,
  primary key (operation_id, organization_id)
);
create index operation_participants_organization_idx on operation_participants (organization_id);
create unique index operation_participants_one_lead_idx on operation_participants (operation_id) where role = 'lead';

-- Objective areas (polygons) and axes of advance (LineStrings). `key` names a feature within its
-- operation (phases refer to axes by it) and keeps its id across amendments. An axis belongs to
-- one organization (the lead when not given) and may name the units and size moving along it.
create table operation_features (
  id uuid primary key,
  operation_id uuid not null references operations (id) on delete cascade,
  key text not null,
  -- The order of the plan: objective areas, then axes, as given.
  ordinal integer not null default 0,
  kind text not null check (kind in ('objective', 'axis')),
  name text not null,
  organization_id text references organizations (id),
  unit_ids uuid[] not null default '{}',
  vehicles integer check (vehicles >= 0),
  personnel integer check (personnel >= 0),
  geometry geometry(Geometry, 4326) not null check (geometrytype(geometry) in ('LINESTRING', 'MULTIPOLYGON')),
  check ((kind = 'axis') = (geometrytype(geometry) = 'LINESTRING')),
  unique (operation_id, key)
);
create index operation_features_operation_idx on operation_features (operation_id);
create index operation_features_geometry_idx on operation_features using gist (geometry);

-- Phases, planned relative to H-hour (minutes, may be negative for preparation).
create table operation_phases (
  id uuid primary key,
  operation_id uuid not null references operations (id) on delete cascade,
  ordinal integer not null,
  name text not null,
  start_offset_minutes integer not null,
  end_offset_minutes integer not null,
  -- The axes this phase moves along: each produces a movement notification for the phase's window.
  axis_ids uuid[] not null default '{}',
  check (end_offset_minutes > start_offset_minutes),
  unique (operation_id, ordinal)
);

-- The approval of each approving organization (lead and participants) for one revision of the plan.
create table operation_approvals (
  operation_id uuid not null references operations (id) on delete cascade,
  organization_id text not null references organizations (id),
  plan_revision integer not null,
  approved_at timestamptz not null,
  approved_by_user_id uuid not null,
  approved_by_username text not null,
  primary key (operation_id, organization_id, plan_revision)
);

-- Photos of log entries: checked by their content (magic bytes), like report attachments.
create table operation_log_photos (
  id uuid primary key,
  operation_id uuid not null references operations (id) on delete cascade,
  file_name text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index operation_log_photos_operation_idx on operation_log_photos (operation_id);

-- The live log: timestamped entries by any participant, with an optional place, unit and photo.
-- Seen by whoever the operation is released to.
create table operation_log (
  id uuid primary key,
  operation_id uuid not null references operations (id) on delete cascade,
  at timestamptz not null,
  organization_id text not null references organizations (id),
  author_user_id uuid not null,
  author_username text not null,
  text text not null,
  location geometry(Point, 4326),
  unit_id uuid,
  photo_attachment_id uuid references operation_log_photos (id),
  created_at timestamptz not null default now()
);
create index operation_log_operation_idx on operation_log (operation_id, at);

-- The movements an operation notifies: one per axis and phase using it, for the phase's window.
alter table movements
  add column operation_id uuid references operations (id),
  add column operation_axis_key text,
  add column operation_phase_ordinal integer;
create index movements_operation_idx on movements (operation_id) where operation_id is not null;
