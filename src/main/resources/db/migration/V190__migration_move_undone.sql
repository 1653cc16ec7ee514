-- migration: a move out found by other work (a verification visit) and undone there stays on record, marked undone
-- (who, when); the other place is told by a notice, and the person's records show the move as undone.
alter table migration_move add column undone_at timestamptz, add column undone_by text;
