import { describe, it, expect } from 'vitest';
import { DEMO_APPLICATIONS, type Bilingual, type DemoApplication } from '../../electron/demo/applications.ts';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Every Bilingual value in an application, with a path for readable failures. */
function bilinguals(app: DemoApplication): [string, Bilingual][] {
  const out: [string, Bilingual][] = [
    ['name', app.name],
    ['organisation', app.organisation],
    ['field', app.field],
  ];
  app.members.forEach((m, i) => out.push([`members[${i}]`, m]));
  app.sections.forEach((s, i) => {
    out.push([`sections[${i}].heading`, s.heading]);
    s.paragraphs.forEach((p, j) => out.push([`sections[${i}].paragraphs[${j}]`, p]));
  });
  app.facts.forEach((f, i) => {
    out.push([`facts[${i}].label`, f.label]);
    out.push([`facts[${i}].value`, f.value]);
  });
  app.reviewNotes.strengths.forEach((s, i) => out.push([`reviewNotes.strengths[${i}]`, s]));
  app.reviewNotes.weaknesses.forEach((w, i) => out.push([`reviewNotes.weaknesses[${i}]`, w]));
  return out;
}

describe('DEMO_APPLICATIONS', () => {
  it('has four applications', () => {
    expect(DEMO_APPLICATIONS).toHaveLength(4);
  });

  it('has unique ids matching the id pattern', () => {
    const ids = DEMO_APPLICATIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });

  it('has two applications of each category', () => {
    const count = (c: DemoApplication['category']) => DEMO_APPLICATIONS.filter((a) => a.category === c).length;
    expect(count('enterprise')).toBe(2);
    expect(count('non-enterprise')).toBe(2);
  });

  it('covers a different field in each application', () => {
    const fields = DEMO_APPLICATIONS.map((a) => a.field['zh-CN']);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('has non-empty zh-CN and en text in every Bilingual', () => {
    for (const app of DEMO_APPLICATIONS) {
      for (const [path, text] of bilinguals(app)) {
        expect(Object.keys(text).sort(), `${app.id} ${path}`).toEqual(['en', 'zh-CN']);
        expect(text['zh-CN'].trim(), `${app.id} ${path} zh-CN`).not.toBe('');
        expect(text.en.trim(), `${app.id} ${path} en`).not.toBe('');
      }
    }
  });

  it('has at least six sections of at least three paragraphs each', () => {
    for (const app of DEMO_APPLICATIONS) {
      expect(app.sections.length, app.id).toBeGreaterThanOrEqual(6);
      expect(app.sections.length, app.id).toBeLessThanOrEqual(9);
      for (const s of app.sections) {
        expect(s.paragraphs.length, `${app.id} ${s.heading.en}`).toBeGreaterThanOrEqual(3);
        expect(s.paragraphs.length, `${app.id} ${s.heading.en}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it('keeps members, facts and review notes within the documented sizes', () => {
    for (const app of DEMO_APPLICATIONS) {
      expect(app.members.length, app.id).toBeGreaterThanOrEqual(6);
      expect(app.members.length, app.id).toBeLessThanOrEqual(10);
      expect(app.facts.length, app.id).toBeGreaterThanOrEqual(10);
      expect(app.facts.length, app.id).toBeLessThanOrEqual(16);
      for (const list of [app.reviewNotes.strengths, app.reviewNotes.weaknesses]) {
        expect(list.length, app.id).toBeGreaterThanOrEqual(3);
        expect(list.length, app.id).toBeLessThanOrEqual(5);
      }
    }
  });
});
