DROP INDEX `persons_passivated`;--> statement-breakpoint
DROP INDEX `persons_ended`;--> statement-breakpoint
CREATE INDEX `persons_passivated` ON `persons` (`status`,`passivated_on`,`kind_id`) WHERE status = 'passive';--> statement-breakpoint
CREATE INDEX `persons_ended` ON `persons` (`status`,`ended_on`,`kind_id`) WHERE status = 'ended';