import { catalogCodeSchema, catalogNameSchema } from '@atelier/contracts';
import type { Skill } from '@atelier/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TextField } from '../../../components/form.tsx';
import type { CatalogSectionSpec } from './catalog-section.tsx';
import { CatalogSection } from './catalog-section.tsx';
import { CodeCell } from './code-cell.tsx';

const skillForm = z.object({ code: catalogCodeSchema, name: catalogNameSchema });
type SkillForm = z.infer<typeof skillForm>;

function SkillFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextField name="code" label={t('fields.code')} hint={t('hints.code')} readOnly={editing} autoFocus={!editing} />
      <TextField name="name" label={t('fields.name')} />
    </>
  );
}

/** Skills: what operators hold at a level and routing steps require. */
export function SkillsSection() {
  const { t } = useTranslation('admin');
  const spec = useMemo(
    (): CatalogSectionSpec<'skills', SkillForm> => ({
      kind: 'skills',
      columns: [
        {
          accessorKey: 'code',
          header: t('fields.code'),
          cell: ({ getValue }) => <CodeCell code={getValue<string>()} />,
        },
        { accessorKey: 'name', header: t('fields.name') },
      ],
      searchText: (skill: Skill) => `${skill.code} ${skill.name}`,
      newLabel: t('skills.new'),
      createTitle: t('skills.new'),
      editTitle: (skill) => t('skills.edit', { name: skill.name }),
      nameOf: (skill) => skill.name,
      deactivateText: () => t('skills.deactivateText'),
      schema: skillForm,
      blank: { code: '', name: '' },
      toForm: (skill) => ({ code: skill.code, name: skill.name }),
      toBody: (values) => values,
      immutable: ['code'],
      changeLabels: { name: t('fields.name') },
      Fields: SkillFields,
    }),
    [t],
  );
  return <CatalogSection spec={spec} />;
}
