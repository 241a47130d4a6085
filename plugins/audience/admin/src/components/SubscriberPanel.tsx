import { Flex, Typography } from '@strapi/design-system';
import { SubscriberConsents } from './SubscriberConsents';
import { SubscriberGdprActions } from './SubscriberGdprActions';
import { SubscriberTimeline } from './SubscriberTimeline';

const SUBSCRIBER = 'plugin::audience.subscriber';

type PanelProps = { model: string; documentId?: string };

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={2} width="100%">
    <Typography variant="sigma" textColor="neutral600" tag="h3">
      {title}
    </Typography>
    {children}
  </Flex>
);

// Content Manager edit-view side panel for a saved subscriber (none while one is being created).
export const SubscriberPanel = ({ model, documentId }: PanelProps) => {
  if (model !== SUBSCRIBER || !documentId) return null;
  return {
    title: 'Subscriber',
    content: (
      <Flex direction="column" alignItems="stretch" gap={4} width="100%">
        <Section title="Activity">
          <SubscriberTimeline documentId={documentId} />
        </Section>
        <Section title="Consent">
          <SubscriberConsents documentId={documentId} />
        </Section>
        <Section title="Personal data">
          <SubscriberGdprActions documentId={documentId} />
        </Section>
      </Flex>
    ),
  };
};
