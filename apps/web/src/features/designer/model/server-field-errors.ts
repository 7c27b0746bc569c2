/** Messages the API gave per node field: node key → field (`name`, `standardMinutes`, …) → message. */
export type NodeFieldErrors = ReadonlyMap<string, ReadonlyMap<string, string>>;

const NODE_FIELD = /^\$\.nodes\[(\d+)\](?:\.config)?\.([A-Za-z]+)/;

/**
 * Reads the JSON paths of a refused save (`$.nodes[3].config.standardMinutes`) into the node keys
 * and fields to mark; `nodeKeys` are the keys in the order the document was sent.
 */
export function nodeFieldErrors(
  fields: readonly { name: string; message: string }[],
  nodeKeys: readonly string[],
): NodeFieldErrors {
  const byNode = new Map<string, Map<string, string>>();
  for (const { name, message } of fields) {
    const match = NODE_FIELD.exec(name);
    const key = match ? nodeKeys[Number(match[1])] : undefined;
    if (!match || key === undefined) continue;
    const fieldsOfNode = byNode.get(key) ?? new Map<string, string>();
    fieldsOfNode.set(match[2] as string, message);
    byNode.set(key, fieldsOfNode);
  }
  return byNode;
}
