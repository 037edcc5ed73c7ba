-- Full-text search over persons. The FTS table keeps its own copy of the indexed text (not
-- contentless): only then can FTS5's secure-delete remove a deleted person's tokens from the
-- index; a contentless table would keep them behind a tombstone until the next merge. With
-- secure_delete on, the freed content rows are zeroed too (a test scans the pages for them).
-- unicode61 with remove_diacritics 2 folds ä/ö/å: 'makinen' and 'mäkinen' both find 'Mäkinen'.
CREATE VIRTUAL TABLE `persons_fts` USING fts5(
	`names`, `contact`, `place`, `organizations`,
	tokenize='unicode61 remove_diacritics 2',
	prefix='2 3'
);
--> statement-breakpoint
INSERT INTO `persons_fts` (`persons_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `relationship_kinds` (`key`, `label_fi`, `label_en`, `builtin`, `position`) VALUES
	('customer', 'Asiakas', 'Customer', 1, 1),
	('prospect', 'Potentiaalinen asiakas', 'Potential customer', 1, 2),
	('partner', 'Yhteistyökumppani', 'Partner', 1, 3);
--> statement-breakpoint
INSERT INTO `data_sources` (`key`, `label_fi`, `label_en`, `builtin`, `position`) VALUES
	('newsletter', 'Uutiskirjeen tilaus (Mailchimp)', 'Newsletter signup (Mailchimp)', 1, 1),
	('booking', 'Ajanvarausjärjestelmä', 'Booking system', 1, 2),
	('online_course', 'Verkkokurssi', 'Online course', 1, 3),
	('signup_form', 'Ilmoittautumislomake (Google Forms)', 'Signup form (Google Forms)', 1, 4),
	('purchase', 'Ostos', 'Purchase', 1, 5),
	('company_website', 'Yrityksen julkiset verkkosivut', 'Public company website', 1, 6),
	('manual', 'Käsin syötetty', 'Manual entry', 1, 7),
	('import', 'Tuonti', 'Import', 1, 8);
