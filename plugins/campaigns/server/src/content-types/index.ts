import brand from './brand';
import campaign from './campaign';
import template from './template';

export default { template, brand, campaign };
