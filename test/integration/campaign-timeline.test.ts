import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import type { TestHerald } from '../harness/app';
import { waitFor } from '../harness/wait';
import { addressOf, createCampaign, seedSubscribers, startCampaignHerald, waitForStatus } from './campaign-setup';

type Entry = { type: string; data: Record<string, unknown>; actor: string };

// Every campaign message reaches its recipient's activity timeline, sent or failed with the reason,
// written from the send's events after the send (and once, however often an event is delivered).
describe('campaign sends on the subscriber timeline', () => {
  let app: TestHerald;
  let fake: FakeMailgun;

  const documentIdOf = async (email: string) => {
    const s = app.strapi.plugin('audience').service('schema').subscriberTable();
    return (await app.strapi.db.connection(s.table).where(s.email, email).first())[s.documentId] as string;
  };
  const timelineOf = async (documentId: string): Promise<Entry[]> =>
    (await app.strapi.plugin('audience').service('activity').timeline(documentId, { page: 1, pageSize: 10 })).results;

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-campaign-timeline' });
    app = await startCampaignHerald(fake, { CAMPAIGN_BATCH_SIZE: '2' });
    await seedSubscribers(app, 3);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('records "sent" for each recipient and "not sent" with the reason for a refused one', async () => {
    fake.rejectAddress(addressOf(1));
    const campaignId = await createCampaign(app);
    const name = (
      (await app.strapi.documents('plugin::campaigns.campaign' as never).findOne({ documentId: campaignId } as never)) as unknown as {
        name: string;
      }
    ).name;
    await app.strapi.plugin('campaigns').service('campaign').sendNow(campaignId);
    await waitForStatus(app, campaignId, 'sent');

    const sent = await documentIdOf(addressOf(0));
    const refused = await documentIdOf(addressOf(1));
    await waitFor(async () => (await timelineOf(refused)).length > 0 && (await timelineOf(sent)).length > 0, 20_000, 'timeline entries');
    expect(await timelineOf(sent)).toEqual([
      expect.objectContaining({ type: 'email-sent', data: { campaignId, campaignName: name }, actor: 'campaigns' }),
    ]);
    expect(await timelineOf(refused)).toEqual([
      expect.objectContaining({
        type: 'email-failed',
        data: { campaignId, campaignName: name, reason: expect.stringMatching(/rejected 400/) },
      }),
    ]);

    // A redelivered event adds nothing.
    const [event] = await app.strapi.db.connection('herald_events').where({ type: 'email.failed' }).select('id');
    await app.strapi
      .plugin('audience')
      .service('activity')
      .recordOnce(String(event.id), [{ subscriberDocumentId: refused, type: 'email-failed', data: {} }]);
    expect(await timelineOf(refused)).toHaveLength(1);

    // An event arriving after its subscriber was erased leaves nothing under the old documentId.
    await app.strapi
      .plugin('audience')
      .service('activity')
      .recordOnce('987654321', [{ subscriberDocumentId: 'erasedmeanwhile000000000', type: 'email-sent', data: {} }]);
    expect(await timelineOf('erasedmeanwhile000000000')).toEqual([]);
  });

  it('writes entries of different kinds in one call in the order given, each with its own data and actor', async () => {
    const [first, second] = [await documentIdOf(addressOf(2)), await documentIdOf(addressOf(0))];
    const awkward = { note: 'it\'s "quoted", a \\ backslash, {braces} and ✓', n: 1 };
    await app.strapi
      .plugin('audience')
      .service('activity')
      .record([
        { subscriberDocumentId: first, type: 'note-a', data: awkward, actor: null },
        { subscriberDocumentId: second, type: 'note-a', data: awkward },
        { subscriberDocumentId: first, type: 'note-b', data: {}, actor: 'tester' },
        { subscriberDocumentId: first, type: 'note-a', data: { n: 2 } },
      ]);
    // Newest first: the last entry given is on top.
    expect((await timelineOf(first)).slice(0, 3)).toEqual([
      expect.objectContaining({ type: 'note-a', data: { n: 2 }, actor: null }),
      expect.objectContaining({ type: 'note-b', data: {}, actor: 'tester' }),
      expect.objectContaining({ type: 'note-a', data: awkward, actor: null }),
    ]);
    expect((await timelineOf(second))[0]).toEqual(expect.objectContaining({ type: 'note-a', data: awkward }));
  });
});
