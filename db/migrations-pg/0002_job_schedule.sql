CREATE TABLE "job_schedule" (
	"job" text PRIMARY KEY NOT NULL,
	"due_at" text NOT NULL,
	"lease_holder" text,
	"lease_until" text
);
