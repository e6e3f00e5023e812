/** The rubric editor's routes beside the merge's: each tab has its hash, and unknown tabs fall back to the start. */
import { describe, expect, it } from 'vitest';
import { RUBRIC_VIEWS, hrefFor, parseHash } from '../../renderer/router.ts';

describe('rubric editor routes', () => {
  it('round-trip every tab', () => {
    for (const view of RUBRIC_VIEWS) expect(parseHash(hrefFor({ name: 'rubrics', view }))).toEqual({ name: 'rubrics', view });
    expect(hrefFor({ name: 'rubrics', view: 'start' })).toBe('#/rubrics');
    expect(hrefFor({ name: 'rubrics', view: 'diff' })).toBe('#/rubrics/diff');
  });

  it('fall back to the start, and leave the merge routes as they were', () => {
    expect(parseHash('#/rubrics/nope')).toEqual({ name: 'rubrics', view: 'start' });
    expect(parseHash('#/merge/results')).toEqual({ name: 'merge', view: 'results' });
    expect(parseHash('#/merge')).toEqual({ name: 'merge', view: 'import' });
  });
});
