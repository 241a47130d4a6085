import schema from './segment/schema.json';

export default { segment: { schema } };
