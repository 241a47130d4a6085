// Admin RBAC actions of the audience plugin (super admins hold them all).
export const ACTIONS = {
  import: 'plugin::audience.import',
} as const;

export const ACTION_DEFINITIONS = [{ uid: 'import', displayName: 'Import subscribers from CSV' }].map((a) => ({
  ...a,
  section: 'plugins',
  pluginName: 'audience',
}));
