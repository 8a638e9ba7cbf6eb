CREATE TABLE "scan_files" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_length" bigint NOT NULL,
	"created_at" text NOT NULL
);
