import { DEFAULT_PRESETS } from '@atelier/domain';
import type { NodePreset, ValidationContext } from '@atelier/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  fetchGraph,
  fetchGraphs,
  fetchPresets,
  fetchSkills,
  fetchVersion,
  fetchWorkCenters,
} from '../api/designer-api.ts';
import { designerKeys } from '../api/keys.ts';

const MASTER_DATA_STALE_MS = 5 * 60_000;

/** Every routing graph. */
export function useGraphList() {
  return useQuery({ queryKey: designerKeys.graphs(), queryFn: ({ signal }) => fetchGraphs(signal) });
}

/** One graph with its versions. */
export function useGraph(code: string) {
  return useQuery({ queryKey: designerKeys.graph(code), queryFn: ({ signal }) => fetchGraph(code, signal) });
}

/** One version with its body; never refetched behind the designer's back (it would reset the canvas). */
export function useGraphVersion(code: string, n: number | undefined) {
  return useQuery({
    queryKey: designerKeys.version(code, n ?? 0),
    queryFn: ({ signal }) => fetchVersion(code, n ?? 0, signal),
    enabled: n !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** The palette: active presets from the API (shipped ones included), the shipped list while loading. */
export function usePresets(): readonly NodePreset[] {
  const { data } = useQuery({
    queryKey: designerKeys.presets(),
    queryFn: ({ signal }) => fetchPresets(signal),
    staleTime: MASTER_DATA_STALE_MS,
  });
  return useMemo(
    () =>
      data
        ? data
            .filter((p) => p.active)
            .map((p) => ({
              code: p.code,
              name: p.name,
              nodeType: p.nodeType,
              config: p.config,
              description: p.description,
            }))
        : DEFAULT_PRESETS,
    [data],
  );
}

/** Presets by code, for drops. */
export function usePresetByCode(): ReadonlyMap<string, NodePreset> {
  const presets = usePresets();
  return useMemo(() => new Map(presets.map((p) => [p.code, p])), [presets]);
}

/** Work centers and skills for the pickers. */
export function useMasterData() {
  const workCenters = useQuery({
    queryKey: designerKeys.workCenters(),
    queryFn: ({ signal }) => fetchWorkCenters(signal),
    staleTime: MASTER_DATA_STALE_MS,
  });
  const skills = useQuery({
    queryKey: designerKeys.skills(),
    queryFn: ({ signal }) => fetchSkills(signal),
    staleTime: MASTER_DATA_STALE_MS,
  });
  return { workCenters: workCenters.data ?? [], skills: skills.data ?? [] };
}

/**
 * What the live validation checks references against: the factory's work centers, skills and
 * presets, once they are loaded (before that, references are not checked rather than all wrong).
 */
export function useValidationContext(): ValidationContext {
  const { workCenters, skills } = useMasterData();
  const presets = usePresets();
  return useMemo(() => {
    if (workCenters.length === 0 || skills.length === 0) return {};
    return {
      workCenters: workCenters.filter((w) => w.active).map((w) => ({ code: w.code, capacity: w.capacity })),
      skills: skills.filter((s) => s.active).map((s) => s.code),
      presetCodes: presets.map((p) => p.code),
    };
  }, [workCenters, skills, presets]);
}
