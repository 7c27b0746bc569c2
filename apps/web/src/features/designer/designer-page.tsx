import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { DesignerEditor } from './components/designer-editor.tsx';
import { useGraph, useGraphVersion } from './hooks/use-designer-data.ts';
import '@xyflow/react/dist/style.css';
import './designer.css';

/**
 * `/designer/:code/:n?`: one version of a routing in the editor. Without a number it opens the
 * open draft, else the newest published version, else the newest one.
 */
export function DesignerPage() {
  const { t } = useTranslation('designer');
  const params = useParams();
  const code = params.code ?? '';
  const graph = useGraph(code);
  const chosen =
    params.n !== undefined
      ? Number(params.n)
      : (graph.data?.draft ?? graph.data?.latestPublished ?? graph.data?.versions[0]?.number);
  const version = useGraphVersion(code, chosen);
  if (graph.error) return <ErrorState error={graph.error} onRetry={() => void graph.refetch()} />;
  if (version.error) return <ErrorState error={version.error} onRetry={() => void version.refetch()} />;
  if (!graph.data || !version.data) return <LoadingState label={t('loading')} />;
  return <DesignerEditor graph={graph.data} version={version.data} />;
}
