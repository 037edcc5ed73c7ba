-- Retention periods in months or years, several policies per rule (each with a stable key; the
-- existing one-per-rule policies keep their rule as key and their years as the same period), stated
-- rules Kaappi does not enforce, and orders kept as unlinked bookkeeping records after erasure.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_retention_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`kind` text DEFAULT 'enforced' NOT NULL,
	`rule` text,
	`period_amount` integer,
	`period_unit` text,
	`kind_keys` text DEFAULT '[]' NOT NULL,
	`action` text DEFAULT 'delete' NOT NULL,
	`mode` text DEFAULT 'review' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`text_fi` text,
	`text_en` text
);
--> statement-breakpoint
INSERT INTO `__new_retention_policies`("id", "key", "kind", "rule", "period_amount", "period_unit", "kind_keys", "action", "mode", "active") SELECT "id", "rule", 'enforced', "rule", "years", 'years', "kind_keys", "action", "mode", "active" FROM `retention_policies`;--> statement-breakpoint
DROP TABLE `retention_policies`;--> statement-breakpoint
ALTER TABLE `__new_retention_policies` RENAME TO `retention_policies`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `retention_policies_key_unique` ON `retention_policies` (`key`);--> statement-breakpoint
ALTER TABLE `orders` ADD `keep_until` text;--> statement-breakpoint
CREATE INDEX `orders_keep_until` ON `orders` (`keep_until`) WHERE "orders"."keep_until" IS NOT NULL;