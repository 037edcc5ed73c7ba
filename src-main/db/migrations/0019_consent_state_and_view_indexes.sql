-- The state the contacts table's views filter on, kept beside the events it is derived from
-- (issue 25): per person, which consents and bans are in force (the latest event per subject by
-- effective_at, then id, as core's consentState reads it), one bit per subject. Triggers keep it
-- in the same statement as any write to consent_events, whoever writes; the backfill gives
-- existing registers and restored backups the same state. verify recomputes it from the events.
-- person_counts holds the counts of the unfiltered table and of its one-filter built-in views,
-- kept by triggers on persons the same way; verify recounts them.
ALTER TABLE `persons` ADD `consents_granted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `consents_withdrawn` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `persons` SET consents_granted = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = persons.id AND ce.granted = 1 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)), consents_withdrawn = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = persons.id AND ce.granted = 0 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)) WHERE id IN (SELECT person_id FROM `consent_events`);--> statement-breakpoint
CREATE TRIGGER `consent_events_state_insert` AFTER INSERT ON `consent_events` BEGIN
  UPDATE `persons` SET consents_granted = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = NEW.person_id AND ce.granted = 1 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)), consents_withdrawn = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = NEW.person_id AND ce.granted = 0 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)) WHERE id = NEW.person_id;
END;--> statement-breakpoint
CREATE TRIGGER `consent_events_state_update` AFTER UPDATE ON `consent_events` BEGIN
  UPDATE `persons` SET consents_granted = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = persons.id AND ce.granted = 1 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)), consents_withdrawn = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = persons.id AND ce.granted = 0 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)) WHERE id IN (OLD.person_id, NEW.person_id);
END;--> statement-breakpoint
CREATE TRIGGER `consent_events_state_delete` AFTER DELETE ON `consent_events` BEGIN
  UPDATE `persons` SET consents_granted = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = OLD.person_id AND ce.granted = 1 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)), consents_withdrawn = (SELECT coalesce(sum(CASE ce.subject WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'phone' THEN 4 WHEN 'post' THEN 8 WHEN 'ban_direct_marketing' THEN 16 WHEN 'ban_publication' THEN 32 WHEN 'ban_research' THEN 64 WHEN 'ban_profiling' THEN 128 ELSE 0 END), 0) FROM `consent_events` ce WHERE ce.person_id = OLD.person_id AND ce.granted = 0 AND ce.id = (SELECT c2.id FROM `consent_events` c2 WHERE c2.person_id = ce.person_id AND c2.subject = ce.subject ORDER BY c2.effective_at DESC, c2.id DESC LIMIT 1)) WHERE id = OLD.person_id;
END;--> statement-breakpoint
CREATE TABLE `person_counts` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `person_counts` (`name`, `n`)
  SELECT 'all', count(*) FROM `persons`
  UNION ALL SELECT 'no_consent', count(*) FROM `persons` WHERE (consents_granted & 15) = 0
  UNION ALL SELECT 'not_informed', count(*) FROM `persons` WHERE informed_on IS NULL;--> statement-breakpoint
CREATE TRIGGER `persons_counts_insert` AFTER INSERT ON `persons` BEGIN
  UPDATE `person_counts` SET n = n + CASE name WHEN 'all' THEN 1
    WHEN 'no_consent' THEN (NEW.consents_granted & 15) = 0 WHEN 'not_informed' THEN NEW.informed_on IS NULL ELSE 0 END;
END;--> statement-breakpoint
CREATE TRIGGER `persons_counts_delete` AFTER DELETE ON `persons` BEGIN
  UPDATE `person_counts` SET n = n - CASE name WHEN 'all' THEN 1
    WHEN 'no_consent' THEN (OLD.consents_granted & 15) = 0 WHEN 'not_informed' THEN OLD.informed_on IS NULL ELSE 0 END;
END;--> statement-breakpoint
CREATE TRIGGER `persons_counts_update` AFTER UPDATE OF consents_granted, informed_on ON `persons` BEGIN
  UPDATE `person_counts` SET n = n + CASE name
    WHEN 'no_consent' THEN ((NEW.consents_granted & 15) = 0) - ((OLD.consents_granted & 15) = 0)
    WHEN 'not_informed' THEN (NEW.informed_on IS NULL) - (OLD.informed_on IS NULL) ELSE 0 END;
END;--> statement-breakpoint
CREATE INDEX `persons_no_consent_by_name` ON `persons` (`last_name`,`first_name`) WHERE (consents_granted & 15) = 0;--> statement-breakpoint
CREATE INDEX `persons_not_informed_by_name` ON `persons` (`last_name`,`first_name`) WHERE informed_on IS NULL;--> statement-breakpoint
CREATE INDEX `persons_passive_by_name` ON `persons` (`last_name`,`first_name`,`passivated_on`) WHERE status = 'passive';