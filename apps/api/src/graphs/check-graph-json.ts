import { parseGraph, toValidationResult, validateGraph, type ValidationContext } from '@atelier/domain';
import type { ValidationResultBody } from '../routes/api/v1/graphs/graph.schema.ts';

/**
 * Checks untrusted JSON as the `graph:validate` CLI does, so API and CLI answer alike for the same
 * document (a test compares them): schema errors become `SCHEMA` issues whose message starts with
 * the JSON path, otherwise the validator's findings.
 */
export function checkGraphJson(json: unknown, context: ValidationContext = {}): ValidationResultBody {
  const parsed = parseGraph(json);
  if (!parsed.ok) {
    return {
      valid: false,
      issues: parsed.errors.map(({ path, message }) => ({ code: 'SCHEMA', severity: 'error', message: `${path}: ${message}`, nodeKeys: [], edgeIndexes: [] })),
    };
  }
  return toValidationResult(validateGraph(parsed.graph, context));
}
