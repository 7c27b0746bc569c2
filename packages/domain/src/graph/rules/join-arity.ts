import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

/** `JOIN_ARITY`: a join merges at least two incoming branches. */
export const joinArity: GraphRule = (index) =>
  index
    .keysOfType('join')
    .filter((key) => index.incoming(key).length < 2)
    .map((key) =>
      graphIssue(
        'JOIN_ARITY',
        `Join ${nodeLabel(index, key)} has ${index.incoming(key).length} incoming branch(es); a join merges at least 2.`,
        [key],
        index.incoming(key).map((e) => e.index),
      ),
    );
