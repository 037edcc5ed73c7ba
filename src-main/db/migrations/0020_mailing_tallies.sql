-- A mailing list's count over the whole register without reading every person (issue 25):
-- person_tallies holds how many persons share each combination of what the count reads, kept by
-- triggers on persons in the same statement as any change to them; verify recounts it. Events
-- dated ahead and undeliverable marks, which the count decides one by one, are found by index.
CREATE TABLE `person_tallies` (
	`kind_id` integer NOT NULL,
	`restricted` integer NOT NULL,
	`consents_granted` integer NOT NULL,
	`consents_withdrawn` integer NOT NULL,
	`has_email` integer NOT NULL,
	`has_phone` integer NOT NULL,
	`has_street` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`kind_id`, `restricted`, `consents_granted`, `consents_withdrawn`, `has_email`, `has_phone`, `has_street`)
);
--> statement-breakpoint
CREATE INDEX `consent_events_effective` ON `consent_events` (`effective_at`);--> statement-breakpoint
CREATE INDEX `contact_log_undeliverable` ON `contact_log` (`person_id`) WHERE summary LIKE 'Mailchimp cleaned: %';--> statement-breakpoint
INSERT INTO `person_tallies` (`kind_id`, `restricted`, `consents_granted`, `consents_withdrawn`, `has_email`, `has_phone`, `has_street`, `n`)
  SELECT kind_id, restricted <> 0, consents_granted, consents_withdrawn, coalesce(email, '') <> '', coalesce(phone, '') <> '', coalesce(street, '') <> '', count(*)
  FROM `persons` GROUP BY 1, 2, 3, 4, 5, 6, 7;--> statement-breakpoint
CREATE TRIGGER `persons_tallies_insert` AFTER INSERT ON `persons` BEGIN
  INSERT INTO `person_tallies` (`kind_id`, `restricted`, `consents_granted`, `consents_withdrawn`, `has_email`, `has_phone`, `has_street`, `n`)
    VALUES (NEW.kind_id, NEW.restricted <> 0, NEW.consents_granted, NEW.consents_withdrawn, coalesce(NEW.email, '') <> '', coalesce(NEW.phone, '') <> '', coalesce(NEW.street, '') <> '', 1)
    ON CONFLICT (`kind_id`, `restricted`, `consents_granted`, `consents_withdrawn`, `has_email`, `has_phone`, `has_street`) DO UPDATE SET n = n + 1;
END;--> statement-breakpoint
CREATE TRIGGER `persons_tallies_delete` AFTER DELETE ON `persons` BEGIN
  UPDATE `person_tallies` SET n = n - 1 WHERE kind_id = OLD.kind_id AND restricted = (OLD.restricted <> 0) AND consents_granted = OLD.consents_granted AND consents_withdrawn = OLD.consents_withdrawn AND has_email = (coalesce(OLD.email, '') <> '') AND has_phone = (coalesce(OLD.phone, '') <> '') AND has_street = (coalesce(OLD.street, '') <> '');
END;--> statement-breakpoint
CREATE TRIGGER `persons_tallies_update` AFTER UPDATE OF kind_id, restricted, consents_granted, consents_withdrawn, email, phone, street ON `persons`
  WHEN (OLD.kind_id, OLD.restricted <> 0, OLD.consents_granted, OLD.consents_withdrawn, coalesce(OLD.email, '') <> '', coalesce(OLD.phone, '') <> '', coalesce(OLD.street, '') <> '') IS NOT (NEW.kind_id, NEW.restricted <> 0, NEW.consents_granted, NEW.consents_withdrawn, coalesce(NEW.email, '') <> '', coalesce(NEW.phone, '') <> '', coalesce(NEW.street, '') <> '') BEGIN
  UPDATE `person_tallies` SET n = n - 1 WHERE kind_id = OLD.kind_id AND restricted = (OLD.restricted <> 0) AND consents_granted = OLD.consents_granted AND consents_withdrawn = OLD.consents_withdrawn AND has_email = (coalesce(OLD.email, '') <> '') AND has_phone = (coalesce(OLD.phone, '') <> '') AND has_street = (coalesce(OLD.street, '') <> '');
  INSERT INTO `person_tallies` (`kind_id`, `restricted`, `consents_granted`, `consents_withdrawn`, `has_email`, `has_phone`, `has_street`, `n`)
    VALUES (NEW.kind_id, NEW.restricted <> 0, NEW.consents_granted, NEW.consents_withdrawn, coalesce(NEW.email, '') <> '', coalesce(NEW.phone, '') <> '', coalesce(NEW.street, '') <> '', 1)
    ON CONFLICT (`kind_id`, `restricted`, `consents_granted`, `consents_withdrawn`, `has_email`, `has_phone`, `has_street`) DO UPDATE SET n = n + 1;
END;
