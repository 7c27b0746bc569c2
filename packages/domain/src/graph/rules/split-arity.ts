import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

/** `SPLIT_ARITY`: a parallel split needs at least two branches. */
export const splitArity: GraphRule = (index) =>
  index
    .keysOfType('split')
    .filter((key) => index.outgoing(key).length < 2)
    .map((key) =>
      graphIssue(
        'SPLIT_ARITY',
        `Split ${nodeLabel(index, key)} has ${index.outgoing(key).length} outgoing branch(es); a parallel split needs at least 2.`,
        [key],
        index.outgoing(key).map((e) => e.index),
      ),
    );
