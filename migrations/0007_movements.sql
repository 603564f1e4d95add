-- Coordinated movements: notifications of a movement (route or area, window, units, size,
-- precedence) told to a room, the organizations the impact analysis finds affected (parties) and
-- their answers, the findings of the analysis, and a timeline of every step.
--
-- Releasability: a draft is its author's alone; once submitted, a movement is released to the
-- room's members and to every organization that was told it is affected (never taken back).

create table movements (
  id uuid primary key,
  organization_id text not null references organizations (id),
  room_id text not null references rooms (id),
  unit_ids uuid[] not null check (cardinality(unit_ids) >= 1),
  -- A route (LineString) or an area (stored as MultiPolygon), 2D, SRID 4326.
  geometry geometry(Geometry, 4326) not null check (geometrytype(geometry) in ('LINESTRING', 'MULTIPOLYGON')),
  planned_start timestamptz not null,
  planned_end timestamptz not null,
  vehicles integer not null check (vehicles >= 0),
  personnel integer not null check (personnel >= 0),
  purpose text not null,
  liaison_name text not null,
  liaison_phone text,
  liaison_radio text,
  precedence text not null check (precedence in ('routine', 'priority', 'immediate', 'flash')),
  -- Notice given at the last submission or amendment, and the justification when it was shorter than the room's period.
  notice_minutes integer,
  required_notice_minutes integer,
  notice_justification text,
  status text not null check (status in ('draft', 'submitted', 'cleared', 'conflicted', 'active', 'completed', 'cancelled', 'expired')),
  -- Bumped by every amendment after submission: answers given to an older plan no longer count.
  plan_revision integer not null default 1,
  submitted_at timestamptz,
  release_scope text not null default 'originator' check (release_scope in ('originator', 'organizations', 'room')),
  release_organization_ids text[] not null default '{}',
  release_room_id text references rooms (id),
  released_to text[] not null,
  created_by_user_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (planned_end > planned_start),
  check (organization_id = any (released_to))
);
create index movements_released_idx on movements using gin (released_to);
create index movements_room_idx on movements (room_id, status);
create index movements_end_idx on movements (planned_end);
-- Movements by place and time window in one index: what the impact analysis scans (old movements
-- fall outside any window being analysed, so no partial index on the live statuses is needed) and
-- what a listing by box uses.
create index movements_place_time_idx on movements using gist (geometry, tstzrange(planned_start, planned_end));
-- The same for areas of responsibility (an open end is an unbounded range).
create index areas_aor_deconfliction_idx on areas using gist (geometry, tstzrange(valid_from, valid_to))
  where kind = 'aor';

-- The organizations told about a movement, whether they are affected now, and what they answered.
create table movement_parties (
  movement_id uuid not null references movements (id) on delete cascade,
  organization_id text not null references organizations (id),
  affected boolean not null,
  notified_at timestamptz not null,
  answer text check (answer in ('acknowledged', 'objected')),
  answer_reason text,
  answered_at timestamptz,
  answered_by_user_id uuid,
  answered_by_username text,
  reminded_at timestamptz,
  escalated_at timestamptz,
  primary key (movement_id, organization_id),
  check ((answer is null) = (answered_at is null)),
  check (answer is distinct from 'objected' or answer_reason is not null)
);
create index movement_parties_organization_idx on movement_parties (organization_id) where affected;

-- What the impact analysis found: one row per counterpart object near the movement in its window.
create table movement_findings (
  movement_id uuid not null references movements (id) on delete cascade,
  counterpart_type text not null check (counterpart_type in ('area', 'movement', 'operation')),
  counterpart_id uuid not null,
  counterpart_organization_id text not null,
  crosses boolean not null,
  overlap geometry(Geometry, 4326) not null,
  overlap_from timestamptz not null,
  overlap_to timestamptz not null,
  distance_meters double precision not null check (distance_meters >= 0),
  -- The author, the counterpart's organization, and whoever may see both the movement and the counterpart.
  released_to text[] not null,
  computed_at timestamptz not null default now(),
  primary key (movement_id, counterpart_type, counterpart_id)
);
create index movement_findings_counterpart_idx on movement_findings (counterpart_type, counterpart_id);
create index movement_findings_released_idx on movement_findings using gin (released_to);

-- Every step of a movement: who did or was told what, and when. Seen by whoever sees the movement.
create table movement_timeline (
  id bigint generated always as identity primary key,
  movement_id uuid not null references movements (id) on delete cascade,
  at timestamptz not null,
  kind text not null,
  organization_id text,
  actor_user_id uuid,
  actor_username text not null,
  actor_organization_id text,
  detail jsonb not null default '{}'::jsonb
);
create index movement_timeline_movement_idx on movement_timeline (movement_id, id);

-- The part of a movement that concerns a counterpart: inside it, when the counterpart is an area
-- the movement enters (`touching`, known to the caller); otherwise within `buffer_meters` of it.
-- The buffer is drawn in a local equirectangular frame (longitudes scaled by the cosine of the
-- latitude: under 0.5 % off at a few kilometres) at a fraction of a geography buffer's cost;
-- distances and the decision who is affected are measured on the ellipsoid by the analysis. A
-- single expression, so the planner inlines it.
create function movement_overlap(movement geometry, counterpart geometry, buffer_meters double precision, touching boolean) returns geometry
language sql immutable parallel safe as $$
  select st_intersection(movement,
    case when touching and st_dimension(counterpart) = 2 then counterpart
    else st_scale(st_buffer(st_scale(counterpart, greatest(cos(radians(st_y(st_centroid(counterpart)))), 0.01), 1), buffer_meters / 111000.0, 'quad_segs=2'),
      1 / greatest(cos(radians(st_y(st_centroid(counterpart)))), 0.01), 1) end)
$$;

-- Everything the impact analysis weighs a movement against, in one shape. Operations (their
-- axes and objective areas) join this view with another branch when they arrive.
create view deconfliction_objects as
  select 'area'::text as object_type, a.id as object_id, a.organization_id, a.room_id, a.geometry::geometry as geometry,
    tstzrange(a.valid_from, a.valid_to) as active_during, a.released_to
  from areas a
  where a.kind = 'aor'
  union all
  select 'movement'::text, m.id, m.organization_id, m.room_id, m.geometry,
    tstzrange(m.planned_start, m.planned_end), m.released_to
  from movements m
  where m.status in ('submitted', 'cleared', 'conflicted', 'active');

-- The impact analysis of one movement: the objects of other organizations within `buffer_meters`
-- of it during its window. Cheapest tests first: the box `&&` (the movement's box widened by the
-- buffer in degrees) and the window `&&` use the GiST indexes on (geometry, window); a planar
-- distance in degrees that is never shorter than the truth allows drops most of the rest; an
-- object the movement touches is at 0 m; only the others are measured on the ellipsoid, once, and
-- that distance both decides and is reported. `offset 0` keeps each lateral step from being
-- inlined (which would compute the distance twice). PL/pgSQL keeps one generic plan per
-- connection: planning this query costs as much as running it. Parameters by position so the
-- benchmark can EXPLAIN the same text.
create function movement_impact(subject geometry, window_from timestamptz, window_to timestamptz, buffer_meters double precision,
    author_organization_id text, exclude_id uuid, west double precision, south double precision, east double precision,
    north double precision, prefilter_degrees double precision)
  returns table (object_type text, object_id uuid, organization_id text, released_to text[], crosses boolean, overlap geometry,
    overlap_from timestamptz, overlap_to timestamptz, distance_meters double precision)
  language plpgsql stable parallel safe
  set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
begin
  return query
    with s as materialized (select $1 as g, $1::geography as gg)
    select o.object_type, o.object_id, o.organization_id, o.released_to, near.crosses,
      case when st_isempty(cut.overlap) then st_closestpoint(s.g, o.geometry) else cut.overlap end,
      lower(o.active_during * tstzrange($2, $3)), upper(o.active_during * tstzrange($2, $3)), near.distance_meters
    from s
    cross join lateral (
      select d.* from deconfliction_objects d
      where d.geometry && st_makeenvelope($7, $8, $9, $10, 4326)
        and d.active_during && tstzrange($2, $3)
        and d.organization_id <> $5
        and d.object_id is distinct from $6
        and st_dwithin(d.geometry, s.g, $11)
    ) o
    cross join lateral (
      select touching.crosses, case when touching.crosses then 0::double precision else st_distance(o.geometry::geography, s.gg) end as distance_meters
      from (select st_intersects(o.geometry, s.g) as crosses offset 0) as touching offset 0
    ) near
    cross join lateral (select movement_overlap(s.g, o.geometry, $4, near.crosses) as overlap offset 0) cut
    where near.distance_meters <= $4;
end
$$;
