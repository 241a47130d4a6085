import lifecycles from './lifecycles';
import schema from './schema.json';

export default { schema, lifecycles };
