/** Query keys of the designer, in one factory so commands can update and invalidate them. */
export const designerKeys = {
  all: ['designer'] as const,
  graphs: () => [...designerKeys.all, 'graphs'] as const,
  graph: (code: string) => [...designerKeys.all, 'graph', code] as const,
  version: (code: string, n: number) => [...designerKeys.all, 'graph', code, 'version', n] as const,
  presets: () => [...designerKeys.all, 'presets'] as const,
  workCenters: () => [...designerKeys.all, 'work-centers'] as const,
  skills: () => [...designerKeys.all, 'skills'] as const,
};
