-- audit: the action comes from a fixed set (AuditAction); lists and exports keep their query and row count.
-- Lines written before keep their free-text actions (the log is append-only), so the check is for new lines.
alter table audit_log add column query text;
alter table audit_log add column row_count bigint;
alter table audit_log add constraint audit_log_action check (action in ('VIEW', 'SEARCH', 'LIST', 'EXPORT',
    'DRILL_DOWN', 'CREATE', 'UPDATE', 'DELETE', 'IMPORT', 'LOGIN', 'LOGIN_FAILED', 'LOCKOUT', 'ACCESS_DENIED')) not valid;
create index audit_log_action on audit_log (action, at);
