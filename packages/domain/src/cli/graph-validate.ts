/**
 * `pnpm --silent graph:validate FILE...` — validates routing-graph/v1 files, e.g. in CI for teams
 * that keep routings in git. Prints one JSON line per readable file:
 * `{"file": "...", "valid": bool, "issues": [...]}`. Exit code: 0 all valid (warnings allowed),
 * 1 some file invalid (schema errors included, as issues with code `SCHEMA`, the first one also on
 * stderr with its JSON path), 2 some file
 * unreadable or not JSON (one line on stderr naming it) or no file given.
 */
import { readFileSync } from 'node:fs';
import { parseGraph } from '../graph/parse-graph.ts';
import { toValidationResult, validateGraph } from '../graph/validate-graph.ts';
import type { ValidationResult } from '../graph/validate-graph.ts';

/** A schema error shaped like a graph finding, so consumers read one list of issues. */
interface SchemaIssue {
  code: 'SCHEMA';
  severity: 'error';
  message: string;
  nodeKeys: string[];
  edgeIndexes: number[];
}

type FileResult = { file: string; valid: boolean; issues: ValidationResult['issues'] | SchemaIssue[] };

/** Reads and parses one file; a string is the stderr line explaining why it could not be checked. */
function readJson(file: string): { json: unknown } | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `graph:validate: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    return `graph:validate: ${file} is not JSON: ${(error as Error).message}`;
  }
}

function check(file: string, json: unknown): FileResult {
  const parsed = parseGraph(json);
  if (!parsed.ok) {
    const issues = parsed.errors.map(({ path, message }): SchemaIssue => ({
      code: 'SCHEMA',
      severity: 'error',
      message: `${path}: ${message}`,
      nodeKeys: [],
      edgeIndexes: [],
    }));
    return { file, valid: false, issues };
  }
  return { file, ...toValidationResult(validateGraph(parsed.graph)) };
}

function main(files: readonly string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: graph:validate FILE... (routing-graph/v1 JSON files)\n');
    return 2;
  }
  let exitCode = 0;
  for (const file of files) {
    const read = readJson(file);
    if (typeof read === 'string') {
      process.stderr.write(`${read.replace(/\s+/g, ' ')}\n`);
      exitCode = 2;
      continue;
    }
    const result = check(file, read.json);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    const schemaError = result.issues.find((issue) => issue.code === 'SCHEMA');
    if (schemaError) process.stderr.write(`graph:validate: ${file} is not a routing-graph/v1 document: ${schemaError.message.replace(/\s+/g, ' ')}\n`);
    if (!result.valid && exitCode === 0) exitCode = 1;
  }
  return exitCode;
}

process.exitCode = main(process.argv.slice(2));
