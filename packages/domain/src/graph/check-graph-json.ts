import { parseGraph } from './parse-graph.ts';
import { toValidationResult, validateGraph, type ValidationResult } from './validate-graph.ts';
import type { ValidationContext } from './validation-context.ts';

/** A schema error shaped like a graph finding, so consumers read one list of issues. */
export interface SchemaIssue {
  code: 'SCHEMA';
  severity: 'error';
  /** Starts with the JSON path of the offending value, e.g. `$.nodes[3].type: …`. */
  message: string;
  nodeKeys: string[];
  edgeIndexes: number[];
}

/** The answer for an untrusted document: schema errors as `SCHEMA` issues, else the validator's findings. */
export interface GraphJsonCheck {
  valid: boolean;
  issues: ValidationResult['issues'] | SchemaIssue[];
}

/**
 * Checks untrusted JSON as a `routing-graph/v1` document. The CLI and the API's
 * `POST /graphs/validate` both answer with this, so they agree for the same document.
 */
export function checkGraphJson(json: unknown, context: ValidationContext = {}): GraphJsonCheck {
  const parsed = parseGraph(json);
  if (!parsed.ok) {
    const issues = parsed.errors.map(({ path, message }): SchemaIssue => ({
      code: 'SCHEMA',
      severity: 'error',
      message: `${path}: ${message}`,
      nodeKeys: [],
      edgeIndexes: [],
    }));
    return { valid: false, issues };
  }
  return toValidationResult(validateGraph(parsed.graph, context));
}
