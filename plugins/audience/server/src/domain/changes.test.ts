import { describeChange, type SubscriberSnapshot } from './changes';

const ada: SubscriberSnapshot = {
  documentId: 'ada',
  email: 'ada@x.test',
  status: 'unconfirmed',
  source: 'api',
  fields: { plan: 'free' },
  tagIds: [1],
};

describe('describeChange', () => {
  it('describes a creation, with its tags', () => {
    const { events, timeline } = describeChange(null, ada);
    expect(events).toEqual([
      {
        type: 'subscriber.created',
        payload: { subscriberId: 'ada', email: 'ada@x.test', source: 'api', tags: ['1'] },
        subject: 'subscriber:ada',
      },
    ]);
    expect(timeline).toEqual([{ type: 'created', data: { source: 'api', status: 'unconfirmed', tagIds: [1] } }]);
  });

  it('describes an update: changed properties, confirmation, tags in and out', () => {
    const after = { ...ada, status: 'active', fields: { plan: 'pro' }, tagIds: [2] };
    expect(describeChange(ada, after).events.map((e) => [e.type, e.payload])).toEqual([
      ['subscriber.updated', { subscriberId: 'ada', changed: ['status', 'fields.plan'] }],
      ['subscriber.confirmed', { subscriberId: 'ada' }],
      ['subscriber.tagged', { subscriberId: 'ada', tags: ['2'] }],
      ['subscriber.untagged', { subscriberId: 'ada', tags: ['1'] }],
    ]);
    expect(describeChange(ada, { ...ada, status: 'unsubscribed' }).events.map((e) => e.type)).toEqual([
      'subscriber.updated',
      'subscriber.unsubscribed',
    ]);
  });

  it('describes nothing for no change, and no timeline for a deletion', () => {
    expect(describeChange(ada, { ...ada })).toEqual({ events: [], timeline: [] });
    expect(describeChange(ada, null)).toEqual({ events: [], timeline: [] });
  });
});
