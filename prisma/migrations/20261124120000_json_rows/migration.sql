-- The elements of a JSON array, for statements that take their rows as one JSON document (the
-- piece store's step statement). The planner takes any set-returning function for 100 rows, so
-- for the usual one or two rows it would seq-scan the target table and hash-join; declared here
-- as about one row (PL/pgSQL, so it is not inlined and the estimate holds), it looks rows up by
-- their index instead.

CREATE FUNCTION "json_rows"(doc jsonb) RETURNS SETOF jsonb LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE ROWS 1 AS $$
BEGIN
  RETURN QUERY SELECT jsonb_array_elements(COALESCE(doc, '[]'::jsonb));
END
$$;
