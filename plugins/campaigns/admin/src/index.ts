export default { register: (app: { registerPlugin(p: object): void }) => app.registerPlugin({ id: 'campaigns', name: 'campaigns' }) };
