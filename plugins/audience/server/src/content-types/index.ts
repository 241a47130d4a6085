import fieldDefinition from './field-definition';
import form from './form';
import subscriber from './subscriber';
import tag from './tag';

export default { subscriber, tag, 'field-definition': fieldDefinition, form };
