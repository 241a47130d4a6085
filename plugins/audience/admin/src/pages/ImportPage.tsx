import { useState } from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { MappingStep } from '../components/MappingStep';
import { ProgressStep } from '../components/ProgressStep';
import { UploadStep } from '../components/UploadStep';
import type { ImportJob } from '../components/api';

// The import wizard: upload -> preview and map -> progress (with the error report at the end).
const ImportPage = () => {
  const [uploaded, setUploaded] = useState<ImportJob | null>(null);
  const [started, setStarted] = useState<ImportJob | null>(null);
  return (
    <Page.Main>
      <Layouts.Header
        title="Import subscribers"
        subtitle="From a CSV file, in the background, with a report of the rows that could not be imported"
      />
      <Layouts.Content>
        {started ? (
          <ProgressStep initial={started} />
        ) : uploaded ? (
          <MappingStep id={uploaded.id} onStarted={setStarted} />
        ) : (
          <UploadStep onUploaded={setUploaded} />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ImportPage;
