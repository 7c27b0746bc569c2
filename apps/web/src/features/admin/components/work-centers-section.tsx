import { catalogCodeSchema, catalogNameSchema, createWorkCenterSchema } from '@atelier/contracts';
import type { WorkCenter } from '@atelier/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TextField } from '../../../components/form.tsx';
import { useStations } from '../api/station-queries.ts';
import type { CatalogSectionSpec } from './catalog-section.tsx';
import { CatalogSection } from './catalog-section.tsx';
import { CodeCell } from './code-cell.tsx';

const workCenterForm = z.object({
  code: catalogCodeSchema,
  name: catalogNameSchema,
  capacity: createWorkCenterSchema.shape.capacity.unwrap(),
});
type WorkCenterForm = z.infer<typeof workCenterForm>;

function WorkCenterFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextField name="code" label={t('fields.code')} hint={t('hints.code')} readOnly={editing} autoFocus={!editing} />
      <TextField name="name" label={t('fields.name')} />
      <TextField
        name="capacity"
        type="number"
        min={0}
        max={1000}
        numeric
        label={t('fields.capacity')}
        hint={t('hints.capacity')}
      />
    </>
  );
}

/** Work centers: where steps are done, with their parallel capacity and the stations serving them. */
export function WorkCentersSection() {
  const { t } = useTranslation('admin');
  const stations = useStations();
  const stationsByCenter = useMemo(() => {
    const byCenter = new Map<string, string[]>();
    for (const station of stations.data ?? []) {
      for (const center of station.workCenters)
        byCenter.set(center.code, [...(byCenter.get(center.code) ?? []), station.name]);
    }
    return byCenter;
  }, [stations.data]);
  const spec = useMemo(
    (): CatalogSectionSpec<'work-centers', WorkCenterForm> => ({
      kind: 'work-centers',
      columns: [
        {
          accessorKey: 'code',
          header: t('fields.code'),
          cell: ({ getValue }) => <CodeCell code={getValue<string>()} />,
        },
        { accessorKey: 'name', header: t('fields.name') },
        { accessorKey: 'capacity', header: t('fields.capacity'), cell: ({ getValue }) => getValue<number>() },
        {
          id: 'stations',
          header: t('fields.stations'),
          accessorFn: (center: WorkCenter) => (stationsByCenter.get(center.code) ?? []).join(', '),
          cell: ({ getValue }) => getValue<string>() || <span className="muted">{t('workCenters.noStation')}</span>,
        },
      ],
      searchText: (center) => `${center.code} ${center.name} ${(stationsByCenter.get(center.code) ?? []).join(' ')}`,
      newLabel: t('workCenters.new'),
      createTitle: t('workCenters.new'),
      editTitle: (center) => t('workCenters.edit', { name: center.name }),
      nameOf: (center) => center.name,
      deactivateText: () => t('workCenters.deactivateText'),
      schema: workCenterForm,
      blank: { code: '', name: '', capacity: 1 },
      toForm: (center) => ({ code: center.code, name: center.name, capacity: center.capacity }),
      toBody: (values) => values,
      immutable: ['code'],
      changeLabels: { name: t('fields.name'), capacity: t('fields.capacity') },
      Fields: WorkCenterFields,
    }),
    [t, stationsByCenter],
  );
  return <CatalogSection spec={spec} />;
}
