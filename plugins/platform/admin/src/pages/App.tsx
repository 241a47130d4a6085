import { Box, Tabs } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { AuditLogPage } from './AuditLogPage';
import { DeliveriesPage } from './DeliveriesPage';
import { OutboxPage } from './OutboxPage';
import { OverviewPage } from './OverviewPage';
import { QueuesPage } from './QueuesPage';

const TABS = [
  { path: '', label: 'Overview' },
  { path: 'outbox', label: 'Mail outbox' },
  { path: 'webhooks', label: 'Webhook deliveries' },
  { path: 'audit', label: 'Audit log' },
  { path: 'queues', label: 'Queues' },
];

const App = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((t) => t.path && location.pathname.endsWith(`/${t.path}`))?.path ?? '';
  return (
    <Page.Main>
      <Layouts.Header title="Herald platform" subtitle="Mail outbox, outbound webhooks, audit log and queues" />
      <Layouts.Content>
        <Tabs.Root value={current} onValueChange={(value: string) => navigate(value || '.')}>
          <Tabs.List aria-label="Platform sections">
            {TABS.map((t) => (
              <Tabs.Trigger key={t.path} value={t.path}>
                {t.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={6}>
          <Routes>
            <Route index element={<OverviewPage />} />
            <Route path="outbox" element={<OutboxPage />} />
            <Route path="webhooks" element={<DeliveriesPage />} />
            <Route path="audit" element={<AuditLogPage />} />
            <Route path="queues" element={<QueuesPage />} />
          </Routes>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default App;
