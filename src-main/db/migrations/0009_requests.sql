CREATE TABLE `request_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`content` blob NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `request_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`told_on` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_recipients_request` ON `request_recipients` (`request_id`);--> statement-breakpoint
CREATE TABLE `request_subjects` (
	`request_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`confirmed_at` text NOT NULL,
	`confirmed_by` integer,
	PRIMARY KEY(`request_id`, `person_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_subjects_person` ON `request_subjects` (`person_id`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`language` text NOT NULL,
	`requester_name` text NOT NULL,
	`requester_contact` text NOT NULL,
	`signed` integer NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`due_on` text NOT NULL,
	`extended_to` text,
	`extension_reason` text,
	`extension_told_on` text,
	`status` text DEFAULT 'received' NOT NULL,
	`verified_on` text,
	`verified_how` text,
	`verified_by` integer,
	`details` text DEFAULT '{}' NOT NULL,
	`outcome` text,
	`refused_in_part` integer DEFAULT false NOT NULL,
	`closed_on` text,
	`closed_by` integer,
	`redacted_at` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requests_status_due` ON `requests` (`status`,`due_on`);