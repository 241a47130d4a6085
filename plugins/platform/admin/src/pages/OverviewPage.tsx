import { useEffect, useState } from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { DataTable } from '../components/DataTable';

type Report = {
  status: string;
  process: string;
  checks: Record<string, { ok: boolean; latencyMs: number; error?: string }>;
  queues: Record<string, Record<string, number>>;
  workers: number;
};

const COUNTS = ['waiting', 'active', 'delayed', 'failed'] as const;

export const OverviewPage = () => {
  const { get } = useFetchClient();
  const [report, setReport] = useState<Report | null>(null);
  useEffect(() => {
    const load = () => get<Report>('/platform/overview').then((res) => setReport(res.data));
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [get]);
  if (!report) return <Typography>Loading…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Flex gap={4}>
        {Object.entries(report.checks).map(([name, check]) => (
          <Box key={name} background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            <Typography variant="sigma">{name}</Typography>
            <Box paddingTop={2}>
              <Badge>{check.ok ? `up · ${check.latencyMs} ms` : `down: ${check.error}`}</Badge>
            </Box>
          </Box>
        ))}
        <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
          <Typography variant="sigma">this process</Typography>
          <Box paddingTop={2}>
            <Badge>
              {report.process} · {report.workers} workers
            </Badge>
          </Box>
        </Box>
      </Flex>
      <DataTable
        headers={['Queue', ...COUNTS]}
        rows={Object.entries(report.queues).map(([name, counts]) => ({ key: name, cells: [name, ...COUNTS.map((c) => counts[c] ?? 0)] }))}
      />
    </Flex>
  );
};
