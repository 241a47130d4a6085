import webhookSubscription from './webhook-subscription';

export default { 'webhook-subscription': webhookSubscription };
