import { brandInputSchema, brandWithDefaults, DEFAULT_BRAND } from './brand';

describe('brand', () => {
  it('keeps style values to safe shapes, and lets a field be cleared', () => {
    expect(brandInputSchema.safeParse({ primaryColor: '#112233', logoUrl: '', fontFamily: null }).success).toBe(true);
    expect(brandInputSchema.safeParse({ primaryColor: 'red;background:url(x)' }).error?.issues[0].message).toBe(
      'primaryColor must be a colour like #1a2b3c'
    );
    expect(brandInputSchema.safeParse({ fontFamily: 'Arial; } body { color: red' }).success).toBe(false);
    expect(brandInputSchema.safeParse({ logoUrl: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('fills unset fields with the defaults', () => {
    expect(brandWithDefaults({ primaryColor: '#000000', logoUrl: '', senderName: null })).toEqual({
      ...DEFAULT_BRAND,
      primaryColor: '#000000',
    });
    expect(brandWithDefaults(null)).toEqual(DEFAULT_BRAND);
  });
});
