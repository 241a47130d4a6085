export default { register: (app: { registerPlugin(p: object): void }) => app.registerPlugin({ id: 'automations', name: 'automations' }) };
