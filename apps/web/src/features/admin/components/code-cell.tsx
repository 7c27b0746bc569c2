/** A master-data code, in the monospace face codes are typed in. */
export function CodeCell({ code }: { code: string }) {
  return <code className="admin-code">{code}</code>;
}
