-- Areas and lengths on the WGS 84 ellipsoid, computed once when a geometry is written instead of
-- on every read: a detailed boundary (up to 100,000 vertices) costs about a second of geography
-- arithmetic on the embedded database, and coverage reads the areas of a room again and again.
alter table areas
  add column area_km2 double precision generated always as (st_area(geometry::geography) / 1000000.0) stored;
alter table coordination_lines
  add column length_km double precision generated always as (st_length(geometry::geography) / 1000.0) stored;
