// Herald's own plugins: their content types are audited and their admin pages grouped.
export const HERALD_PLUGINS = ['platform', 'audience', 'segments', 'campaigns', 'tracking', 'automations', 'booking'] as const;

export const isHeraldContentType = (uid: string): boolean => HERALD_PLUGINS.some((name) => uid.startsWith(`plugin::${name}.`));
