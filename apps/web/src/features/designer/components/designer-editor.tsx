import type { GraphDetail, GraphVersion } from '@atelier/contracts';
import type { GraphIssue } from '@atelier/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate } from 'react-router';
import { ApiError } from '../../../api/problem.ts';
import { problemFields } from '../../../lib/problem-fields.ts';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { toast } from '../../../components/toast.ts';
import {
  createGraph,
  createPreset,
  fetchVersion,
  newDraft,
  publishVersion,
  retireVersion,
  saveDraft,
} from '../api/designer-api.ts';
import { designerKeys } from '../api/keys.ts';
import {
  DesignerProvider,
  useDesigner,
  useDesignerStore,
  useHistory,
  useValidation,
} from '../hooks/designer-context.tsx';
import { useMasterData, useValidationContext } from '../hooks/use-designer-data.ts';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts.ts';
import type { Clip } from '../model/clipboard.ts';
import { docToGraph, graphToDoc, sameDoc } from '../model/graph-mapping.ts';
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from '../model/local-draft.ts';
import { readRoutingFile, routingFileName, writeRoutingFile } from '../model/routing-file.ts';
import { nodeFieldErrors } from '../model/server-field-errors.ts';
import type { NodeFieldErrors } from '../model/server-field-errors.ts';
import type { SchemaError } from '@atelier/domain';
import type { DesignerDoc, DesignerNode } from '../model/types.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { DesignerCanvas } from './designer-canvas.tsx';
import { FileErrorsDialog } from './file-errors-dialog.tsx';
import { IssuesPanel } from './issues-panel.tsx';
import { PresetPalette } from './preset-palette.tsx';
import { PropertiesPanel } from './properties-panel.tsx';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import { VersionPicker } from './version-picker.tsx';

const LOCAL_SAVE_DELAY_MS = 400;

/** Props of {@link DesignerEditor}. */
export interface DesignerEditorProps {
  graph: GraphDetail;
  version: GraphVersion;
}

/** The editor of one version: palette, canvas, properties and issues, with its commands. */
export function DesignerEditor(props: DesignerEditorProps) {
  const context = useValidationContext();
  return (
    <ReactFlowProvider>
      <DesignerProvider context={context}>
        <Editor key={`${props.version.graphId}-${props.version.number}`} {...props} />
      </DesignerProvider>
    </ReactFlowProvider>
  );
}

function Editor({ graph, version }: DesignerEditorProps) {
  const { t } = useTranslation('designer');
  const store = useDesignerStore();
  const history = useHistory();
  const flow = useReactFlow();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { workCenters, skills } = useMasterData();
  const code = graph.code;
  const n = version.number;
  const editable = version.status === 'draft';
  const [revision, setRevision] = useState(version.revision);
  const [saved, setSaved] = useState<DesignerDoc | null>(null);
  const [restored, setRestored] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [confirm, setConfirm] = useState<'publish' | 'retire' | null>(null);
  const [help, setHelp] = useState(false);
  const [fileErrors, setFileErrors] = useState<SchemaError[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<NodeFieldErrors>(new Map());
  const clip = useRef<Clip | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { errorCount, warningCount } = useValidation((s) => ({
    errorCount: s.errorCount,
    warningCount: s.warningCount,
  }));
  const dirty = useDesigner((s) => saved !== null && !sameDoc(s, saved));

  // Open the version: the server's body, or the edits this browser kept of it.
  useEffect(() => {
    const serverDoc = graphToDoc(version.body);
    const local = editable ? readLocalDraft(localStorage, code, n) : null;
    store.getState().load(serverDoc, { readOnly: !editable });
    setSaved(store.getState());
    if (local) {
      store.getState().replace(graphToDoc(local.graph));
      setRevision(local.revision);
      setRestored(true);
    }
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15 }));
  }, [store, version, editable, code, n, flow]);

  // Keep unsaved edits in the browser, so a crash, a conflict or a closed tab loses nothing.
  useEffect(() => {
    if (!editable || saved === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (sameDoc(state, saved)) clearLocalDraft(localStorage, code, n);
        else
          writeLocalDraft(localStorage, code, n, {
            revision,
            graph: docToGraph(state),
            savedAt: new Date().toISOString(),
          });
      }, LOCAL_SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, editable, saved, code, n, revision]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  const refresh = () => void queryClient.invalidateQueries({ queryKey: designerKeys.graph(code) });
  const showProblem = (error: unknown) =>
    error instanceof ApiError
      ? toast.error(error.problem.title, error.problem.detail)
      : toast.error(t('errors.unexpected'), String(error));

  const save = useMutation({
    mutationFn: async () => {
      const doc = { ...store.getState() };
      const answer = await saveDraft(code, n, revision, docToGraph(doc));
      return { answer, doc };
    },
    onSuccess: ({ answer, doc }) => {
      setFieldErrors(new Map());
      setRevision(answer.revision);
      setSaved(doc);
      setRestored(false);
      if (sameDoc(store.getState(), doc)) clearLocalDraft(localStorage, code, n);
      queryClient.setQueryData(designerKeys.version(code, n), answer);
      refresh();
      toast.success(t('toast.saved', { version: n }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.problem.status === 412) return setConflict(true);
      showProblem(error);
      // Mark the refused fields and select their steps, so the designer sees where.
      const refused = nodeFieldErrors(
        problemFields(error),
        store.getState().nodes.map((node) => node.id),
      );
      setFieldErrors(refused);
      if (refused.size > 0) store.getState().select([...refused.keys()], []);
    },
  });

  const publish = useMutation({
    mutationFn: async () => {
      let current = revision;
      if (dirty) current = (await save.mutateAsync()).answer.revision;
      return publishVersion(code, n, current);
    },
    onSuccess: async () => {
      setConfirm(null);
      toast.success(t('toast.published', { version: n }));
      await queryClient.invalidateQueries({ queryKey: designerKeys.version(code, n) });
      refresh();
    },
    onError: (error) => {
      setConfirm(null);
      if (!(error instanceof ApiError && error.problem.status === 412)) showProblem(error);
    },
  });

  const retire = useMutation({
    mutationFn: () => retireVersion(code, n),
    onSuccess: async () => {
      setConfirm(null);
      toast.success(t('toast.retired', { version: n }));
      await queryClient.invalidateQueries({ queryKey: designerKeys.version(code, n) });
      refresh();
    },
    onError: (error) => {
      setConfirm(null);
      showProblem(error);
    },
  });

  const draftFrom = useMutation({
    mutationFn: () => newDraft(code, n),
    onSuccess: (draft) => {
      refresh();
      void navigate(`/designer/${encodeURIComponent(code)}/${draft.number}`);
    },
    onError: showProblem,
  });

  const saveAsCopy = useMutation({
    mutationFn: (copy: { code: string; name: string }) =>
      createGraph(copy.code, copy.name, { ...docToGraph(store.getState()), code: copy.code, name: copy.name }),
    onSuccess: (created) => {
      clearLocalDraft(localStorage, code, n);
      setSaved({ ...store.getState() });
      setConflict(false);
      void queryClient.invalidateQueries({ queryKey: designerKeys.graphs() });
      toast.success(t('toast.copied', { code: created.code }));
      void navigate(`/designer/${encodeURIComponent(created.code)}`);
    },
    onError: showProblem,
  });

  const savePreset = useMutation({
    mutationFn: (node: DesignerNode) => {
      const { preset: _preset, ...config } = node.data.config ?? {};
      const base =
        node.data.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'step';
      return createPreset({
        code: `${base}-${Date.now().toString(36)}`,
        name: node.data.name,
        nodeType: node.type ?? 'operation',
        config,
        description: '',
      });
    },
    onSuccess: (preset) => {
      void queryClient.invalidateQueries({ queryKey: designerKeys.presets() });
      toast.success(t('toast.presetSaved', { name: preset.name }));
    },
    onError: showProblem,
  });

  const showIssue = useCallback(
    (issue: GraphIssue) => {
      const edgeIds = store
        .getState()
        .edges.filter((_, i) => issue.edgeIndexes.includes(i))
        .map((e) => e.id);
      const edgeEnds = store
        .getState()
        .edges.filter((e) => edgeIds.includes(e.id))
        .flatMap((e) => [e.source, e.target]);
      // The named steps are selected (so their properties open); edges only when no step is named.
      store.getState().select(issue.nodeKeys, issue.nodeKeys.length > 0 ? [] : edgeIds);
      const focus = [...new Set([...issue.nodeKeys, ...edgeEnds])].map((id) => ({ id }));
      if (focus.length > 0) void flow.fitView({ nodes: focus, duration: 300, maxZoom: 1.2, padding: 0.3 });
    },
    [flow, store],
  );

  const exportFile = () => {
    const blob = new Blob([writeRoutingFile(docToGraph(store.getState()))], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = routingFileName(code, n);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const importFile = async (file: File) => {
    const read = readRoutingFile(await file.text());
    if (!read.ok) {
      setFileErrors(read.errors);
      return;
    }
    store.getState().replace(graphToDoc({ ...read.graph, code }));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15 }));
    toast.success(t('toast.imported', { file: file.name }));
  };

  const layout = () => {
    if (!editable) return;
    void store
      .getState()
      .layout()
      .then(() => requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 300 })));
  };

  useKeyboardShortcuts({
    undo: () => editable && history.undo(),
    redo: () => editable && history.redo(),
    copy: () => {
      clip.current = store.getState().copy();
    },
    paste: () => editable && clip.current && store.getState().paste(clip.current),
    duplicate: () => editable && store.getState().duplicateSelection(),
    save: () => editable && dirty && !save.isPending && save.mutate(),
    layout,
    fit: () => void flow.fitView({ padding: 0.15, duration: 300 }),
    help: () => setHelp(true),
    selectAll: () =>
      store.getState().select(
        store.getState().nodes.map((node) => node.id),
        [],
      ),
  });

  const statusLabel =
    version.status === 'draft'
      ? t('status.draft')
      : version.status === 'published'
        ? t('status.published')
        : t('status.retired');

  return (
    <div className="dz-editor">
      <header className="dz-toolbar">
        <div className="dz-toolbar__title">
          <Button variant="ghost" onClick={() => void navigate('/designer')}>
            {t('toolbar.back')}
          </Button>
          <h1 className="dz-toolbar__name">{graph.name}</h1>
          <span className="dz-toolbar__code">{code}</span>
          <VersionPicker
            graph={graph}
            current={n}
            onPick={(next) => void navigate(`/designer/${encodeURIComponent(code)}/${next}`)}
          />
          <span className={`dz-status dz-status--${version.status}`}>{statusLabel}</span>
          {dirty ? <span className="dz-unsaved">{t('toolbar.unsaved')}</span> : null}
        </div>
        <div className="dz-toolbar__actions">
          {editable ? (
            <>
              <Button onClick={history.undo} disabled={!history.canUndo} aria-keyshortcuts="Control+Z">
                {t('toolbar.undo')}
              </Button>
              <Button onClick={history.redo} disabled={!history.canRedo} aria-keyshortcuts="Control+Shift+Z">
                {t('toolbar.redo')}
              </Button>
              <Button onClick={layout}>{t('toolbar.layout')}</Button>
            </>
          ) : null}
          <Button onClick={() => void flow.fitView({ padding: 0.15, duration: 300 })}>{t('toolbar.fit')}</Button>
          <Button onClick={() => setHelp(true)} aria-label={t('toolbar.shortcuts')}>
            ?
          </Button>
          {editable ? <Button onClick={() => fileInput.current?.click()}>{t('toolbar.import')}</Button> : null}
          <Button onClick={exportFile}>{t('toolbar.export')}</Button>
          {editable ? (
            <>
              <Button onClick={() => save.mutate()} disabled={!dirty} pending={save.isPending}>
                {t('toolbar.save')}
              </Button>
              <Button
                variant="primary"
                onClick={() => setConfirm('publish')}
                disabled={errorCount > 0}
                title={errorCount > 0 ? t('toolbar.publishBlocked', { count: errorCount }) : undefined}
              >
                {errorCount > 0 ? t('toolbar.publishBlocked', { count: errorCount }) : t('toolbar.publish')}
              </Button>
            </>
          ) : (
            <Button variant="primary" onClick={() => draftFrom.mutate()} pending={draftFrom.isPending}>
              {t('toolbar.newDraft')}
            </Button>
          )}
          {version.status !== 'retired' ? (
            <Button variant="ghost" onClick={() => setConfirm('retire')}>
              {version.status === 'draft' ? t('toolbar.abandon') : t('toolbar.retire')}
            </Button>
          ) : null}
        </div>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="designer-import-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </header>
      {restored ? (
        <div className="dz-banner" role="status">
          {t('banner.restored')}
          <Button
            variant="ghost"
            onClick={() => {
              clearLocalDraft(localStorage, code, n);
              store.getState().load(graphToDoc(version.body));
              setSaved(store.getState());
              setRevision(version.revision);
              setRestored(false);
            }}
          >
            {t('banner.discard')}
          </Button>
        </div>
      ) : null}
      {!editable ? (
        <div className="dz-banner" role="status">
          {t('banner.readOnly')}
        </div>
      ) : null}
      <div className="dz-workspace">
        <PresetPalette />
        <DesignerCanvas />
        <div className="dz-side">
          <PropertiesPanel
            workCenters={workCenters}
            skills={skills}
            onSaveAsPreset={editable ? (node) => savePreset.mutate(node) : undefined}
            fieldErrors={fieldErrors}
          />
          <IssuesPanel onShow={showIssue} />
        </div>
      </div>
      <ShortcutsDialog open={help} onOpenChange={setHelp} />
      <FileErrorsDialog errors={fileErrors} onClose={() => setFileErrors(null)} />
      <ConflictDialog
        open={conflict}
        code={code}
        name={graph.name}
        pending={saveAsCopy.isPending}
        onKeepEditing={() => setConflict(false)}
        onReload={async () => {
          clearLocalDraft(localStorage, code, n);
          setConflict(false);
          setRestored(false);
          // Fetched and loaded here: an unchanged answer would keep its cached object and not reload the canvas.
          const fresh = await queryClient.fetchQuery({
            queryKey: designerKeys.version(code, n),
            queryFn: ({ signal }) => fetchVersion(code, n, signal),
            staleTime: 0,
          });
          store.getState().load(graphToDoc(fresh.body));
          setSaved(store.getState());
          setRevision(fresh.revision);
        }}
        onSaveCopy={(copy) => saveAsCopy.mutate(copy)}
      />
      <ConfirmDialog
        open={confirm === 'publish'}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={t('publish.title', { version: n })}
        description={warningCount > 0 ? t('publish.withWarnings', { count: warningCount }) : t('publish.clean')}
        confirmLabel={t('toolbar.publish')}
        pending={publish.isPending}
        onConfirm={() => publish.mutate()}
      />
      <ConfirmDialog
        open={confirm === 'retire'}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={
          version.status === 'draft' ? t('retire.abandonTitle', { version: n }) : t('retire.title', { version: n })
        }
        description={version.status === 'draft' ? t('retire.abandonDescription') : t('retire.description')}
        confirmLabel={version.status === 'draft' ? t('toolbar.abandon') : t('toolbar.retire')}
        tone="danger"
        pending={retire.isPending}
        onConfirm={() => retire.mutate()}
      />
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        onOpenChange={(open) => !open && blocker.reset?.()}
        title={t('leave.title')}
        description={t('leave.description')}
        confirmLabel={t('leave.confirm')}
        cancelLabel={t('leave.stay')}
        onConfirm={() => blocker.proceed?.()}
      />
    </div>
  );
}
