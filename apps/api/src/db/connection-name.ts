import { randomUUID } from 'node:crypto';

/** A fresh `Database.connectionName`: `atelier-api/<uuid>` (within PostgreSQL's 63-byte `application_name`). */
export function newConnectionName(): string {
  return `atelier-api/${randomUUID()}`;
}

/** The URL without an `application_name` parameter (node-postgres lets the URL's win over the option). */
export function withoutApplicationName(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    // Not a URL node-postgres could read either: it reports the error when connecting.
    return databaseUrl;
  }
  if (!url.searchParams.has('application_name')) return databaseUrl;
  url.searchParams.delete('application_name');
  return url.toString();
}
