export const SUBSCRIBER = 'plugin::audience.subscriber';
export const TAG = 'plugin::audience.tag';
export const FIELD_DEFINITION = 'plugin::audience.field-definition';
export const FORM = 'plugin::audience.form';
