import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { HeraldEventMap } from '../../../../../types/shared/events';
import { transition, type CampaignAction, type CampaignStatus } from '../domain/campaign-status';
import { campaignStatusRepository } from '../repositories/campaign-status';

export class IllegalTransition extends Error {
  readonly status = 409;
}
export class CampaignNotFound extends Error {
  readonly status = 404;
}

type CampaignEvent = {
  [T in keyof HeraldEventMap]: T extends `campaign.${string}` ? { type: T; payload: HeraldEventMap[T] } : never;
}[keyof HeraldEventMap];
type Columns = Parameters<ReturnType<typeof campaignStatusRepository>['move']>[4];
type Match = Parameters<ReturnType<typeof campaignStatusRepository>['move']>[5];

// Moves a campaign along its status machine: checks the transition, applies it by compare-and-set
// and emits its event in the same transaction. A refused or lost race answers 409 with the reason.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const statuses = () => campaignStatusRepository(strapi.db.connection);

  return {
    async move(
      documentId: string,
      action: CampaignAction,
      columns: Columns = {},
      event?: CampaignEvent,
      match: Match = {}
    ): Promise<CampaignStatus> {
      const current = await statuses().find(documentId);
      if (!current) throw new CampaignNotFound(`no campaign ${documentId}`);
      const rule = transition(current.status, action);
      if (!rule.ok) throw new IllegalTransition(rule.reason);
      const moved = await strapi.db.connection.transaction(async (trx: Knex.Transaction) => {
        const done = await statuses().move(trx, documentId, [current.status], rule.to, columns, match);
        if (done && event) {
          await strapi
            .plugin('platform')
            .service('events')
            .emit(event.type, event.payload, { transaction: trx, subject: `campaign:${documentId}` });
        }
        return done;
      });
      if (!moved) {
        const now = (await statuses().find(documentId))?.status ?? 'deleted';
        throw new IllegalTransition(`cannot ${action} the campaign: it changed to ${now} meanwhile`);
      }
      return rule.to;
    },

    // For the pipeline: the same move, but losing the race (or a status that no longer allows it) is
    // not an error, just nothing to do.
    async tryMove(
      documentId: string,
      action: CampaignAction,
      columns: Columns = {},
      event?: CampaignEvent,
      match: Match = {}
    ): Promise<boolean> {
      try {
        await this.move(documentId, action, columns, event, match);
        return true;
      } catch (err) {
        if (err instanceof IllegalTransition) return false;
        throw err;
      }
    },
  };
};
