import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Status as Badge,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { CampaignActions } from '../components/CampaignActions';
import { CampaignAudience } from '../components/CampaignAudience';
import { CampaignProgress } from '../components/CampaignProgress';
import { CampaignSchedule } from '../components/CampaignSchedule';
import {
  CAMPAIGNS,
  EMPTY_AUDIENCE,
  actionUrl,
  isEditable,
  type Action,
  type Audience,
  type Campaign,
  type Progress,
  type Schedule,
  type Status,
} from '../components/campaign';
import { issuesOf } from '../components/errors';
import { TEMPLATES } from './TemplateEditor';

type Fields = Pick<Campaign, 'name' | 'subject' | 'fromName' | 'fromAddress'> & { preheader: string; replyTo: string };
type Named = { documentId: string; name: string };

const TEXT_FIELDS: Array<[keyof Fields, string, string?]> = [
  ['name', 'Name'],
  ['subject', 'Subject', 'Liquid allowed, e.g. News for {{ subscriber.first_name }}'],
  ['preheader', 'Preheader', 'Shown after the subject in the inbox; overrides the template’s'],
  ['fromName', 'From name'],
  ['fromAddress', 'From address'],
  ['replyTo', 'Reply-to address'],
];
const BLANK: Fields = { name: '', subject: '', preheader: '', fromName: '', fromAddress: '', replyTo: '' };

export const CampaignEditor = () => {
  const { documentId = 'new' } = useParams();
  const isNew = documentId === 'new';
  const navigate = useNavigate();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [fields, setFields] = useState<Fields>(BLANK);
  const [template, setTemplate] = useState('');
  const [templates, setTemplates] = useState<Named[]>([]);
  const [audience, setAudience] = useState<Audience>(EMPTY_AUDIENCE);
  const [schedule, setSchedule] = useState<Schedule>({ mode: 'now' });
  // Read from the progress route: the content manager leaves out a field named `status`.
  const [status, setStatus] = useState<Status | null>(isNew ? 'draft' : null);
  const [refusal, setRefusal] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<{ results: Named[] }>(`${TEMPLATES}?pageSize=100&sort=name:ASC`).then((res) => setTemplates(res.data.results));
  }, [get]);
  useEffect(() => {
    if (isNew) return;
    get<{ data: Campaign }>(`${CAMPAIGNS}/${documentId}`).then(({ data: { data: c } }) => {
      setFields({ ...c, preheader: c.preheader ?? '', replyTo: c.replyTo ?? '' });
      setAudience(c.audience ?? EMPTY_AUDIENCE);
      setSchedule(c.schedule ?? { mode: 'now' });
    });
    get<{ results: Named[] }>(`/content-manager/relations/plugin::campaigns.campaign/${documentId}/template`).then((res) =>
      setTemplate(res.data.results[0]?.documentId ?? '')
    );
  }, [documentId, get, isNew]);

  const onProgress = useCallback((p: Progress) => setStatus(p.status), []);

  const fail = (err: unknown) => {
    const { message } = issuesOf(err);
    setRefusal(message);
    toggleNotification({ type: 'danger', message });
  };

  // Saves the form; answers the campaign's documentId, or null when the server refused it.
  const save = async (): Promise<string | null> => {
    const data = {
      ...fields,
      preheader: fields.preheader || null,
      replyTo: fields.replyTo || null,
      audience,
      schedule,
      template: template ? { set: [{ documentId: template }] } : { set: [] },
    };
    try {
      const res = isNew
        ? await post<{ data: Campaign }>(CAMPAIGNS, data)
        : await put<{ data: Campaign }>(`${CAMPAIGNS}/${documentId}`, data);
      setRefusal('');
      return res.data.data.documentId;
    } catch (err) {
      fail(err);
      return null;
    }
  };

  const saveAndStay = async () => {
    const id = await save();
    if (!id) return;
    toggleNotification({ type: 'success', message: `Campaign “${fields.name}” saved` });
    if (isNew) navigate(`../${id}`, { relative: 'path' });
  };

  const act = async (action: Action) => {
    setBusy(true);
    try {
      // Send and schedule use what is on screen, so the form is saved first.
      const id = action === 'send' || action === 'schedule' ? await save() : documentId;
      if (!id) return;
      const res = await post<{ data: Progress & { documentId?: string } }>(
        actionUrl(id, action),
        action === 'schedule' ? { schedule } : {}
      );
      setRefusal('');
      if (action === 'duplicate') navigate(`../${res.data.data.documentId}`, { relative: 'path' });
      else setStatus(res.data.data.status);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const editable = status !== null && isEditable(status);
  return (
    <Page.Main>
      <Layouts.Header
        title={isNew ? 'New campaign' : fields.name || 'Campaign'}
        subtitle={
          !isNew && (
            <Flex>
              <Badge variant="secondary" size="S">
                {status}
              </Badge>
            </Flex>
          )
        }
        primaryAction={
          <Button onClick={saveAndStay} disabled={!editable || busy || !fields.name.trim()}>
            Save
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!isNew && status && <CampaignActions status={status} busy={busy} onAction={act} />}
          {refusal && (
            <Typography textColor="danger600" role="alert">
              {refusal}
            </Typography>
          )}
          {!isNew && <CampaignProgress documentId={documentId} onProgress={onProgress} />}
          <Grid.Root gap={4}>
            {TEXT_FIELDS.map(([key, label, hint]) => (
              <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name={key} hint={hint}>
                  <Field.Label>{label}</Field.Label>
                  <TextInput
                    value={fields[key]}
                    disabled={!editable}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [key]: e.target.value })}
                  />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            ))}
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="template">
                <Field.Label>Template</Field.Label>
                <SingleSelect value={template} disabled={!editable} onChange={(v: string | number) => setTemplate(String(v))}>
                  {templates.map((t) => (
                    <SingleSelectOption key={t.documentId} value={t.documentId}>
                      {t.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
          <Box>
            <Typography variant="delta" tag="h2">
              Audience
            </Typography>
            <CampaignAudience documentId={isNew ? undefined : documentId} audience={audience} disabled={!editable} onChange={setAudience} />
          </Box>
          <Box>
            <Typography variant="delta" tag="h2">
              Schedule
            </Typography>
            <CampaignSchedule schedule={schedule} disabled={!editable} onChange={setSchedule} />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
