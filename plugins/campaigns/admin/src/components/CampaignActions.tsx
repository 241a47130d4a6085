import { Button, Flex } from '@strapi/design-system';
import { Clock, Cross, Duplicate, PaperPlane, Play, Stop } from '@strapi/icons';
import { allows, type Action, type Status } from './campaign';

type Props = { status: Status; busy: boolean; onAction(action: Action): void };

const BUTTONS: Array<[Action, string, React.ReactNode, 'default' | 'secondary' | 'danger-light']> = [
  ['send', 'Send now', <PaperPlane key="i" />, 'default'],
  ['schedule', 'Schedule', <Clock key="i" />, 'secondary'],
  ['pause', 'Pause', <Stop key="i" />, 'secondary'],
  ['resume', 'Resume', <Play key="i" />, 'secondary'],
  ['cancel', 'Cancel', <Cross key="i" />, 'danger-light'],
  ['duplicate', 'Duplicate', <Duplicate key="i" />, 'secondary'],
];

// The campaign's actions, each enabled only in the statuses that allow it.
export const CampaignActions = ({ status, busy, onAction }: Props) => (
  <Flex gap={2} wrap="wrap">
    {BUTTONS.map(([action, label, icon, variant]) => (
      <Button key={action} variant={variant} startIcon={icon} disabled={busy || !allows(status, action)} onClick={() => onAction(action)}>
        {label}
      </Button>
    ))}
  </Flex>
);
