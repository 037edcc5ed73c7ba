-- The register keeps its own list of the keyring entries allowed to hold its key (issue 21): an
-- entry someone wrote into the keyring file by hand is not on it, and is dropped at the next unlock.
CREATE TABLE `keyring_entries` (
	`entry_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer,
	`added_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `register_info` ADD `keyring_listed_at` text;--> statement-breakpoint
ALTER TABLE `register_info` ADD `audit_head_since` text;