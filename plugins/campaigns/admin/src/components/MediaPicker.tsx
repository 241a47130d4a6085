import { useEffect, useState } from 'react';
import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

type File = { id: number; name: string; url: string; mime: string };

// Images from Strapi's media library; the block stores the picked file's URL.
export const MediaPicker = ({ onPick }: { onPick(file: { url: string; name: string }): void }) => {
  const { get } = useFetchClient();
  const [files, setFiles] = useState<File[]>([]);
  useEffect(() => {
    get<{ results: File[] }>('/upload/files?pageSize=100&sort=createdAt:DESC').then((res) =>
      setFiles(res.data.results.filter((f) => f.mime.startsWith('image/')))
    );
  }, [get]);
  return (
    <SingleSelect
      aria-label="Media library"
      placeholder={files.length ? 'Pick from the media library' : 'No images in the media library'}
      disabled={!files.length}
      onChange={(v: string | number) => {
        const file = files.find((f) => f.id === Number(v));
        if (file) onPick({ url: file.url.startsWith('/') ? `${window.location.origin}${file.url}` : file.url, name: file.name });
      }}
    >
      {files.map((f) => (
        <SingleSelectOption key={f.id} value={f.id}>
          {f.name}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};
