import { z } from 'zod';

// The look every template shares, stored once (plugin::campaigns.brand) and applied at render time.
export interface Brand {
  primaryColor: string;
  backgroundColor: string;
  contentColor: string;
  textColor: string;
  fontFamily: string;
  logoUrl: string | null;
  postalAddress: string;
  senderName: string;
  senderAddress: string;
}

export const DEFAULT_BRAND: Brand = {
  primaryColor: '#2f5bea',
  backgroundColor: '#f4f5f7',
  contentColor: '#ffffff',
  textColor: '#1f2933',
  fontFamily: 'Helvetica, Arial, sans-serif',
  logoUrl: null,
  postalAddress: '',
  senderName: 'Herald',
  senderAddress: 'herald@localhost',
};

// Empty (null or '') means "use the default".
const unsetOr = (schema: z.ZodString) => z.union([schema, z.literal(''), z.null()]);
const color = (label: string) => unsetOr(z.string().regex(/^#[0-9a-fA-F]{6}$/, `${label} must be a colour like #1a2b3c`));

// The brand fields that end up in style attributes and image sources, kept to safe shapes.
export const brandInputSchema = z
  .object({
    primaryColor: color('primaryColor'),
    backgroundColor: color('backgroundColor'),
    contentColor: color('contentColor'),
    textColor: color('textColor'),
    fontFamily: unsetOr(z.string().regex(/^[\w\s,'"-]{1,200}$/, 'fontFamily may hold font names, spaces, commas, quotes and hyphens only')),
    logoUrl: unsetOr(z.string().regex(/^https?:\/\/\S+$/, 'logoUrl must be an http(s) URL')),
  })
  .partial();

// Stored values over the defaults: an unset field keeps its default.
export const brandWithDefaults = (stored: Partial<Record<keyof Brand, string | null>> | null): Brand => {
  const brand = { ...DEFAULT_BRAND };
  for (const key of Object.keys(DEFAULT_BRAND) as Array<keyof Brand>) {
    const value = stored?.[key];
    if (typeof value === 'string' && value.trim()) (brand as Record<keyof Brand, string | null>)[key] = value;
  }
  return brand;
};
