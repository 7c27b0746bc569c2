import { validateGraph } from '@atelier/domain';
import type { CatalogContext } from '../catalog/catalog-context.ts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { GraphVersion, ValidationResultBody } from '@atelier/contracts';
import { graphEvent, lockGraph } from './graph-command.ts';
import { findVersion, toGraphVersion, versionBody } from './graph-read-model.ts';
import { loadValidationContext } from './load-validation-context.ts';
import { assertDraft, assertRevision } from './version-preconditions.ts';

/**
 * Publishes a draft once it validates against this factory (work centers, skills, operators,
 * presets): any error refuses it with a 422 `GRAPH_INVALID` carrying the issues, and nothing
 * changes. Warnings do not block; they come back with the published version. Earlier published
 * versions stay published: tokens pinned to them keep running, and new releases take the newest.
 */
export async function publishGraphVersion(
  context: CatalogContext,
  idOrCode: string,
  number: number,
  expectedRevision?: number,
): Promise<GraphVersion & { issues: ValidationResultBody['issues'] }> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const graph = await lockGraph(tx, idOrCode);
    const version = await findVersion(tx, graph, number);
    assertDraft(version);
    assertRevision(version, expectedRevision);
    const issues = validateGraph(versionBody(version), await loadValidationContext(tx));
    const errors = issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      const codes = [...new Set(errors.map((issue) => issue.code))].join(', ');
      throw new HttpProblem(
        422,
        'GRAPH_INVALID',
        `Version ${number} has ${errors.length} validation error(s) (${codes}); fix them before publishing.`,
        {
          valid: false,
          issues,
        },
      );
    }
    await tx.graphVersion.update({
      where: { id: version.id },
      data: { status: 'published', publishedAt: new Date() },
      select: { id: true },
    });
    const published = await findVersion(tx, graph, number);
    return {
      result: { ...toGraphVersion(published, graph.code), issues },
      events: [graphEvent(actor, 'graph_version.published', graph, published, { warnings: issues.length })],
    };
  });
}
