-- Incident drafts: a statement read by the ingest reader (src/ingest/core/statement-reader.ts),
-- kept for an analyst of the author's organization to correct, then accept (which creates a
-- report through the reports service) or reject. A draft is never released: only its own
-- organization ever reads it (the filter is in src/ingest/ingest-store.ts).
create table incident_drafts (
  id uuid primary key,
  organization_id text not null references organizations (id),
  author_user_id uuid references users (id),
  author_username text not null,
  -- The name the statement arrived under (a file name), echoed as the draft's `file`.
  file_name text,
  -- The statement exactly as submitted; the evidence offsets of the drafts point into it.
  source_text text not null,
  -- Publication date: the reference for relative dates ("yesterday").
  published date not null,
  -- What the reader proposed (IncidentDraft), never changed afterwards.
  draft jsonb not null,
  -- The draft with the analyst's corrections applied; null until the first correction.
  corrected jsonb,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  report_id uuid references reports (id) on delete set null,
  rejection_reason text,
  reviewed_by_user_id uuid references users (id),
  reviewed_by_username text,
  reviewed_at timestamptz,
  -- An acceptance in progress: the request creating the report (its audit entry carries this id,
  -- so a retry after a crash finds that report instead of creating a second one).
  accept_request_id text,
  accept_claimed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (status = 'accepted' or report_id is null),
  check (status = 'rejected' or rejection_reason is null),
  check ((accept_request_id is null) = (accept_claimed_at is null))
);
create index incident_drafts_organization_idx on incident_drafts (organization_id, status, created_at desc);
create index incident_drafts_report_idx on incident_drafts (report_id);
