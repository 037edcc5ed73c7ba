-- The retention rules of the notices, as editable data. Seeds 000/001 §10.2-10.3 are on by
-- default; 10 years after the end (seed 004) and unconverted prospects are there to switch on.
INSERT INTO `retention_policies` (`rule`, `years`, `action`, `mode`, `active`) VALUES
	('inactive', 5, 'delete', 'review', 1),
	('passive_not_moved', 5, 'delete', 'review', 1),
	('after_end', 10, 'delete', 'review', 0),
	('prospect_not_converted', 3, 'delete', 'review', 0);
