-- How a requester's identity was confirmed, as one of a list of means (issue 22). Requests verified
-- before this kept only a free note, so they get 'other' with that note: the old "signed" tick
-- was demanded, not chosen, and stays readable as it was.
ALTER TABLE `requests` ADD `verified_means` text;--> statement-breakpoint
UPDATE `requests` SET `verified_means` = 'other' WHERE `verified_on` IS NOT NULL;
