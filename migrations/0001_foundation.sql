-- Foundation: PostGIS, organizations, users, sessions and the hash-chained audit log.
-- Creating PostGIS is what makes the embedded database's first start slow (tens of seconds).
create extension if not exists postgis;

create table organizations (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_en text not null check (length(name_en) between 1 and 200),
  name_ar text not null check (length(name_ar) between 1 and 200),
  name_ckb text not null check (length(name_ckb) between 1 and 200),
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text not null check (length(display_name) between 1 and 200),
  organization_id text not null references organizations (id),
  role text not null check (role in ('admin', 'commander', 'watch-officer', 'liaison-officer', 'analyst', 'viewer')),
  password_hash text not null,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);
create index users_organization_idx on users (organization_id);

-- A session is stored by the SHA-256 of its bearer token: a leaked table reveals no usable token.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  client_address text
);
create index sessions_user_idx on sessions (user_id);

-- Append-only audit log. Each entry's hash covers the previous entry's hash and a canonical
-- serialisation of the entry, so an edited or deleted row breaks the chain.
create table audit_log (
  sequence bigint primary key check (sequence > 0),
  at timestamptz not null,
  actor_user_id uuid,
  actor_username text not null,
  actor_organization_id text,
  action text not null,
  object_type text not null,
  object_id text not null,
  request_id text,
  visible_to text[] not null default '{}',
  change jsonb not null,
  change_digest text not null,
  previous_hash text not null,
  hash text not null unique
);
create index audit_log_object_idx on audit_log (object_type, object_id);

-- The head of the chain: one row, locked by each append so that entries are strictly ordered.
create table audit_head (
  singleton boolean primary key default true check (singleton),
  sequence bigint not null,
  hash text not null
);
insert into audit_head (singleton, sequence, hash) values (true, 0, repeat('0', 64));
