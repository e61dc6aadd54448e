import { Alert, Anchor, Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import {
  createTrigger,
  getEditorCatalog,
  getTrigger,
  updateTrigger,
  type EditorCatalog,
  type SavedTrigger,
  type TriggerInput,
} from '../../api/trigger-editor-api';
import { useSession } from '../../session/session-context';
import { ActionTab } from './action-tab';
import { BaselineSummary } from './baseline-summary';
import { ExclusionsTab } from './exclusions-tab';
import { GeneralTab } from './general-tab';
import { ProcessingTab } from './processing-tab';
import { bodyOf, draftOf, emptyDraft, TABS, tabsWithErrors, type EditorTab } from './trigger-draft';
import { ScreenLoader } from '../../shell/screen-loader';

/**
 * A trigger's settings on four tabs (/triggers/new and /triggers/:id). Saving sends the whole trigger;
 * the API's problems land on their fields, and the tabs holding them are marked and the first opened.
 */
export function TriggerEditorScreen() {
  const { api, studio } = useSession();
  const navigate = useNavigate();
  const { id } = useParams();
  const triggerId = id && id !== 'new' ? Number(id) : null;
  const [catalog, setCatalog] = useState<EditorCatalog | null>(null);
  const [draft, setDraft] = useState<TriggerInput | null>(triggerId ? null : emptyDraft());
  const [tab, setTab] = useState<EditorTab>('general');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedTrigger | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    getEditorCatalog(api).then(setCatalog, (failure: Error) => setMessage(failure.message));
    if (triggerId)
      getTrigger(api, triggerId).then(
        (trigger) => setDraft(draftOf(trigger)),
        (failure: Error) => setMessage(failure.message),
      );
  }, [api, triggerId]);

  const save = async () => {
    if (!draft || !catalog || saving) return;
    setSaving(true);
    setMessage(null);
    setSaved(null);
    const body = bodyOf(
      draft,
      catalog.types.find((t) => t.name === draft.trigger_type),
    );
    try {
      const result = triggerId ? await updateTrigger(api, triggerId, body) : await createTrigger(api, body);
      setErrors({});
      setSaved(result);
      if (!triggerId) void navigate(`/triggers/${result.id}`, { replace: true, state: { saved: result } });
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fieldErrors() : {};
      setErrors(fields);
      setMessage(failure instanceof ApiError ? failure.formMessage() : (failure as Error).message);
      const first = TABS.find((t) => tabsWithErrors(fields).has(t.value));
      if (first) setTab(first.value);
    } finally {
      setSaving(false);
    }
  };

  const marked = tabsWithErrors(errors);
  const type = catalog?.types.find((t) => t.name === draft?.trigger_type);
  return (
    <Stack>
      <Anchor component={Link} to="/triggers" size="sm">
        ← Triggers
      </Anchor>
      <Title order={1}>{triggerId ? `Trigger: ${draft?.name ?? ''}` : 'New trigger'}</Title>
      {saved && <BaselineSummary saved={saved} />}
      {message && (
        <Alert color="red" role="alert" title="The trigger was not saved">
          {message}
        </Alert>
      )}
      {(!catalog || !draft) && !message && <ScreenLoader label="Loading the trigger" />}
      {catalog && draft && (
        <form
          aria-label="Trigger"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack>
            <Tabs value={tab} onChange={(value) => value && setTab(value as EditorTab)} keepMounted={false}>
              <Tabs.List>
                {TABS.map((t) => (
                  <Tabs.Tab key={t.value} value={t.value} color={marked.has(t.value) ? 'red' : undefined}>
                    {t.label}
                    {marked.has(t.value) ? ' (has errors)' : ''}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="general" pt="md">
                <GeneralTab draft={draft} catalog={catalog} errors={errors} onChange={setDraft} />
              </Tabs.Panel>
              <Tabs.Panel value="action" pt="md">
                <ActionTab draft={draft} catalog={catalog} errors={errors} onChange={setDraft} />
              </Tabs.Panel>
              <Tabs.Panel value="processing" pt="md">
                <ProcessingTab
                  draft={draft}
                  timeZone={studio.time_zone}
                  errors={errors}
                  onChange={setDraft}
                />
              </Tabs.Panel>
              <Tabs.Panel value="exclusions" pt="md">
                <ExclusionsTab draft={draft} type={type} errors={errors} onChange={setDraft} />
              </Tabs.Panel>
            </Tabs>
            <Group>
              <Button type="submit" loading={saving}>
                {triggerId ? 'Save changes' : 'Create trigger'}
              </Button>
              <Button variant="default" component={Link} to="/triggers">
                Back to the list
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
