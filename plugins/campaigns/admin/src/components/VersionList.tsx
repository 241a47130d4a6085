import { useEffect, useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { issuesOf } from './errors';

type Version = { version: number; name: string; createdAt: string };

// Every save of the template; restoring one saves it again as the newest version.
export const VersionList = ({ documentId, savedAt, onRestored }: { documentId: string; savedAt: number; onRestored(): void }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [versions, setVersions] = useState<Version[]>([]);
  useEffect(() => {
    get<{ versions: Version[] }>(`/campaigns/templates/${documentId}/versions`).then((res) => setVersions(res.data.versions));
  }, [documentId, get, savedAt]);

  const restore = async (version: number) => {
    try {
      await post(`/campaigns/templates/${documentId}/versions/${version}/restore`);
      toggleNotification({ type: 'success', message: `Version ${version} restored` });
      onRestored();
    } catch (err) {
      toggleNotification({ type: 'danger', message: issuesOf(err).message });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} aria-label="Versions" role="list">
      <Typography variant="delta" tag="h2">
        Versions
      </Typography>
      {versions.map((v, i) => (
        <Flex key={v.version} justifyContent="space-between" role="listitem">
          <Typography>
            Version {v.version} · {new Date(v.createdAt).toLocaleString()}
          </Typography>
          {i > 0 && (
            <Button variant="tertiary" size="S" onClick={() => restore(v.version)}>
              Restore version {v.version}
            </Button>
          )}
        </Flex>
      ))}
    </Flex>
  );
};
