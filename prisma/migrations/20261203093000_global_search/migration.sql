-- The app bar's search (api/search): a few letters of a name, an email, a company, an invoice or
-- ticket number, a task's title or a journey id, anywhere in the text. Trigram indexes answer
-- `ILIKE '%…%'` without reading whole tables: each indexes the very expression the search matches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Customer_search_trgm_idx" ON "Customer" USING gin (("companyName" || ' ' || "contactName" || ' ' || "email") gin_trgm_ops);
CREATE INDEX "Journey_id_trgm_idx" ON "Journey" USING gin ("id" gin_trgm_ops);
CREATE INDEX "Task_title_trgm_idx" ON "Task" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Invoice_number_trgm_idx" ON "Invoice" USING gin ("number" gin_trgm_ops);
CREATE INDEX "SupportTicket_search_trgm_idx" ON "SupportTicket" USING gin (('T-' || "number"::text || ' ' || "subject") gin_trgm_ops);
-- The invoices of a matching customer, read by the customer (schema.prisma declares it).
CREATE INDEX "Invoice_customerId_idx" ON "Invoice"("customerId");
