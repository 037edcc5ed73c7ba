CREATE TABLE `anonymised_persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`birth_decade` integer,
	`postal_area` text,
	`kind_key` text NOT NULL,
	`anonymised_on` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`until` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `retention_holds_person` ON `retention_holds` (`person_id`);--> statement-breakpoint
CREATE TABLE `retention_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule` text NOT NULL,
	`years` integer NOT NULL,
	`kind_keys` text DEFAULT '[]' NOT NULL,
	`action` text DEFAULT 'delete' NOT NULL,
	`mode` text DEFAULT 'review' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retention_policies_rule_unique` ON `retention_policies` (`rule`);--> statement-breakpoint
CREATE TABLE `tombstones` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`person_uid` text NOT NULL,
	`action` text NOT NULL,
	`at` text NOT NULL,
	`reason` text NOT NULL,
	`by_user_id` integer,
	`counts` text NOT NULL,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `orders` ADD `anonymous_id` integer;