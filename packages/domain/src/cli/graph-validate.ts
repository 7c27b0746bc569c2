/**
 * `pnpm --silent graph:validate [--context FACTORY.json] FILE...` — validates routing-graph/v1 files, e.g. in CI for teams
 * that keep routings in git. Prints one JSON line per readable file:
 * `{"file": "...", "valid": bool, "issues": [...]}`. Exit code: 0 all valid (warnings allowed),
 * 1 some file invalid (schema errors included, as issues with code `SCHEMA`, the first one also on
 * stderr with its JSON path), 2 some file
 * unreadable or not JSON (one line on stderr naming it), a bad context file, or no file given.
 * With `--context`, references and warnings are checked against that factory data (SPEC §2).
 */
import { readFileSync } from 'node:fs';
import { checkGraphJson, type GraphJsonCheck } from '../graph/check-graph-json.ts';
import { toJsonPath } from '../graph/parse-graph.ts';
import { validationContextSchema } from '../graph/validation-context.ts';
import type { ValidationContext } from '../graph/validation-context.ts';

type FileResult = { file: string } & GraphJsonCheck;

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

const USAGE = 'usage: graph:validate [--context FACTORY.json] FILE... (routing-graph/v1 JSON files)';

/** Splits `--context FILE` from the routing files; a string is the stderr line for a bad invocation. */
function parseArgs(args: readonly string[]): { files: string[]; contextFile?: string } | string {
  const at = args.indexOf('--context');
  if (at === -1) return args.length > 0 ? { files: [...args] } : USAGE;
  const contextFile = args[at + 1];
  const files = args.filter((_, i) => i !== at && i !== at + 1);
  return contextFile === undefined || files.length === 0 ? USAGE : { files, contextFile };
}

function loadContext(file: string | undefined): ValidationContext | string {
  if (file === undefined) return {};
  const read = readJson(file);
  if (typeof read === 'string') return read;
  const parsed = validationContextSchema.safeParse(read.json);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  return `graph:validate: context ${file} is invalid: ${toJsonPath(first?.path ?? [])}: ${first?.message}`;
}

/** Diagnostics stay on one line each, so CI logs and scripts can grep them. Returns exit code 2. */
function warn(line: string): 2 {
  process.stderr.write(`${line.replace(/\s+/g, ' ')}\n`);
  return 2;
}

function main(args: readonly string[]): number {
  const parsedArgs = parseArgs(args);
  if (typeof parsedArgs === 'string') return warn(parsedArgs);
  const context = loadContext(parsedArgs.contextFile);
  if (typeof context === 'string') return warn(context);
  let exitCode = 0;
  for (const file of parsedArgs.files) {
    const read = readJson(file);
    if (typeof read === 'string') {
      exitCode = warn(read);
      continue;
    }
    const result: FileResult = { file, ...checkGraphJson(read.json, context) };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    const schemaError = result.issues.find((issue) => issue.code === 'SCHEMA');
    if (schemaError) warn(`graph:validate: ${file} is not a routing-graph/v1 document: ${schemaError.message}`);
    if (!result.valid && exitCode === 0) exitCode = 1;
  }
  return exitCode;
}

process.exitCode = main(process.argv.slice(2));
