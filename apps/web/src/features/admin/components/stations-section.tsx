import { createStationBodySchema } from '@atelier/contracts';
import type { StationView } from '@atelier/contracts';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '../../../components/button.tsx';
import { CheckboxGroupField } from '../../../components/checkbox-group-field.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { TextField } from '../../../components/form.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { toast } from '../../../components/toast.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCatalogList } from '../api/catalog-queries.ts';
import { useCreateStation, useIssuePairingCode, useRevokeStation, useStations } from '../api/station-queries.ts';
import type { StationPairing } from '../api/station-queries.ts';
import { errorDetail } from './catalog-section.tsx';
import { EntryFormDialog } from './entry-form-dialog.tsx';
import { SecretReveal } from './secret-reveal.tsx';

const stationForm = z.object({
  name: createStationBodySchema.shape.name,
  workCenters: createStationBodySchema.shape.workCenters,
});
type StationForm = z.infer<typeof stationForm>;

/** A pairing code, large, with what to do with it and until when it works. */
function PairingCodeDialog({ pairing, onClose }: { pairing: StationPairing; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('stations.pairingTitle', { name: pairing.station.name })}
      description={t('stations.pairingHelp', { time: f.time(pairing.pairingCodeExpiresAt) })}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('actions.done')}
        </Button>
      }
    >
      <SecretReveal label={t('fields.pairingCode')} secret={pairing.pairingCode} large />
    </Dialog>
  );
}

function CreateStationDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (pairing: StationPairing) => void;
}) {
  const { t } = useTranslation('admin');
  const centers = useCatalogList('work-centers');
  const create = useCreateStation();
  return (
    <EntryFormDialog<StationForm>
      title={t('stations.new')}
      onClose={onClose}
      schema={stationForm}
      defaultValues={{ name: '', workCenters: [] }}
      submitLabel={t('actions.create')}
      closeOnSave={false}
      onSave={async (values) => {
        const pairing = await create.mutateAsync(values);
        toast.success(t('saved.created', { name: pairing.station.name }));
        onCreated(pairing);
      }}
    >
      {() => (
        <>
          <TextField name="name" label={t('fields.name')} hint={t('hints.stationName')} autoFocus autoComplete="off" />
          <CheckboxGroupField
            name="workCenters"
            legend={t('fields.workCenters')}
            options={(centers.data ?? [])
              .filter((center) => center.active)
              .map((center) => ({ value: center.code, label: `${center.name} (${center.code})` }))}
          />
        </>
      )}
    </EntryFormDialog>
  );
}

/** Stations: the shop-floor tablets, each paired once with a one-time code, revocable. */
export function StationsSection() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const stations = useStations();
  const issue = useIssuePairingCode();
  const revoke = useRevokeStation();
  const [creating, setCreating] = useState(false);
  const [pairing, setPairing] = useState<StationPairing | null>(null);
  const [revoking, setRevoking] = useState<StationView | null>(null);

  const newCode = async (station: StationView) => {
    try {
      setPairing(await issue.mutateAsync(station.id));
    } catch (error) {
      toast.error(t('saved.failed', { name: station.name }), errorDetail(error));
    }
  };
  const confirmRevoke = async (station: StationView) => {
    try {
      await revoke.mutateAsync(station.id);
      toast.success(t('stations.revoked', { name: station.name }));
      setRevoking(null);
    } catch (error) {
      toast.error(t('saved.failed', { name: station.name }), errorDetail(error));
    }
  };

  const columns = useMemo(
    (): ColumnDef<StationView, unknown>[] => [
      { accessorKey: 'name', header: t('fields.name') },
      {
        id: 'workCenters',
        header: t('fields.workCenters'),
        accessorFn: (station) => station.workCenters.map((center) => center.name).join(', '),
      },
      { accessorKey: 'pairedDevices', header: t('fields.pairedDevices') },
      {
        accessorKey: 'lastSeenAt',
        header: t('fields.lastSeen'),
        cell: ({ getValue }) => {
          const at = getValue<string | null>();
          return at ? f.relative(at) : <span className="muted">{t('stations.neverSeen')}</span>;
        },
      },
      {
        accessorKey: 'pairingCodeExpiresAt',
        header: t('fields.pairingCode'),
        cell: ({ getValue }) => {
          const until = getValue<string | null>();
          return until ? (
            t('stations.codeOpenUntil', { time: f.time(until) })
          ) : (
            <span className="muted">{t('stations.noCode')}</span>
          );
        },
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('table.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="admin-row-actions">
            <Button variant="ghost" onClick={() => void newCode(row.original)}>
              {t('actions.newPairingCode')}
            </Button>
            {row.original.pairedDevices > 0 ? (
              <Button variant="ghost" onClick={() => setRevoking(row.original)}>
                {t('actions.unpair')}
              </Button>
            ) : null}
          </div>
        ),
      },
    ],
    [t, f],
  );

  if (stations.isPending) return <LoadingState />;
  if (stations.isError) return <ErrorState error={stations.error} onRetry={() => void stations.refetch()} />;
  return (
    <>
      <DataTable
        data={stations.data}
        columns={columns}
        getRowId={(station) => station.id}
        searchText={(station) => `${station.name} ${station.workCenters.map((c) => `${c.code} ${c.name}`).join(' ')}`}
        searchLabel={t('table.search')}
        countLabel={(shown, total) => t('table.count', { shown, total })}
        emptyLabel={t('stations.none')}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('stations.new')}
          </Button>
        }
      />
      {creating ? (
        <CreateStationDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setPairing(created);
          }}
        />
      ) : null}
      {pairing ? <PairingCodeDialog pairing={pairing} onClose={() => setPairing(null)} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? undefined : setRevoking(null))}
        title={revoking ? t('stations.revokeTitle', { name: revoking.name }) : ''}
        description={t('stations.revokeText')}
        confirmLabel={t('actions.unpair')}
        cancelLabel={t('actions.cancel')}
        tone="danger"
        pending={revoke.isPending}
        onConfirm={() => (revoking ? void confirmRevoke(revoking) : undefined)}
      />
    </>
  );
}
