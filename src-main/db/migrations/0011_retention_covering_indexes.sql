DROP INDEX `employments_person`;--> statement-breakpoint
CREATE INDEX `employments_person` ON `employments` (`person_id`,`ended_on`);--> statement-breakpoint
DROP INDEX `orders_person`;--> statement-breakpoint
CREATE INDEX `orders_person` ON `orders` (`person_id`,`ordered_on`,`invoice_status`);--> statement-breakpoint
DROP INDEX `persons_passivated`;--> statement-breakpoint
DROP INDEX `persons_kind`;--> statement-breakpoint
DROP INDEX `persons_last_activity`;--> statement-breakpoint
CREATE INDEX `persons_ended` ON `persons` (`status`,`ended_on`,`kind_id`);--> statement-breakpoint
CREATE INDEX `persons_passivated` ON `persons` (`status`,`passivated_on`,`kind_id`);--> statement-breakpoint
CREATE INDEX `persons_kind` ON `persons` (`kind_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `persons_last_activity` ON `persons` (`last_activity_on`,`kind_id`);