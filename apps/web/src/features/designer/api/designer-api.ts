import type {
  GraphDetail,
  GraphSummary,
  GraphVersion,
  NodePresetItem,
  Page,
  Skill,
  WorkCenter,
} from '@atelier/contracts';
import type { CreateNodePreset } from '@atelier/contracts';
import type { RoutingGraph } from '@atelier/domain';
import { getJson, sendCommand } from '../../../api/http-client.ts';

const graphPath = (code: string) => `/graphs/${encodeURIComponent(code)}`;
const versionPath = (code: string, n: number) => `${graphPath(code)}/versions/${n}`;

/** Every routing graph (the list is small: one per product family). */
export const fetchGraphs = (signal?: AbortSignal) =>
  getJson<Page<GraphSummary>>('/graphs', { limit: 200 }, signal).then((page) => page.items);

export const fetchGraph = (code: string, signal?: AbortSignal) =>
  getJson<GraphDetail>(graphPath(code), undefined, signal);

export const fetchVersion = (code: string, n: number, signal?: AbortSignal) =>
  getJson<GraphVersion>(versionPath(code, n), undefined, signal);

/** Creates a graph with draft v1 (the given body, or start → end). */
export const createGraph = (code: string, name: string, body?: RoutingGraph) =>
  sendCommand<GraphDetail>('POST', '/graphs', { code, name, ...(body ? { body } : {}) });

/** Imports a document: a new graph, or the next draft of a known one. */
export const importGraph = (body: RoutingGraph) =>
  sendCommand<{ created: boolean; graph: GraphSummary; version: GraphVersion }>('POST', '/graphs/import', body);

/** Saves a draft; `revision` is what it was loaded at (412 when someone saved meanwhile). */
export const saveDraft = (code: string, n: number, revision: number, body: RoutingGraph) =>
  sendCommand<GraphVersion>('PUT', versionPath(code, n), body, { headers: { 'if-match': `"${revision}"` } });

export const newDraft = (code: string, from: number) =>
  sendCommand<GraphVersion>('POST', `${graphPath(code)}/versions`, { from });

export const publishVersion = (code: string, n: number, revision: number) =>
  sendCommand<GraphVersion>('POST', `${versionPath(code, n)}/publish`, undefined, {
    headers: { 'if-match': `"${revision}"` },
  });

export const retireVersion = (code: string, n: number) =>
  sendCommand<GraphVersion>('POST', `${versionPath(code, n)}/retire`);

export const fetchPresets = (signal?: AbortSignal) =>
  getJson<Page<NodePresetItem>>('/node-presets', { limit: 200 }, signal).then((page) => page.items);

export const createPreset = (preset: CreateNodePreset) => sendCommand<NodePresetItem>('POST', '/node-presets', preset);

export const fetchWorkCenters = (signal?: AbortSignal) =>
  getJson<Page<WorkCenter>>('/work-centers', { limit: 200 }, signal).then((page) => page.items);

export const fetchSkills = (signal?: AbortSignal) =>
  getJson<Page<Skill>>('/skills', { limit: 200 }, signal).then((page) => page.items);
