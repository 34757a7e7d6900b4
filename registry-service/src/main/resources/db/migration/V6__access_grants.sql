-- Roles the platform keeps (AccessService): an admin of a project grants a user a role in it.
-- One row per subject and project; a revocation deletes the row (the audit trail and the
-- compacted topic aiaas.access.grants keep that it happened).
create table access_grant (
    project    text        not null,
    subject    text        not null,
    role       text        not null check (role in ('VIEWER', 'EDITOR', 'ADMIN')),
    granted_by text        not null,
    granted_at timestamptz not null default now(),
    primary key (project, subject)
);
