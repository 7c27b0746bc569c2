import { describe, expect, it } from 'vitest';
import { graphToDoc } from './graph-mapping.ts';
import { createLiveValidator, validateDoc } from './live-validation.ts';
import { demoRouting } from './test-graphs.ts';

describe('live validation', () => {
  it('finds nothing in the demo routing', () => {
    const result = validateDoc(graphToDoc(demoRouting()));
    expect(result.issues).toEqual([]);
    expect(result.errorCount).toBe(0);
  });

  it('maps findings to node keys and canvas edge ids, worst severity first', () => {
    const doc = graphToDoc(demoRouting());
    const cut = doc.edges.findIndex((e) => e.target === 'cut');
    const broken = { ...doc, edges: doc.edges.filter((_, i) => i !== cut) };
    const result = validateDoc(broken);
    expect(result.errorCount).toBeGreaterThan(0);
    expect(result.nodeSeverity.get('cut')).toBe('error');
    expect(result.issues.map((i) => i.code)).toContain('UNREACHABLE_NODE');
  });

  it('does not revalidate when only positions or selection change', () => {
    const validate = createLiveValidator();
    const doc = graphToDoc(demoRouting());
    const first = validate(doc);
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 1, y: 1 }, selected: true })) };
    expect(validate(moved)).toBe(first);
    const edited = { ...doc, edges: doc.edges.slice(1) };
    expect(validate(edited)).not.toBe(first);
  });
});
