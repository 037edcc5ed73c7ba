-- Full-text search over persons. Contentless (the text lives only in persons/organizations),
-- with contentless_delete so a person's entry can be removed by rowid, and secure-delete so a
-- removed entry's tokens are overwritten rather than left in the index pages.
-- unicode61 with remove_diacritics 2 folds ä/ö/å: 'makinen' and 'mäkinen' both find 'Mäkinen'.
CREATE VIRTUAL TABLE `persons_fts` USING fts5(
	`names`, `contact`, `place`, `organizations`,
	content='', contentless_delete=1,
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
