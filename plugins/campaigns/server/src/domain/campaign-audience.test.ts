import { parseAudience } from './campaign-audience';

describe('campaign audience', () => {
  it('accepts all active subscribers, with exclusions', () => {
    expect(parseAudience({ all: true, exclude: { tags: ['t1', 't1'] } })).toEqual({
      ok: true,
      audience: { all: true, include: { segments: [], tags: [] }, exclude: { segments: [], tags: ['t1'] } },
    });
  });

  it('needs something to include', () => {
    expect(parseAudience({ include: { segments: [] } })).toMatchObject({ ok: false, message: expect.stringMatching(/at least one/) });
    expect(parseAudience({ include: { segments: ['s1'] } })).toMatchObject({ ok: true });
  });

  it('refuses malformed lists and a bare array', () => {
    expect(parseAudience([])).toMatchObject({ ok: false });
    expect(parseAudience({ include: { tags: [1] } })).toEqual({
      ok: false,
      message: 'audience.include.tags must be a list of documentIds',
    });
  });
});
