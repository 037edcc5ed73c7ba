CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`subject` text NOT NULL,
	`granted` integer NOT NULL,
	`method` text NOT NULL,
	`evidence` text NOT NULL,
	`effective_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_events_person` ON `consent_events` (`person_id`,`subject`,`effective_at`);--> statement-breakpoint
CREATE TABLE `contact_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_log_person` ON `contact_log` (`person_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `custom_field_values` (
	`person_id` integer NOT NULL,
	`field_id` integer NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`person_id`, `field_id`),
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`field_id`) REFERENCES `custom_fields`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `custom_fields` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label_fi` text NOT NULL,
	`label_en` text NOT NULL,
	`type` text NOT NULL,
	`choices` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `custom_fields_key_unique` ON `custom_fields` (`key`);--> statement-breakpoint
CREATE TABLE `data_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label_fi` text NOT NULL,
	`label_en` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_sources_key_unique` ON `data_sources` (`key`);--> statement-breakpoint
CREATE TABLE `employments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`title` text,
	`started_on` text NOT NULL,
	`ended_on` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `employments_person` ON `employments` (`person_id`);--> statement-breakpoint
CREATE INDEX `employments_organization` ON `employments` (`organization_id`);--> statement-breakpoint
CREATE TABLE `interests` (
	`person_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`person_id`, `tag`),
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interests_tag` ON `interests` (`tag`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer,
	`ordered_on` text NOT NULL,
	`description` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`invoice_status` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `orders_person` ON `orders` (`person_id`,`ordered_on`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`business_id` text,
	`street` text,
	`postal_code` text,
	`city` text,
	`country` text DEFAULT 'FI' NOT NULL,
	`phone` text,
	`email` text,
	`www` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_business_id_unique` ON `organizations` (`business_id`) WHERE business_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_name` ON `organizations` (`name`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`job_title` text,
	`phone` text,
	`email` text,
	`email_key` text,
	`street` text,
	`postal_code` text,
	`city` text,
	`country` text DEFAULT 'FI' NOT NULL,
	`birth_date` text,
	`age` integer,
	`age_recorded_on` text,
	`www` text,
	`ip_address` text,
	`notes` text,
	`language` text DEFAULT 'fi' NOT NULL,
	`source_id` integer,
	`informed_on` text,
	`informed_how` text,
	`kind_id` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`status_changed_on` text NOT NULL,
	`passivated_on` text,
	`ended_on` text,
	`last_activity_on` text NOT NULL,
	`restricted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `data_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kind_id`) REFERENCES `relationship_kinds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_uid_unique` ON `persons` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `persons_email_key_unique` ON `persons` (`email_key`) WHERE email_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_last_name` ON `persons` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `persons_status` ON `persons` (`status`,`last_activity_on`);--> statement-breakpoint
CREATE INDEX `persons_kind` ON `persons` (`kind_id`);--> statement-breakpoint
CREATE INDEX `persons_phone` ON `persons` (`phone`);--> statement-breakpoint
CREATE INDEX `persons_last_activity` ON `persons` (`last_activity_on`);--> statement-breakpoint
CREATE TABLE `relationship_kinds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label_fi` text NOT NULL,
	`label_en` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relationship_kinds_key_unique` ON `relationship_kinds` (`key`);