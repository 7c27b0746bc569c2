import { catalogCodeSchema, catalogNameSchema } from '@atelier/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TextField } from '../../../components/form.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { useCatalogList } from '../api/catalog-queries.ts';
import type { CatalogSectionSpec } from './catalog-section.tsx';
import { CatalogSection } from './catalog-section.tsx';
import { CodeCell } from './code-cell.tsx';
import { optionalCode } from '../lib/optional-code.ts';

const teamForm = z.object({ code: catalogCodeSchema, name: catalogNameSchema, workCenter: optionalCode });
type TeamForm = z.infer<typeof teamForm>;

function TeamFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation('admin');
  const centers = useCatalogList('work-centers');
  const options = (centers.data ?? [])
    .filter((center) => center.active)
    .map((center) => ({ value: center.code, label: `${center.name} (${center.code})` }));
  return (
    <>
      <TextField name="code" label={t('fields.code')} hint={t('hints.code')} readOnly={editing} autoFocus={!editing} />
      <TextField name="name" label={t('fields.name')} />
      <SelectField
        name="workCenter"
        label={t('fields.homeWorkCenter')}
        hint={t('hints.homeWorkCenter')}
        options={options}
        emptyLabel={t('teams.noHome')}
      />
    </>
  );
}

/** Teams: groups of operators, with the work center they are at home in. */
export function TeamsSection() {
  const { t } = useTranslation('admin');
  const spec = useMemo(
    (): CatalogSectionSpec<'teams', TeamForm> => ({
      kind: 'teams',
      columns: [
        {
          accessorKey: 'code',
          header: t('fields.code'),
          cell: ({ getValue }) => <CodeCell code={getValue<string>()} />,
        },
        { accessorKey: 'name', header: t('fields.name') },
        {
          accessorKey: 'workCenter',
          header: t('fields.homeWorkCenter'),
          cell: ({ getValue }) => getValue<string | null>() ?? <span className="muted">{t('teams.noHome')}</span>,
        },
      ],
      searchText: (team) => `${team.code} ${team.name} ${team.workCenter ?? ''}`,
      newLabel: t('teams.new'),
      createTitle: t('teams.new'),
      editTitle: (team) => t('teams.edit', { name: team.name }),
      nameOf: (team) => team.name,
      deactivateText: () => t('teams.deactivateText'),
      schema: teamForm,
      blank: { code: '', name: '', workCenter: '' },
      toForm: (team) => ({ code: team.code, name: team.name, workCenter: team.workCenter ?? '' }),
      toBody: (values) => ({ ...values, workCenter: values.workCenter || null }),
      immutable: ['code'],
      changeLabels: { name: t('fields.name'), workCenter: t('fields.homeWorkCenter') },
      Fields: TeamFields,
    }),
    [t],
  );
  return <CatalogSection spec={spec} />;
}
