import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { ComponentType } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { toast } from '../../../components/toast.ts';
import { codeOf } from '../api/catalog-kinds.ts';
import type { CatalogItems, CatalogKind } from '../api/catalog-kinds.ts';
import {
  useCatalogList,
  useCreateEntry,
  useDeleteEntry,
  useSetEntryActive,
  useUpdateEntry,
} from '../api/catalog-queries.ts';
import { useProblemWords } from '../hooks/use-problem-words.ts';
import { ApiError } from '../../../api/problem.ts';
import { changedBody } from '../lib/changed-body.ts';
import { describeChanges } from '../lib/describe-changes.ts';
import { EntryFormDialog } from './entry-form-dialog.tsx';
import { StatusPill } from './status-pill.tsx';

/** How one kind of master data is shown and edited; built by a `use…Section` hook (texts translated). */
export interface CatalogSectionSpec<K extends CatalogKind, V extends FieldValues> {
  kind: K;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<CatalogItems[K], any>[];
  searchText: (item: CatalogItems[K]) => string;
  /** "New skill". */
  newLabel: string;
  /** Dialog titles. */
  createTitle: string;
  editTitle: (item: CatalogItems[K]) => string;
  /** How toasts and confirmations name an item. */
  nameOf: (item: CatalogItems[K]) => string;
  /** What deactivating does, for the confirmation. */
  deactivateText: (item: CatalogItems[K]) => string;
  /** The sort a list opens with (by name for people, whose list comes in username order). */
  initialSort?: { id: string; desc: boolean }[];
  /** Items that may be deleted for good, and what deleting says (node presets of the factory). */
  deletable?: (item: CatalogItems[K]) => boolean;
  deleteText?: (item: CatalogItems[K]) => string;
  /** Items nobody may change (shipped presets). */
  readOnly?: (item: CatalogItems[K]) => boolean;
  schema: z.ZodType<V, V>;
  blank: V;
  toForm: (item: CatalogItems[K]) => V;
  /** The full body the API takes from the form's values. */
  toBody: (values: V) => Record<string, unknown>;
  /** Body fields an edit never sends (the code). */
  immutable: readonly string[];
  /** The fields a save reports when they changed, with their translated labels. */
  changeLabels: Partial<Record<keyof CatalogItems[K] & string, string>>;
  /** On-screen form of a field in the change report. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formatChange?: Partial<Record<keyof CatalogItems[K] & string, (value: any) => string>>;
  /** Changes the item does not show but the body made (a new PIN), as report lines. */
  sentChanges?: (body: Record<string, unknown>) => string[];
  Fields: ComponentType<{ form: UseFormReturn<V>; editing: boolean }>;
}

type Editing<T> = { mode: 'create' } | { mode: 'edit'; item: T };

/**
 * One master-data list of the Admin: a searchable, sortable table, a create / edit dialog and
 * deactivate / reactivate. Every save says what it changed; a refused one stays in its dialog
 * with the message beside the field the API names.
 */
export function CatalogSection<K extends CatalogKind, V extends FieldValues>({
  spec,
}: {
  spec: CatalogSectionSpec<K, V>;
}) {
  type Item = CatalogItems[K];
  const { t } = useTranslation('admin');
  const list = useCatalogList(spec.kind);
  const create = useCreateEntry(spec.kind);
  const update = useUpdateEntry(spec.kind);
  const setActive = useSetEntryActive(spec.kind);
  const [editing, setEditing] = useState<Editing<Item> | null>(null);
  const [deactivating, setDeactivating] = useState<Item | null>(null);
  const [deleting, setDeleting] = useState<Item | null>(null);
  const remove = useDeleteEntry(spec.kind);
  const words = useProblemWords();

  const reportChanges = (before: Item, after: Item, body: Record<string, unknown>) => {
    const fields = Object.keys(spec.changeLabels) as (keyof Item & string)[];
    const changes = describeChanges(before, after, fields, spec.formatChange ?? {});
    const lines = changes.map((change) =>
      t('saved.change', {
        field: spec.changeLabels[change.field] ?? change.field,
        before: change.before,
        after: change.after,
      }),
    );
    lines.push(...(spec.sentChanges?.(body) ?? []));
    toast.success(t('saved.updated', { name: spec.nameOf(after) }), lines.join(' · ') || t('saved.nothing'));
  };

  const save = async (values: V) => {
    if (editing?.mode === 'edit') {
      const body = changedBody(spec.toBody(values), spec.toBody(spec.toForm(editing.item)), spec.immutable);
      if (Object.keys(body).length === 0) {
        toast.info(t('saved.nothing'));
        return;
      }
      const after = await update.mutateAsync({ code: codeOf(spec.kind, editing.item), body });
      reportChanges(editing.item, after, body);
      return;
    }
    const created = await create.mutateAsync(spec.toBody(values));
    toast.success(t('saved.created', { name: spec.nameOf(created) }));
  };

  const toggleActive = async (item: Item, active: boolean) => {
    try {
      const after = await setActive.mutateAsync({ code: codeOf(spec.kind, item), active });
      const name = spec.nameOf(after);
      toast.success(active ? t('saved.reactivated', { name }) : t('saved.deactivated', { name }));
      setDeactivating(null);
    } catch (error) {
      toast.error(t('saved.failed', { name: spec.nameOf(item) }), errorDetail(error));
    }
  };

  const confirmDelete = async (item: Item) => {
    try {
      await remove.mutateAsync(codeOf(spec.kind, item));
      toast.success(t('saved.deleted', { name: spec.nameOf(item) }));
    } catch (error) {
      const plain = error instanceof ApiError ? words(error.problem.code) : undefined;
      toast.error(t('saved.failed', { name: spec.nameOf(item) }), plain ?? errorDetail(error));
    }
    setDeleting(null);
  };

  const columns = useMemo<typeof spec.columns>(
    () => [
      ...spec.columns,
      {
        id: 'status',
        header: t('fields.status'),
        accessorFn: (item) => (item.active ? 0 : 1),
        cell: ({ row }) => <StatusPill active={row.original.active} />,
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('table.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const item = row.original;
          if (spec.readOnly?.(item)) return <span className="muted admin-readonly">{t('status.readOnly')}</span>;
          return (
            <div className="admin-row-actions">
              <Button variant="ghost" onClick={() => setEditing({ mode: 'edit', item })}>
                {t('actions.edit')}
              </Button>
              {spec.deletable?.(item) ? (
                <Button variant="ghost" onClick={() => setDeleting(item)}>
                  {t('actions.delete')}
                </Button>
              ) : null}
              {item.active ? (
                <Button variant="ghost" onClick={() => setDeactivating(item)}>
                  {t('actions.deactivate')}
                </Button>
              ) : (
                <Button variant="ghost" onClick={() => void toggleActive(item, true)}>
                  {t('actions.reactivate')}
                </Button>
              )}
            </div>
          );
        },
      },
    ],
    // Rebuilt with the spec (its texts follow the language); the handlers only set state.
    [spec.columns, t],
  );

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const { Fields } = spec;
  return (
    <>
      <DataTable
        data={list.data}
        columns={columns}
        getRowId={(item) => codeOf(spec.kind, item)}
        searchText={spec.searchText}
        searchLabel={t('table.search')}
        countLabel={(shown, total) => t('table.count', { shown, total })}
        emptyLabel={t('table.empty')}
        isRowMuted={(item) => !item.active}
        initialSort={spec.initialSort}
        actions={
          <Button variant="primary" onClick={() => setEditing({ mode: 'create' })}>
            {spec.newLabel}
          </Button>
        }
      />
      {editing ? (
        <EntryFormDialog<V>
          title={editing.mode === 'edit' ? spec.editTitle(editing.item) : spec.createTitle}
          onClose={() => setEditing(null)}
          schema={spec.schema}
          defaultValues={(editing.mode === 'edit' ? spec.toForm(editing.item) : spec.blank) as never}
          submitLabel={editing.mode === 'edit' ? t('actions.save') : t('actions.create')}
          onSave={save}
        >
          {(form) => <Fields form={form} editing={editing.mode === 'edit'} />}
        </EntryFormDialog>
      ) : null}
      <ConfirmDialog
        open={deactivating !== null}
        onOpenChange={(open) => (open ? undefined : setDeactivating(null))}
        title={deactivating ? t('confirm.deactivateTitle', { name: spec.nameOf(deactivating) }) : ''}
        description={deactivating ? spec.deactivateText(deactivating) : ''}
        confirmLabel={t('actions.deactivate')}
        cancelLabel={t('actions.cancel')}
        tone="danger"
        pending={setActive.isPending}
        onConfirm={() => (deactivating ? void toggleActive(deactivating, false) : undefined)}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        title={deleting ? t('confirm.deleteTitle', { name: spec.nameOf(deleting) }) : ''}
        description={deleting ? (spec.deleteText?.(deleting) ?? '') : ''}
        confirmLabel={t('actions.delete')}
        cancelLabel={t('actions.cancel')}
        tone="danger"
        pending={remove.isPending}
        onConfirm={() => (deleting ? void confirmDelete(deleting) : undefined)}
      />
    </>
  );
}

/** A refusal's own words, for a toast. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
