import { HttpProblem } from '../plugins/http-problem.ts';

/** Only drafts change: a published version is immutable, a retired one is history (409 `VERSION_NOT_DRAFT`). */
export function assertDraft(version: { number: number; status: string }): void {
  if (version.status !== 'draft') {
    throw new HttpProblem(
      409,
      'VERSION_NOT_DRAFT',
      `Version ${version.number} is ${version.status}; only a draft can change. Create a new draft from it.`,
      {
        status: version.status,
      },
    );
  }
}

/** An `If-Match` given with a command must name the version's current revision (412 `REVISION_MISMATCH`). */
export function assertRevision(version: { number: number; revision: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== version.revision) {
    throw new HttpProblem(
      412,
      'REVISION_MISMATCH',
      `Version ${version.number} is at revision ${version.revision}, not ${expected}. Reload it first.`,
      {
        currentRevision: version.revision,
      },
    );
  }
}
