import type { NodePresetItem } from '@atelier/contracts';
import { useMemo } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../../components/form.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useCatalogList } from '../api/catalog-queries.ts';
import { useNodeTypeLabels } from '../hooks/use-node-type-labels.ts';
import { BLANK_PRESET, presetFormSchema, presetFormToBody, presetToForm } from '../lib/preset-form.ts';
import type { PresetForm } from '../lib/preset-form.ts';
import type { CatalogSectionSpec } from './catalog-section.tsx';
import { CatalogSection } from './catalog-section.tsx';
import { CodeCell } from './code-cell.tsx';

/** A number input that may stay empty (no value for the node), unlike the kit's numeric field. */
function OptionalNumberField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { register } = useFormContext();
  return (
    <Field name={name} label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          {...register(name, { setValueAs: (value: string) => (value === '' ? undefined : Number(value)) })}
          type="number"
          min={0}
          className="field__input"
        />
      )}
    </Field>
  );
}

function PresetFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation('admin');
  const typeLabels = useNodeTypeLabels();
  const centers = useCatalogList('work-centers');
  const centerOptions = (centers.data ?? [])
    .filter((center) => center.active)
    .map((center) => ({ value: center.code, label: `${center.name} (${center.code})` }));
  return (
    <>
      <div className="admin-form__row">
        <TextField
          name="code"
          label={t('fields.code')}
          hint={t('hints.presetCode')}
          readOnly={editing}
          autoFocus={!editing}
        />
        <TextField name="name" label={t('fields.name')} />
      </div>
      <SelectField
        name="nodeType"
        label={t('fields.nodeType')}
        disabled={editing}
        options={Object.entries(typeLabels).map(([value, label]) => ({ value, label }))}
      />
      <TextField name="description" label={t('fields.description')} hint={t('hints.description')} />
      <div className="admin-form__row">
        <SelectField
          name="config.workCenter"
          label={t('fields.workCenter')}
          options={centerOptions}
          emptyLabel={t('presets.noWorkCenter')}
        />
        <OptionalNumberField name="config.standardMinutes" label={t('fields.standardMinutes')} />
      </div>
      <div className="admin-form__row">
        <OptionalNumberField name="config.minOperators" label={t('fields.minOperators')} />
        <OptionalNumberField
          name="config.maxOperators"
          label={t('fields.maxOperators')}
          hint={t('hints.maxOperators')}
        />
      </div>
    </>
  );
}

/** Node presets: the designer's palette; shipped ones are read-only, the factory's own can change. */
export function PresetsSection() {
  const { t } = useTranslation('admin');
  const typeLabels = useNodeTypeLabels();
  const f = useFormat();
  const spec = useMemo(
    (): CatalogSectionSpec<'node-presets', PresetForm> => ({
      kind: 'node-presets',
      columns: [
        {
          accessorKey: 'name',
          header: t('fields.name'),
          cell: ({ row }) => (
            <div className="admin-person">
              <span className="admin-person__name">{row.original.name}</span>
              <CodeCell code={row.original.code} />
            </div>
          ),
        },
        {
          id: 'nodeType',
          header: t('fields.nodeType'),
          accessorFn: (preset: NodePresetItem) => typeLabels[preset.nodeType],
        },
        {
          id: 'workCenter',
          header: t('fields.workCenter'),
          accessorFn: (preset: NodePresetItem) => preset.config.workCenter ?? '',
          cell: ({ getValue }) => getValue<string>() || <span className="muted">—</span>,
        },
        {
          id: 'standardMinutes',
          header: t('fields.standardMinutes'),
          accessorFn: (preset: NodePresetItem) => preset.config.standardMinutes ?? -1,
          cell: ({ row }) => row.original.config.standardMinutes ?? <span className="muted">—</span>,
        },
        {
          id: 'origin',
          header: t('fields.origin'),
          accessorFn: (preset: NodePresetItem) => (preset.builtin ? t('presets.shipped') : t('presets.own')),
        },
      ],
      searchText: (preset) => `${preset.code} ${preset.name} ${typeLabels[preset.nodeType]} ${preset.description}`,
      newLabel: t('presets.new'),
      createTitle: t('presets.new'),
      editTitle: (preset) => t('presets.edit', { name: preset.name }),
      nameOf: (preset) => preset.name,
      deactivateText: () => t('presets.deactivateText'),
      readOnly: (preset) => preset.builtin,
      deletable: (preset) => !preset.builtin,
      deleteText: () => t('presets.deleteText'),
      schema: presetFormSchema,
      blank: BLANK_PRESET,
      toForm: presetToForm,
      toBody: presetFormToBody,
      immutable: ['code', 'nodeType'],
      changeLabels: { name: t('fields.name'), description: t('fields.description'), config: t('fields.config') },
      formatChange: {
        config: (config: NodePresetItem['config']) =>
          [
            config.workCenter,
            config.standardMinutes === undefined ? undefined : f.minutes(config.standardMinutes),
            config.minOperators === undefined
              ? undefined
              : `${config.minOperators}–${config.maxOperators ?? config.minOperators}`,
          ]
            .filter(Boolean)
            .join(' · ') || '—',
      },
      Fields: PresetFields,
    }),
    [t, typeLabels, f],
  );
  return <CatalogSection spec={spec} />;
}
