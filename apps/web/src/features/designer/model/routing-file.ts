import { parseGraph } from '@atelier/domain';
import type { RoutingGraph, SchemaError } from '@atelier/domain';

/** Result of reading a routing-graph/v1 file. */
export type ReadRoutingFile = { ok: true; graph: RoutingGraph } | { ok: false; errors: SchemaError[] };

/**
 * Reads the text of a dropped or picked file: broken JSON is one error at `$`, anything the format
 * refuses (unknown fields included) comes back with its JSON path. Never throws.
 */
export function readRoutingFile(text: string): ReadRoutingFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: error instanceof Error ? error.message : String(error) }] };
  }
  return parseGraph(json);
}

/** The file an export writes: the document, two-space indented, newline at the end. */
export function writeRoutingFile(graph: RoutingGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

/** File name of an export, e.g. `TOTE-01-v3.json`. */
export function routingFileName(code: string, version: number | null): string {
  return `${code}${version === null ? '' : `-v${version}`}.json`.replace(/[^A-Za-z0-9_.-]/g, '_');
}
