CREATE TABLE `ca_issued` (
	`ca_name` text NOT NULL,
	`serial_hex` text NOT NULL,
	`profile` text NOT NULL,
	`subject_dn` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`der` blob NOT NULL,
	`issued_at` text NOT NULL,
	`revoked_at` text,
	`revocation_reason` text,
	PRIMARY KEY(`ca_name`, `serial_hex`),
	FOREIGN KEY (`ca_name`) REFERENCES `certificate_authorities`(`name`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ca_issued_revoked_idx` ON `ca_issued` (`ca_name`,`revoked_at`);--> statement-breakpoint
CREATE TABLE `certificate_authorities` (
	`name` text PRIMARY KEY NOT NULL,
	`parent_name` text,
	`subject_dn` text NOT NULL,
	`certificate` blob NOT NULL,
	`wrapped_key` text NOT NULL,
	`crl_number` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `crls` (
	`ca_name` text NOT NULL,
	`crl_number` integer NOT NULL,
	`this_update` text NOT NULL,
	`next_update` text NOT NULL,
	`der` blob NOT NULL,
	PRIMARY KEY(`ca_name`, `crl_number`),
	FOREIGN KEY (`ca_name`) REFERENCES `certificate_authorities`(`name`) ON UPDATE no action ON DELETE no action
);
