const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Looks an order up by UUID or by code, so URLs can carry either (`/manufacturing-orders/MO-2026-0012`). */
export function byIdOrCode(idOrCode: string): { id: string } | { code: string } {
  return UUID.test(idOrCode) ? { id: idOrCode.toLowerCase() } : { code: idOrCode };
}
