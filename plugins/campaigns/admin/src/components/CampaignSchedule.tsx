import { Field, Flex, Radio, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type { Schedule } from './campaign';

type Props = { schedule: Schedule; disabled: boolean; onChange(schedule: Schedule): void };

const ZONES: string[] = (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone');
const HERE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const ZoneSelect = ({
  name,
  label,
  value,
  disabled,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  disabled: boolean;
  onChange(zone: string): void;
}) => (
  <Field.Root name={name}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} disabled={disabled} onChange={(v: string | number) => onChange(String(v))}>
      {ZONES.map((zone) => (
        <SingleSelectOption key={zone} value={zone}>
          {zone}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);

// When the campaign goes out: now, at one moment in a chosen zone, or at a time of day in each
// subscriber's own zone (the default zone for those without one).
export const CampaignSchedule = ({ schedule, disabled, onChange }: Props) => {
  const changeMode = (mode: string) => {
    if (mode === 'now') onChange({ mode: 'now' });
    if (mode === 'at') onChange({ mode: 'at', at: '', zone: HERE });
    if (mode === 'local') onChange({ mode: 'local', time: '09:00', defaultZone: HERE });
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root name="schedule-mode">
        <Field.Label>When</Field.Label>
        <Radio.Group value={schedule.mode} onValueChange={changeMode} disabled={disabled}>
          <Radio.Item value="now">As soon as it is sent</Radio.Item>
          <Radio.Item value="at">At a date and time</Radio.Item>
          <Radio.Item value="local">At a time of day in each subscriber&apos;s time zone</Radio.Item>
        </Radio.Group>
      </Field.Root>
      {schedule.mode === 'at' && (
        <Flex gap={4} alignItems="end">
          <Field.Root name="schedule-at">
            <Field.Label>Date and time</Field.Label>
            <TextInput
              type="datetime-local"
              value={schedule.at}
              disabled={disabled}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...schedule, at: e.target.value })}
            />
          </Field.Root>
          <ZoneSelect
            name="schedule-zone"
            label="Time zone"
            value={schedule.zone}
            disabled={disabled}
            onChange={(zone) => onChange({ ...schedule, zone })}
          />
        </Flex>
      )}
      {schedule.mode === 'local' && (
        <Flex gap={4} alignItems="end">
          <Field.Root name="schedule-time">
            <Field.Label>Time of day (HH:MM)</Field.Label>
            <TextInput
              type="time"
              value={schedule.time}
              disabled={disabled}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...schedule, time: e.target.value })}
            />
          </Field.Root>
          <ZoneSelect
            name="schedule-default-zone"
            label="Zone for subscribers without one"
            value={schedule.defaultZone}
            disabled={disabled}
            onChange={(defaultZone) => onChange({ ...schedule, defaultZone })}
          />
        </Flex>
      )}
    </Flex>
  );
};
