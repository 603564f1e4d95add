-- The results of a joint operation: what each participating organization claims, and the figures
-- the participants agree in rounds. Items and actions are the vocabulary of the statement reader
-- (src/ingest/core/incident-draft-schema.ts); the service checks them, the tables do not repeat
-- the list. A null count is "unspecified" (the organization claims the fact without a number).
--
-- Visibility follows the operation (operations.released_to): these rows are only ever read
-- together with their operation, through selectReleased on it.

-- One row per organization that has recorded its claims (possibly none: "we claim nothing" is not
-- the same as "not recorded yet").
create table operation_result_claim_sets (
  operation_id uuid not null references operations (id) on delete cascade,
  organization_id text not null references organizations (id),
  recorded_by_user_id uuid not null,
  recorded_by_username text not null,
  recorded_at timestamptz not null,
  version integer not null default 1,
  primary key (operation_id, organization_id)
);

create table operation_result_claims (
  operation_id uuid not null,
  organization_id text not null,
  item text not null,
  action text not null,
  count integer check (count >= 0),
  primary key (operation_id, organization_id, item, action),
  foreign key (operation_id, organization_id) references operation_result_claim_sets (operation_id, organization_id) on delete cascade
);

-- A round of agreement: figures proposed, then agreed by a commander of each participant.
-- 'proposed' collects agreements (at most one per operation); 'superseded' was replaced by a newer
-- proposal before everyone agreed; 'agreed' was agreed by all. The latest agreed round is what is
-- shown as agreed; the results are locked while it is not reopened.
create table operation_result_rounds (
  operation_id uuid not null references operations (id) on delete cascade,
  round integer not null check (round >= 1),
  status text not null check (status in ('proposed', 'agreed', 'superseded')),
  proposed_by_organization_id text not null references organizations (id),
  proposed_by_user_id uuid not null,
  proposed_by_username text not null,
  proposed_at timestamptz not null,
  note text not null default '',
  -- When it was agreed by all (status 'agreed') or superseded.
  closed_at timestamptz,
  -- A commander reopened the agreed figures (a change after lock needs a new round).
  reopened_at timestamptz,
  reopened_by_organization_id text references organizations (id),
  reopened_by_username text,
  reopen_reason text,
  primary key (operation_id, round),
  check ((status = 'proposed') = (closed_at is null)),
  check (reopened_at is null or status = 'agreed'),
  check ((reopened_at is null) = (reopen_reason is null))
);
create unique index operation_result_rounds_open_idx on operation_result_rounds (operation_id) where status = 'proposed';

create table operation_result_figures (
  operation_id uuid not null,
  round integer not null,
  item text not null,
  action text not null,
  count integer check (count >= 0),
  primary key (operation_id, round, item, action),
  foreign key (operation_id, round) references operation_result_rounds (operation_id, round) on delete cascade
);

-- One agreement per participating organization and round, by one of its commanders.
create table operation_result_agreements (
  operation_id uuid not null,
  round integer not null,
  organization_id text not null references organizations (id),
  agreed_by_user_id uuid not null,
  agreed_by_username text not null,
  agreed_at timestamptz not null,
  primary key (operation_id, round, organization_id),
  foreign key (operation_id, round) references operation_result_rounds (operation_id, round) on delete cascade
);
