CREATE TABLE `backups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`folder` text NOT NULL,
	`manifest_file` text,
	`key_version` integer NOT NULL,
	`bytes` integer,
	`verified` integer NOT NULL,
	`failure` text,
	`opened_by` text DEFAULT '[]' NOT NULL,
	`by_user_id` integer,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
