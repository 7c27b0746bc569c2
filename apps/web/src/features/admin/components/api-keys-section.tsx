import { createApiKeyBodySchema, ROLES } from '@atelier/contracts';
import type { ApiKeyView } from '@atelier/contracts';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { TextField } from '../../../components/form.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { toast } from '../../../components/toast.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../api/api-key-queries.ts';
import type { CreatedApiKey } from '../api/api-key-queries.ts';
import { useRoleLabels } from '../hooks/use-role-labels.ts';
import { errorDetail } from './catalog-section.tsx';
import { EntryFormDialog } from './entry-form-dialog.tsx';
import { SecretReveal } from './secret-reveal.tsx';

const apiKeyForm = z.object({
  name: createApiKeyBodySchema.shape.name,
  role: createApiKeyBodySchema.shape.role.unwrap(),
});
type ApiKeyForm = z.infer<typeof apiKeyForm>;

/** The create form; then, in its place, the new key shown once. */
function CreateApiKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('admin');
  const roleLabels = useRoleLabels();
  const create = useCreateApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  if (created) {
    return (
      <Dialog
        open
        onOpenChange={(open) => (open ? undefined : onClose())}
        title={t('apiKeys.createdTitle', { name: created.name })}
        description={t('apiKeys.shownOnce')}
        size="wide"
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('actions.done')}
          </Button>
        }
      >
        <SecretReveal label={t('fields.apiKey')} secret={created.key} />
      </Dialog>
    );
  }
  return (
    <EntryFormDialog<ApiKeyForm>
      title={t('apiKeys.new')}
      onClose={onClose}
      schema={apiKeyForm}
      defaultValues={{ name: '', role: 'integrator' }}
      submitLabel={t('actions.create')}
      closeOnSave={false}
      onSave={async (values) => {
        const key = await create.mutateAsync(values);
        toast.success(t('apiKeys.created', { name: key.name }));
        setCreated(key);
      }}
    >
      {() => (
        <>
          <TextField name="name" label={t('fields.name')} hint={t('hints.apiKeyName')} autoFocus autoComplete="off" />
          <SelectField
            name="role"
            label={t('fields.role')}
            hint={t('hints.apiKeyRole')}
            options={ROLES.map((role) => ({ value: role, label: roleLabels[role] }))}
          />
        </>
      )}
    </EntryFormDialog>
  );
}

/** API keys for integrators: created with the secret shown once, revoked at once. */
export function ApiKeysSection() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const roleLabels = useRoleLabels();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const columns = useMemo(
    (): ColumnDef<ApiKeyView, unknown>[] => [
      { accessorKey: 'name', header: t('fields.name') },
      {
        accessorKey: 'prefix',
        header: t('fields.prefix'),
        cell: ({ getValue }) => <code className="admin-code">{getValue<string>()}…</code>,
      },
      { id: 'role', header: t('fields.role'), accessorFn: (key) => roleLabels[key.role] },
      {
        accessorKey: 'createdAt',
        header: t('fields.createdAt'),
        cell: ({ getValue }) => f.dateTime(getValue<string>()),
      },
      { id: 'createdBy', header: t('fields.createdBy'), accessorFn: (key) => key.createdBy?.displayName ?? '—' },
      {
        accessorKey: 'lastUsedAt',
        header: t('fields.lastUsed'),
        cell: ({ getValue }) => {
          const at = getValue<string | null>();
          return at ? f.relative(at) : <span className="muted">{t('apiKeys.neverUsed')}</span>;
        },
      },
      {
        id: 'status',
        header: t('fields.status'),
        accessorFn: (key) => (key.revokedAt ? 1 : 0),
        cell: ({ row }) =>
          row.original.revokedAt ? (
            <span className="admin-pill">{t('apiKeys.revokedOn', { date: f.date(row.original.revokedAt) })}</span>
          ) : (
            <span className="admin-pill admin-pill--active">{t('status.active')}</span>
          ),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('table.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) =>
          row.original.revokedAt ? null : (
            <Button variant="ghost" onClick={() => setRevoking(row.original)}>
              {t('actions.revoke')}
            </Button>
          ),
      },
    ],
    [t, f, roleLabels],
  );
  const confirmRevoke = async (key: ApiKeyView) => {
    try {
      await revoke.mutateAsync(key.id);
      toast.success(t('apiKeys.revoked', { name: key.name }));
      setRevoking(null);
    } catch (error) {
      toast.error(t('saved.failed', { name: key.name }), errorDetail(error));
    }
  };
  if (keys.isPending) return <LoadingState />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  return (
    <>
      <DataTable
        data={keys.data}
        columns={columns}
        getRowId={(key) => key.id}
        searchText={(key) => `${key.name} ${key.prefix} ${key.role} ${key.createdBy?.displayName ?? ''}`}
        searchLabel={t('table.search')}
        countLabel={(shown, total) => t('table.count', { shown, total })}
        emptyLabel={t('apiKeys.none')}
        isRowMuted={(key) => key.revokedAt !== null}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('apiKeys.new')}
          </Button>
        }
      />
      {creating ? <CreateApiKeyDialog onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? undefined : setRevoking(null))}
        title={revoking ? t('apiKeys.revokeTitle', { name: revoking.name }) : ''}
        description={t('apiKeys.revokeText')}
        confirmLabel={t('actions.revoke')}
        cancelLabel={t('actions.cancel')}
        tone="danger"
        pending={revoke.isPending}
        onConfirm={() => (revoking ? void confirmRevoke(revoking) : undefined)}
      />
    </>
  );
}
