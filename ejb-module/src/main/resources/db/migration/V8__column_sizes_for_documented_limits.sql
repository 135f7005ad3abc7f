-- Columns that hold a record's JSON sized for the documented limits: a task description, note,
-- comment or interaction summary is up to 100 kB of Markdown, which JSON escaping can double
-- (every quote and line break becomes two characters), plus the record's other fields. The audit
-- log's before/after states held 20,000 characters and the outbox payload 200,000, so long texts
-- failed to save. Portable between H2 2.x and PostgreSQL.
alter table audit_entry alter column before_state set data type varchar(1000000);
alter table audit_entry alter column after_state set data type varchar(1000000);
alter table outbox_event alter column payload set data type varchar(1000000);
