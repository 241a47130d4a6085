import { useState, type ChangeEvent } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf, type ImportJob } from './api';

// Step 1: send the file; the server stores it and detects encoding and delimiter.
export const UploadStep = ({ onUploaded }: { onUploaded: (job: ImportJob) => void }) => {
  const { post } = useFetchClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
      onUploaded((await post<ImportJob>('/audience/imports', form)).data);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="flex-start" gap={4}>
        <Typography variant="delta" tag="label" htmlFor="import-file">
          Choose a CSV file
        </Typography>
        <Typography textColor="neutral600">
          The first row must name the columns. Any size works: the file is read in a background job.
        </Typography>
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,text/csv"
          onChange={(e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0] ?? null)}
        />
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Button onClick={upload} disabled={!file} loading={busy}>
          Upload and preview
        </Button>
      </Flex>
    </Box>
  );
};
