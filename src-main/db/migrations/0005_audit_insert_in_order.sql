-- Audit rows are only ever appended, in order: an insert must take the next id. This also stops
-- INSERT OR REPLACE from overwriting a row (its implicit delete does not fire delete triggers).
CREATE TRIGGER `audit_log_append_in_order` BEFORE INSERT ON `audit_log`
WHEN NEW.id IS NOT (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
