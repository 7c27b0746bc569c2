import { createManufacturingOrder } from '../../../../production/create-manufacturing-order.ts';
import { orderRoutes } from '../order-routes.ts';
import { getManufacturingOrder } from '../../../../read-models/get-manufacturing-order.ts';
import { listManufacturingOrders } from '../../../../read-models/list-manufacturing-orders.ts';
import {
  createManufacturingOrderBodySchema,
  manufacturingOrderDetailSchema,
  manufacturingOrderPageSchema,
} from '@atelier/contracts';

/** `/api/v1/manufacturing-orders`: OEM batch orders with their progress. */
export default orderRoutes({
  kind: 'manufacturingOrder',
  schemas: {
    page: manufacturingOrderPageSchema,
    detail: manufacturingOrderDetailSchema,
    createBody: createManufacturingOrderBodySchema,
  },
  docs: {
    list: {
      summary: 'List manufacturing orders',
      description: 'Newest code first, with piece progress (completed / in flight / cancelled / not released).',
    },
    get: {
      summary: 'Get a manufacturing order',
      description: 'By UUID or code, with live token and work-item counts per routing node and linked atelier jobs.',
    },
    create: {
      summary: 'Create a manufacturing order',
      description:
        'A draft OEM order. An MO is always OEM: a body with a production-type field (`productionType`, `type`, …) is refused with 400. ' +
        'The code is generated (`MO-<year>-<4 digits>`) when omitted.',
    },
    release: {
      summary: 'Release a manufacturing order',
      description:
        "Spawns one token per piece (serials `<code>-001` …) on the routing's newest published version, routed to the first work step(s), in one transaction. " +
        '409 `ORDER_ALREADY_RELEASED` unless a draft; 422 `NO_PUBLISHED_VERSION`.',
    },
  },
  list: listManufacturingOrders,
  get: getManufacturingOrder,
  create: createManufacturingOrder,
});
