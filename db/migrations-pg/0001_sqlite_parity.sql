-- What SQLite does that the generated DDL does not say (docs/decisions/0017). Kept in step with the hand-written
-- SQL of db/migrations (0001 audit append-only, 0012 application_names); db/pg/schema-parity.test.ts checks it.

-- drizzle's SQLite dialect writes an explicit null for an omitted autoincrement id (SQLite assigns one then);
-- PostgreSQL would store the null, so a null id is taken from the table's sequence before the row is checked.
CREATE FUNCTION certdesk_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(TG_ARGV[0]::regclass);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- every table whose id is a bigserial, once; a later migration adding such a table runs this block again
DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.table_name, pg_get_serial_sequence(quote_ident(c.table_name), 'id') AS seq
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.column_default LIKE 'nextval(%'
      AND NOT EXISTS (SELECT 1 FROM information_schema.triggers g WHERE g.event_object_table = c.table_name AND g.trigger_name = c.table_name || '_fill_id')
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION certdesk_fill_id(%L)', t.table_name || '_fill_id', t.table_name, t.seq);
  END LOOP;
END $$;
--> statement-breakpoint
-- The audit trail is append-only: the database itself refuses to change or remove a row (and, unlike SQLite,
-- PostgreSQL has TRUNCATE, which skips row triggers: refused too).
CREATE FUNCTION certdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION certdesk_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION certdesk_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION certdesk_append_only();
--> statement-breakpoint
-- The company names the queue's search reads (docs/decisions/0016): every (UBN, name) pair once, kept by triggers.
INSERT INTO application_names (ubn, company_name) SELECT ubn, company_name FROM applications ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION certdesk_application_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO application_names (ubn, company_name) VALUES (NEW.ubn, NEW.company_name) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER application_names_insert AFTER INSERT ON applications FOR EACH ROW EXECUTE FUNCTION certdesk_application_names();
--> statement-breakpoint
CREATE TRIGGER application_names_update AFTER UPDATE OF ubn, company_name ON applications FOR EACH ROW EXECUTE FUNCTION certdesk_application_names();
