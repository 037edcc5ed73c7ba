-- persons.uid without its unique index (issue 5: 10,000 erasures in one approval). The uid is a
-- random UUID, unique by its 122 random bits; only a restore looks persons up by it, and does so
-- in one pass over the table (backup/restore.ts). At 1M persons the index was 12,500 pages, and
-- erasing 10,000 random persons rewrote 6,900 of them: a tenth of the approval's pages.
DROP INDEX `persons_uid_unique`;
