// Admin RBAC actions of the audience plugin (super admins hold them all).
export const ACTIONS = {
  import: 'plugin::audience.import',
  export: 'plugin::audience.export',
  tag: 'plugin::audience.tag-in-bulk',
  gdpr: 'plugin::audience.gdpr',
} as const;

export const ACTION_DEFINITIONS = [
  { uid: 'import', displayName: 'Import subscribers from CSV' },
  { uid: 'export', displayName: 'Export subscribers as CSV' },
  { uid: 'tag-in-bulk', displayName: 'Add or remove tags in bulk' },
  { uid: 'gdpr', displayName: "Export or erase a subscriber's data (GDPR)" },
].map((a) => ({
  ...a,
  section: 'plugins',
  pluginName: 'audience',
}));
