-- Each node of a graph version as a row, kept by a trigger from graph_versions.body: work-item
-- reads (a station's queue, a command's check of skills and team) look a step's node up by key
-- through the primary key instead of unpacking the whole graph JSON for every work item.

-- CreateTable
CREATE TABLE "graph_version_nodes" (
    "graph_version_id" UUID NOT NULL,
    "node_key" TEXT NOT NULL,
    "body" JSONB NOT NULL,

    CONSTRAINT "graph_version_nodes_pkey" PRIMARY KEY ("graph_version_id","node_key")
);

-- AddForeignKey
ALTER TABLE "graph_version_nodes" ADD CONSTRAINT "graph_version_nodes_graph_version_id_fkey" FOREIGN KEY ("graph_version_id") REFERENCES "graph_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "sync_graph_version_nodes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "graph_version_nodes" WHERE "graph_version_id" = NEW."id";
  -- A draft may hold a node without a key or a duplicate key (validation reports it): the first wins.
  INSERT INTO "graph_version_nodes" ("graph_version_id", "node_key", "body")
  SELECT NEW."id", n->>'key', n FROM jsonb_array_elements(COALESCE(NEW."body"->'nodes', '[]'::jsonb)) n
   WHERE jsonb_typeof(NEW."body"->'nodes') = 'array' AND n->>'key' IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "graph_versions_sync_nodes" AFTER INSERT OR UPDATE OF "body" ON "graph_versions"
  FOR EACH ROW EXECUTE FUNCTION "sync_graph_version_nodes"();

-- Backfill.
INSERT INTO "graph_version_nodes" ("graph_version_id", "node_key", "body")
SELECT gv."id", n->>'key', n FROM "graph_versions" gv, jsonb_array_elements(gv."body"->'nodes') n
 WHERE jsonb_typeof(gv."body"->'nodes') = 'array' AND n->>'key' IS NOT NULL
ON CONFLICT DO NOTHING;
