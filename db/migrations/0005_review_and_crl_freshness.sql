ALTER TABLE `applications` ADD `target_serial` text;--> statement-breakpoint
ALTER TABLE `certificate_authorities` ADD `revocation_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `crls` ADD `revocation_seq` integer DEFAULT 0 NOT NULL;