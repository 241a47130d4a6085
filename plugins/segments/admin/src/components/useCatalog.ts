import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { FieldInfo, TagInfo } from './rules';

const CM = '/content-manager/collection-types';

// Custom fields and tags, which the builder offers as condition subjects and values.
export const useCatalog = () => {
  const { get } = useFetchClient();
  const [fields, setFields] = useState<FieldInfo[]>([]);
  const [tags, setTags] = useState<TagInfo[]>([]);
  useEffect(() => {
    get<{ results: FieldInfo[] }>(`${CM}/plugin::audience.field-definition?pageSize=100`).then((res) => setFields(res.data.results));
    get<{ results: TagInfo[] }>(`${CM}/plugin::audience.tag?pageSize=100&sort=name:ASC`).then((res) => setTags(res.data.results));
  }, [get]);
  return { fields, tags };
};
