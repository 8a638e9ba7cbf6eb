CREATE TABLE `login_challenges` (
	`nonce` text PRIMARY KEY NOT NULL,
	`audience` text NOT NULL,
	`issued_at` text NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE INDEX `login_challenges_issued_idx` ON `login_challenges` (`issued_at`);