-- The review's counts without asking every due person's holds (issue 25): each person's earliest
-- due day under the active retention policies, and whether an open or collected invoice or a
-- current contact-person role blocks deleting them, kept by triggers in the same statement as any
-- change to what they are computed from (a person, a policy, a group's key, an order, an
-- employment); verify recomputes both. Dated holds and open requests are few: read at count time.
-- The day's expression is written out here for `persons` and for NEW (the triggers' WHEN); verify
-- compares the kept days with the sweep's own statement (keptDueStateDiffers, db/retention-sweep.ts).
-- A policy's triggers run only when what it deletes by can change: an enforced rule that is or
-- was active, its rule, period, groups or state changed; a mode or wording leaves the days alone.
-- Cheap where the import writes: a new person is blocked by nothing yet (orders and roles name
-- them by id, so come after), and a new open invoice or current role can only block. (An INSERT OR
-- REPLACE of an order or role fires no delete trigger, so could leave a block; Kaappi never
-- writes them so, and verify would report it.)
ALTER TABLE `persons` ADD `due_on` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `retention_blocked` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `persons` SET `due_on` = (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))), `retention_blocked` = (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL));
--> statement-breakpoint
CREATE INDEX `persons_due` ON `persons` (`due_on`,`retention_blocked`) WHERE due_on IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER `persons_due_insert` AFTER INSERT ON `persons`
  WHEN NEW.due_on IS NOT (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN NEW.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN NEW.status = 'passive' THEN NEW.passivated_on END
      WHEN 'after_end' THEN CASE WHEN NEW.status = 'ended' THEN NEW.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN NEW.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(NEW.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR NEW.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))) OR NEW.retention_blocked <> 0 BEGIN
  UPDATE `persons` SET `due_on` = (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))), `retention_blocked` = 0 WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `persons_due_update` AFTER UPDATE OF last_activity_on, status, passivated_on, ended_on, kind_id, created_at, due_on ON `persons`
  WHEN NEW.due_on IS NOT (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN NEW.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN NEW.status = 'passive' THEN NEW.passivated_on END
      WHEN 'after_end' THEN CASE WHEN NEW.status = 'ended' THEN NEW.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN NEW.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(NEW.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR NEW.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))) BEGIN
  UPDATE `persons` SET `due_on` = (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `persons_blocked_update` AFTER UPDATE OF retention_blocked ON `persons`
  WHEN NEW.retention_blocked IS NOT (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = NEW.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = NEW.id AND em.ended_on IS NULL)) BEGIN
  UPDATE `persons` SET `retention_blocked` = (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL)) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `retention_policies_due_insert` AFTER INSERT ON `retention_policies`
  WHEN NEW.kind = 'enforced' AND NEW.active = 1 BEGIN
  UPDATE `persons` SET `due_on` = (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))) WHERE `due_on` IS NOT (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key)));
END;
--> statement-breakpoint
CREATE TRIGGER `retention_policies_due_update` AFTER UPDATE OF kind, rule, period_amount, period_unit, kind_keys, active ON `retention_policies`
  WHEN ((OLD.kind = 'enforced' AND OLD.active = 1) OR (NEW.kind = 'enforced' AND NEW.active = 1))
    AND (OLD.kind, OLD.rule, OLD.period_amount, OLD.period_unit, OLD.kind_keys, OLD.active)
      IS NOT (NEW.kind, NEW.rule, NEW.period_amount, NEW.period_unit, NEW.kind_keys, NEW.active) BEGIN
  UPDATE `persons` SET `due_on` = (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))) WHERE `due_on` IS NOT (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key)));
END;
--> statement-breakpoint
CREATE TRIGGER `retention_policies_due_delete` AFTER DELETE ON `retention_policies`
  WHEN OLD.kind = 'enforced' AND OLD.active = 1 BEGIN
  UPDATE `persons` SET `due_on` = (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))) WHERE `due_on` IS NOT (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key)));
END;
--> statement-breakpoint
CREATE TRIGGER `relationship_kinds_due_update` AFTER UPDATE OF key ON `relationship_kinds`
  WHEN OLD.key IS NOT NEW.key BEGIN
  UPDATE `persons` SET `due_on` = (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key))) WHERE `due_on` IS NOT (SELECT min(date(CASE rp.rule
      WHEN 'inactive' THEN persons.last_activity_on
      WHEN 'passive_not_moved' THEN CASE WHEN persons.status = 'passive' THEN persons.passivated_on END
      WHEN 'after_end' THEN CASE WHEN persons.status = 'ended' THEN persons.ended_on END
      WHEN 'prospect_not_converted' THEN CASE WHEN persons.kind_id IN (SELECT k.id FROM relationship_kinds k WHERE k.key = 'prospect') THEN substr(persons.created_at, 1, 10) END
    END, '+' || rp.period_amount || ' ' || rp.period_unit))
    FROM retention_policies rp
    WHERE rp.kind = 'enforced' AND rp.active = 1 AND rp.rule IS NOT NULL AND rp.period_amount IS NOT NULL AND rp.period_unit IS NOT NULL
      AND (json_array_length(rp.kind_keys) = 0 OR persons.kind_id IN (SELECT k.id FROM relationship_kinds k JOIN json_each(rp.kind_keys) j ON j.value = k.key)));
END;
--> statement-breakpoint
CREATE TRIGGER `employments_blocked_insert` AFTER INSERT ON `employments`
  WHEN NEW.ended_on IS NULL BEGIN
  UPDATE `persons` SET `retention_blocked` = 1 WHERE id = NEW.person_id AND `retention_blocked` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `employments_blocked_update` AFTER UPDATE OF person_id, ended_on ON `employments` BEGIN
  UPDATE `persons` SET `retention_blocked` = (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL)) WHERE id IN (OLD.person_id, NEW.person_id) AND `retention_blocked` IS NOT (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `employments_blocked_delete` AFTER DELETE ON `employments` BEGIN
  UPDATE `persons` SET `retention_blocked` = (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL)) WHERE id IN (OLD.person_id) AND `retention_blocked` IS NOT (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `orders_blocked_insert` AFTER INSERT ON `orders`
  WHEN NEW.invoice_status IN ('open', 'in_collection') BEGIN
  UPDATE `persons` SET `retention_blocked` = 1 WHERE id = NEW.person_id AND `retention_blocked` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_blocked_update` AFTER UPDATE OF person_id, invoice_status ON `orders` BEGIN
  UPDATE `persons` SET `retention_blocked` = (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL)) WHERE id IN (OLD.person_id, NEW.person_id) AND `retention_blocked` IS NOT (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `orders_blocked_delete` AFTER DELETE ON `orders` BEGIN
  UPDATE `persons` SET `retention_blocked` = (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL)) WHERE id IN (OLD.person_id) AND `retention_blocked` IS NOT (EXISTS (SELECT 1 FROM orders o WHERE o.person_id = persons.id AND o.invoice_status IN ('open', 'in_collection'))
      OR EXISTS (SELECT 1 FROM employments em WHERE em.person_id = persons.id AND em.ended_on IS NULL));
END;
