import { routingGraphSchema } from '@atelier/domain';
import type { SchemaError } from '@atelier/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { Button } from '../../components/button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { toast } from '../../components/toast.ts';
import { useFormat } from '../../i18n/format.ts';
import { createGraph, importGraph } from './api/designer-api.ts';
import { designerKeys } from './api/keys.ts';
import { CommitField } from './components/commit-field.tsx';
import { FileErrorsDialog } from './components/file-errors-dialog.tsx';
import { useGraphList } from './hooks/use-designer-data.ts';
import { readRoutingFile } from './model/routing-file.ts';
import './designer.css';

const editorPath = (code: string) => `/designer/${encodeURIComponent(code)}`;

/** `/designer`: the routings with their versions; new routing, import a file. */
export function DesignerListPage() {
  const { t } = useTranslation('designer');
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const graphs = useGraphList();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [fileErrors, setFileErrors] = useState<SchemaError[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const showProblem = (error: unknown) =>
    error instanceof ApiError ? toast.error(error.problem.title, error.problem.detail) : toast.error(String(error));

  const importing = useMutation({
    mutationFn: importGraph,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: designerKeys.all });
      toast.success(t('toast.importedGraph', { code: result.graph.code, version: result.version.number }));
      void navigate(`${editorPath(result.graph.code)}/${result.version.number}`);
    },
    onError: showProblem,
  });

  const pickFile = async (file: File) => {
    const read = readRoutingFile(await file.text());
    if (read.ok) importing.mutate(read.graph);
    else setFileErrors(read.errors);
  };

  const needle = search.trim().toLowerCase();
  const rows = (graphs.data ?? []).filter(
    (g) => !needle || g.code.toLowerCase().includes(needle) || g.name.toLowerCase().includes(needle),
  );
  return (
    <div
      className="dz-list-page"
      onDragOver={(event) => event.dataTransfer.types.includes('Files') && event.preventDefault()}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (file) {
          event.preventDefault();
          void pickFile(file);
        }
      }}
    >
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <Button onClick={() => fileInput.current?.click()} pending={importing.isPending}>
              {t('list.import')}
            </Button>
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('list.new')}
            </Button>
          </>
        }
      />
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="designer-list-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void pickFile(file);
        }}
      />
      <input
        className="dz-input dz-list-search"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder={t('list.search')}
        aria-label={t('list.search')}
      />
      {graphs.isPending ? <LoadingState /> : null}
      {graphs.error ? <ErrorState error={graphs.error} onRetry={() => void graphs.refetch()} /> : null}
      {graphs.data && rows.length === 0 ? <EmptyState title={t('list.empty')} /> : null}
      {rows.length > 0 ? (
        <table className="dz-table">
          <thead>
            <tr>
              <th>{t('list.code')}</th>
              <th>{t('list.name')}</th>
              <th>{t('list.published')}</th>
              <th>{t('list.draft')}</th>
              <th>{t('list.versions')}</th>
              <th>{t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link to={editorPath(g.code)} className="dz-table__code">
                    {g.code}
                  </Link>
                </td>
                <td>{g.name}</td>
                <td>{g.latestPublished === null ? '—' : t('list.versionNumber', { version: g.latestPublished })}</td>
                <td>
                  {g.draft === null ? (
                    '—'
                  ) : (
                    <Link to={`${editorPath(g.code)}/${g.draft}`}>{t('list.versionNumber', { version: g.draft })}</Link>
                  )}
                </td>
                <td>{format.number(g.versionCount)}</td>
                <td>{format.dateTime(g.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NewGraphDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(code) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: designerKeys.graphs() });
          void navigate(editorPath(code));
        }}
      />
      <FileErrorsDialog errors={fileErrors} onClose={() => setFileErrors(null)} />
    </div>
  );
}

function NewGraphDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (code: string) => void;
}) {
  const { t } = useTranslation('designer');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => createGraph(code, name),
    onSuccess: (graph) => onCreated(graph.code),
    onError: (error) =>
      error instanceof ApiError ? toast.error(error.problem.title, error.problem.detail) : toast.error(String(error)),
  });
  const codeError = (text: string) =>
    routingGraphSchema.shape.code.safeParse(text).success ? null : t('field.codeLength', { max: 40 });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title={t('list.newTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button
            variant="primary"
            disabled={codeError(code) !== null || !name.trim()}
            pending={create.isPending}
            onClick={() => create.mutate()}
          >
            {t('list.create')}
          </Button>
        </>
      }
    >
      <div className="dz-form">
        <CommitField commitOnChange label={t('list.code')} value={code} validate={codeError} onCommit={setCode} />
        <CommitField
          commitOnChange
          label={t('list.name')}
          value={name}
          validate={(text) => (text.trim() ? null : t('field.required'))}
          onCommit={setName}
        />
      </div>
    </Dialog>
  );
}
