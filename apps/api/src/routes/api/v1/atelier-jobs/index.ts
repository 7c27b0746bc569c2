import { createAtelierJob } from '../../../../production/create-atelier-job.ts';
import { orderRoutes } from '../order-routes.ts';
import { atelierJobDetailSchema, atelierJobPageSchema, createAtelierJobBodySchema } from '@atelier/contracts';
import { getAtelierJob } from '../../../../read-models/get-atelier-job.ts';
import { listAtelierJobs } from '../../../../read-models/list-atelier-jobs.ts';

/** `/api/v1/atelier-jobs`: hand-craft jobs (hybrid ones linked to an MO) with their progress. */
export default orderRoutes({
  kind: 'atelierJob',
  schemas: { page: atelierJobPageSchema, detail: atelierJobDetailSchema, createBody: createAtelierJobBodySchema },
  docs: {
    list: {
      summary: 'List atelier jobs',
      description: 'Newest code first, with piece progress and, for hybrid jobs, the linked manufacturing order.',
    },
    get: {
      summary: 'Get an atelier job',
      description: 'By UUID or code, with live token and work-item counts per routing node.',
    },
    create: {
      summary: 'Create an atelier job',
      description:
        'A draft ATELIER job (always ATELIER: a production-type field is refused with 400); with `moId` a hybrid job linked to that manufacturing order. ' +
        'The code is generated (`AJ-<year>-<4 digits>`) when omitted.',
    },
    release: {
      summary: 'Release an atelier job',
      description:
        "Spawns one token per piece on the routing's newest published version, routed to the first work step(s), in one transaction. " +
        '409 `ORDER_ALREADY_RELEASED` unless a draft; 422 `NO_PUBLISHED_VERSION`.',
    },
  },
  list: listAtelierJobs,
  get: getAtelierJob,
  create: createAtelierJob,
});
