import { CreateCampaignDto } from '../campaigns/campaign.dto';
import { RecordUnitFactsDto } from '../units/unit.dto';
import { FRONT_DOOR_LIMITS, inputProblems, jsonNestingExceeds, unstorableTextProblem } from './front-door';
import { nestedShapeProblems } from './validation';

const bytes = (text: string) => Buffer.from(text);

describe('the JSON nesting check (before JSON.parse)', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonNestingExceeds(bytes('{"a":[1,{"b":2}]}'), 3)).toBe(false);
    expect(jsonNestingExceeds(bytes('{"a":[1,{"b":2}]}'), 2)).toBe(true);
    expect(jsonNestingExceeds(bytes(JSON.stringify({ a: '[[[[[[{{{{{"\\' })), 1)).toBe(false);
    expect(jsonNestingExceeds(bytes('['.repeat(5000) + ']'.repeat(5000)), FRONT_DOOR_LIMITS.maxDepth)).toBe(true);
    expect(jsonNestingExceeds(bytes(JSON.stringify({ 题: '长'.repeat(10), x: [[]] })), 3)).toBe(false);
  });
});

describe('text PostgreSQL cannot store', () => {
  it('is NUL and lone surrogates, not other characters', () => {
    expect(unstorableTextProblem('a\u0000b')).toContain('NUL');
    expect(unstorableTextProblem('\ud800x')).toContain('surrogate');
    expect(unstorableTextProblem('x\udfff')).toContain('\\uDFFF');
    expect(unstorableTextProblem('😀 长 \u0001 \ufeff')).toBeNull();
  });
});

describe('the walk over a parsed body', () => {
  it('names every field path that cannot be accepted', () => {
    const body = JSON.parse('{"title":"a\\u0000","phases":[{"name":"\\ud800"}],"__proto__":{"x":1},"ok":"fine"}');
    expect(inputProblems(body, 'body')).toEqual({
      title: ['title contains a NUL character (\\u0000), which cannot be stored'],
      'phases.0.name': ['phases.0.name contains a lone UTF-16 surrogate (\\uD800), which is not a character and cannot be stored'],
      ['__proto__']: ['__proto__ is not allowed as a field name'],
    });
    expect(inputProblems({ a: { constructor: { prototype: 1 } } }, 'body')).toEqual({ 'a.constructor': ['a.constructor is not allowed as a field name'] });
    expect(inputProblems({ list: new Array(1001).fill(1) }, 'body')).toEqual({ list: ['list must have at most 1000 elements'] });
    expect(inputProblems({ text: 'x'.repeat(100_001) }, 'body')).toEqual({ text: ['text must be at most 100000 characters long'] });
    expect(inputProblems({ ok: ['长', 1, null, { b: true }] }, 'body')).toEqual({});
  });
});

describe('nested DTO fields of the wrong shape', () => {
  it('refuses an array for an object and anything but objects in an array of objects', () => {
    expect(
      nestedShapeProblems(CreateCampaignDto, {
        period: {},
        legalBasis: {},
        targets: [],
        leadingGroup: { chair: {}, viceChairs: [], members: [] },
        jurisdiction: [],
        phases: [[], 'x', { window: [], templates: [] }],
        escalationLadder: { reminderBefore: {}, escalationLadder: [[]] },
      }),
    ).toEqual({
      jurisdiction: ['jurisdiction must be an object'],
      'phases.0': ['phases.0 must be an object'],
      'phases.1': ['phases.1 must be an object'],
      'phases.2.window': ['phases.2.window must be an object'],
      'escalationLadder.escalationLadder.0': ['escalationLadder.escalationLadder.0 must be an object'],
    });
    const complete = { jurisdiction: { name: 'x' }, period: {}, legalBasis: {}, targets: [], leadingGroup: { chair: {}, viceChairs: [], members: [] } };
    expect(nestedShapeProblems(CreateCampaignDto, { ...complete, phases: { 0: {} } })).toEqual({ phases: ['phases must be an array'] });
    expect(nestedShapeProblems(CreateCampaignDto, { ...complete, phases: [{ window: {}, templates: [] }] })).toEqual({});
  });

  it('refuses a missing nested object that is not optional (class-validator lets it through)', () => {
    expect(nestedShapeProblems(RecordUnitFactsDto, { creditCode: 'x' })).toEqual({ source: ['source must be an object'] });
    expect(nestedShapeProblems(RecordUnitFactsDto, { creditCode: 'x', source: {} })).toEqual({});
  });
});
