// Route config letting through only admins who hold these RBAC actions: an action, or an action on
// a content type ([action, uid]). Super admins hold them all.
export const requireActions = (...actions: Array<string | [string, string]>) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions } }],
});
