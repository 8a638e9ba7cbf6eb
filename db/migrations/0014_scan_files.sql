CREATE TABLE `scan_files` (
	`storage_key` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`byte_length` integer NOT NULL,
	`created_at` text NOT NULL
);
