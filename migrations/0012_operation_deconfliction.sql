-- Joint operations join the deconfliction: the axes and objective areas of every operation made
-- known to its room (proposed, approved, active) are weighed like areas and movements, as objects
-- of type 'operation' (one per feature: an axis or an objective area, of its organization, or of
-- the lead when it names none) active over the operation's window.
--
-- Objects of the same operation never conflict with each other: the view carries the operation an
-- object belongs to (its features, and the movements it notified), and the analysis of a movement
-- an operation notified leaves out everything of that operation.

-- A column is added at the end, so the view can be replaced in place.
create or replace view deconfliction_objects as
  select 'area'::text as object_type, a.id as object_id, a.organization_id, a.room_id, a.geometry::geometry as geometry,
    tstzrange(a.valid_from, a.valid_to) as active_during, a.released_to, null::uuid as operation_id
  from areas a
  where a.kind = 'aor'
  union all
  select 'movement'::text, m.id, m.organization_id, m.room_id, m.geometry,
    tstzrange(m.planned_start, m.planned_end), m.released_to, m.operation_id
  from movements m
  where m.status in ('submitted', 'cleared', 'conflicted', 'active')
  union all
  select 'operation'::text, f.id, coalesce(f.organization_id, o.organization_id), o.room_id, f.geometry,
    tstzrange(o.window_start, o.window_end), o.released_to, o.id
  from operation_features f
  join operations o on o.id = f.operation_id
  where o.status in ('proposed', 'approved', 'active');

-- Operations are few, their features fewer than areas; the feature's GiST index serves the box
-- test and the operation's window is read by its primary key. This index serves the window test
-- of the operations that are live, for a planner that starts from operations.
create index operations_live_window_idx on operations using gist (tstzrange(window_start, window_end))
  where status in ('proposed', 'approved', 'active');

-- The same analysis as in 0007 (same parameters, same result), leaving out the objects of the
-- operation that notified the movement `exclude_id`, if any.
create or replace function movement_impact(subject geometry, window_from timestamptz, window_to timestamptz, buffer_meters double precision,
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
    with s as materialized (select $1 as g, $1::geography as gg, (select m.operation_id from movements m where m.id = $6) as operation_id)
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
        and (s.operation_id is null or d.operation_id is distinct from s.operation_id)
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
