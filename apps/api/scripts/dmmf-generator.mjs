// A tiny Prisma generator that writes the schema's DMMF (models, fields with native types and
// nullability, indexes) to JSON. The generated client keeps only a trimmed data model, and the
// schema-drift test needs the full one to compare against the migrated database.
//
// Protocol (what @prisma/generator-helper implements): Prisma sends one JSON-RPC request per line
// on stdin and reads the replies, one per line, on stderr.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const reply = (id, result) => process.stderr.write(`${JSON.stringify({ jsonrpc: '2.0', id, result })}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line);
  if (request.method === 'getManifest') {
    reply(request.id, { manifest: { prettyName: 'Schema metadata (DMMF JSON)', requiresGenerators: [] } });
  } else if (request.method === 'generate') {
    const outputDir = request.params.generator.output.value;
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(join(outputDir, 'dmmf.json'), `${JSON.stringify(request.params.dmmf.datamodel, null, 1)}\n`);
    reply(request.id, null);
  }
});
