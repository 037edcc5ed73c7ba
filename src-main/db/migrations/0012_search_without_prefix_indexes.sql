-- The search index again, lighter to erase from (issue 5: 10,000 erasures in one approval).
-- FTS5 secure-delete removes each token of an erased person from every segment that has it, and
-- the pages it touches are written to the WAL and then the file. Measured at 1M persons, erasing
-- 10,000 (machine under load): index work 11.5 s → 2.6 s, pages written 100,800 → about 75,000.
-- - No prefix indexes (0003 had prefix='2 3'): they put every token in three times, the 2- and
--   3-letter prefixes with doclists spanning most of the register. A prefix query now merges the
--   doclists of the terms starting with it (3-letter search, 1M: median 25 → 42 ms).
-- - columnsize=0: no docsize table, one page fewer per erased person. Only rank (request subject
--   suggestions) used the sizes; it now reads the content of the matches (1M: 20 → 25 ms).
-- - automerge 2 merges segments sooner, so fewer are searched per erased token (4.4 s instead of
--   6.4 s for a register loaded in batches); the rebuilt index starts as one segment.
-- Content and secure-delete as in 0003. With secure_delete on, the old table's pages are zeroed.
CREATE VIRTUAL TABLE `persons_fts_next` USING fts5(
	`names`, `contact`, `place`, `organizations`,
	tokenize='unicode61 remove_diacritics 2',
	columnsize=0
);
--> statement-breakpoint
INSERT INTO `persons_fts_next` (`persons_fts_next`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `persons_fts_next` (`persons_fts_next`, `rank`) VALUES ('automerge', 2);
--> statement-breakpoint
INSERT INTO `persons_fts_next` (`rowid`, `names`, `contact`, `place`, `organizations`)
	SELECT `rowid`, `names`, `contact`, `place`, `organizations` FROM `persons_fts`;
--> statement-breakpoint
INSERT INTO `persons_fts_next` (`persons_fts_next`) VALUES ('optimize');
--> statement-breakpoint
DROP TABLE `persons_fts`;
--> statement-breakpoint
ALTER TABLE `persons_fts_next` RENAME TO `persons_fts`;
